package city.hotline.intake.suggestion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * 智能分类: a multinomial naive Bayes model of which category a call's words were finally handled as. Learned one
 * work order at a time; each prediction is {@code log P(c) + Σ log P(w|c)} with Laplace (add-one) smoothing, in log
 * space so long descriptions do not underflow, turned into probabilities over the categories seen. Words never seen
 * in any work order are left out: they say nothing about any category.
 *
 * <p>Thread-safe: predictions read concurrently under a read lock, learning takes the write lock (a few microseconds
 * per work order), so the endpoint answers while the history is still loading.
 */
public final class CategoryModel {
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, CategoryCounts> categories = new HashMap<>();
  private final Set<String> vocabulary = new HashSet<>();
  private long documents;

  /** A category with its probability given the words, 0..1. */
  public record Scored(String code, double probability) {}

  private static final class CategoryCounts {
    private final Map<String, Integer> words = new HashMap<>();
    private long documents;
    private long totalWords;
  }

  /** Learns that a work order with these words was handled as {@code category}. */
  public void learn(Collection<String> words, String category) {
    lock.writeLock().lock();
    try {
      CategoryCounts counts = categories.computeIfAbsent(category, c -> new CategoryCounts());
      counts.documents++;
      documents++;
      for (String word : words) {
        counts.words.merge(word, 1, Integer::sum);
        counts.totalWords++;
        vocabulary.add(word);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** How many work orders it has learned from. */
  public long documents() {
    lock.readLock().lock();
    try {
      return documents;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The {@code k} likeliest categories for these words, best first; empty before anything is learned. */
  public List<Scored> predict(Collection<String> words, int k) {
    lock.readLock().lock();
    try {
      if (documents == 0) {
        return List.of();
      }
      List<String> known = words.stream().filter(vocabulary::contains).toList();
      double vocabularySize = vocabulary.size();
      List<String> codes = new ArrayList<>(categories.keySet());
      double[] logs = new double[codes.size()];
      double best = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < codes.size(); i++) {
        CategoryCounts counts = categories.get(codes.get(i));
        double log = Math.log((double) counts.documents / documents);
        double denominator = Math.log(counts.totalWords + vocabularySize);
        for (String word : known) {
          log += Math.log(counts.words.getOrDefault(word, 0) + 1.0) - denominator;
        }
        logs[i] = log;
        best = Math.max(best, log);
      }
      return top(codes, logs, best, k);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Softmax of the log scores (shifted by the best one so exp never underflows to all zeros), the top k. */
  private static List<Scored> top(List<String> codes, double[] logs, double best, int k) {
    double sum = 0;
    double[] exp = new double[logs.length];
    for (int i = 0; i < logs.length; i++) {
      exp[i] = Math.exp(logs[i] - best);
      sum += exp[i];
    }
    List<Scored> scored = new ArrayList<>(codes.size());
    for (int i = 0; i < codes.size(); i++) {
      scored.add(new Scored(codes.get(i), exp[i] / sum));
    }
    scored.sort(Comparator.comparingDouble(Scored::probability).reversed().thenComparing(Scored::code));
    return List.copyOf(scored.subList(0, Math.min(k, scored.size())));
  }
}
