package city.hotline.intake.knowledge;

import city.hotline.intake.text.ChineseWords;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Why an article matched (命中片段): the passage of its answer (else of its questions, else its title) with the words
 * that matched wrapped in {@code <mark>…</mark>} and everything else HTML-escaped, so a page may show it as HTML.
 * Without words, the beginning of the answer, escaped.
 */
final class Snippets {
  /** About a line of a result list: long enough to read the matched words in context. */
  static final int LENGTH = 80;
  /** The matched words in the middle of the passage, with context on both sides. */
  private static final float CENTRED = 0.5f;
  private static final String MARK = "<mark>";
  private static final String ELLIPSIS = "…";
  /** What UnifiedHighlighter puts between the values of a many-valued field (its MULTIVAL_SEP_CHAR, not public). */
  private static final char BETWEEN_VALUES = '\u0000';
  /** Between two of the callers' questions in one snippet. */
  private static final String QUESTION_SEPARATOR = " / ";
  /** Where a snippet is taken from, in order of preference. */
  private static final String[] FIELDS = {KnowledgeIndex.ANSWER, KnowledgeIndex.QUESTIONS, KnowledgeIndex.TITLE};

  private Snippets() {}

  static List<String> of(IndexSearcher searcher, Query words, List<ScoreDoc> hits) throws IOException {
    if (hits.isEmpty()) {
      return List.of();
    }
    if (words == null) {
      List<String> leads = new ArrayList<>();
      for (ScoreDoc hit : hits) {
        leads.add(lead(searcher.storedFields().document(hit.doc).get(KnowledgeIndex.ANSWER)));
      }
      return leads;
    }
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, ChineseWords.analyzer())
        .withFormatter(new DefaultPassageFormatter(MARK, "</mark>", ELLIPSIS, true))
        .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
            BreakIterator.getSentenceInstance(Locale.CHINA), LENGTH, CENTRED))
        .build();
    TopDocs page = new TopDocs(new TotalHits(hits.size(), TotalHits.Relation.EQUAL_TO), hits.toArray(ScoreDoc[]::new));
    Map<String, String[]> found = highlighter.highlightFields(FIELDS, words, page, new int[] {1, 1, 1});
    List<String> snippets = new ArrayList<>();
    for (int i = 0; i < hits.size(); i++) {
      snippets.add(best(found, i, searcher, hits.get(i)));
    }
    return snippets;
  }

  private static String best(Map<String, String[]> found, int i, IndexSearcher searcher, ScoreDoc hit)
      throws IOException {
    for (String field : FIELDS) {
      String snippet = found.get(field)[i];
      if (snippet != null && snippet.contains(MARK)) {
        return readable(snippet);
      }
    }
    return lead(searcher.storedFields().document(hit.doc).get(KnowledgeIndex.ANSWER));
  }

  /**
   * The highlighter joins the values of a many-valued field (the questions) with a control character; a passage
   * spanning two questions shows a separator a reader sees instead, and none at either end.
   */
  static String readable(String snippet) {
    String sep = String.valueOf(BETWEEN_VALUES);
    String trimmed = snippet.strip();
    while (trimmed.startsWith(sep)) {
      trimmed = trimmed.substring(1).strip();
    }
    while (trimmed.endsWith(sep)) {
      trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
    }
    return trimmed.replace(sep, QUESTION_SEPARATOR);
  }

  /** The beginning of a text, escaped. */
  static String lead(String text) {
    String start = text.length() <= LENGTH ? text : text.substring(0, LENGTH) + ELLIPSIS;
    return escape(start);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
