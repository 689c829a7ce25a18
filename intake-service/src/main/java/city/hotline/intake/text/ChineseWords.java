package city.hotline.intake.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * 分词: Chinese text as the words a caller used, by Lucene's SmartChinese analyzer (a hidden-Markov model over a
 * dictionary, with its stop words; Latin words lower-cased and stemmed). The knowledge base's index and the
 * suggestion model segment alike, so a word found in one is the same word in the other.
 */
public final class ChineseWords {
  /** Thread-safe: Lucene analyzers keep per-thread token streams. */
  private static final Analyzer ANALYZER = new SmartChineseAnalyzer(true);

  private ChineseWords() {}

  /** The analyzer the knowledge index and its queries use. */
  public static Analyzer analyzer() {
    return ANALYZER;
  }

  /** The words of {@code text} in order, stop words and punctuation left out; empty for null or blank text. */
  public static List<String> of(String text) {
    List<String> words = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return words;
    }
    try (TokenStream tokens = ANALYZER.tokenStream("text", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        words.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException("segmenting text in memory cannot fail", e);
    }
    return words;
  }
}
