package city.hotline.intake.suggestion;

import city.hotline.intake.complaint.ComplaintRepository.LearnableCall;
import city.hotline.intake.knowledge.Article;
import city.hotline.intake.knowledge.ArticleContent;
import city.hotline.intake.knowledge.KnowledgeIndex;
import city.hotline.intake.knowledge.KnowledgeSettings;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/run.sh suggestions}: {@code POST /api/complaints/suggestions}'s work in process, at 10,000 knowledge
 * articles (the knowledge base's own {@link KnowledgeIndex}) and a model learned from 100,000 closed work orders,
 * timed over thousands of suggestions after a warm-up. Everything is generated ({@link GeneratedCalls}); HTTP, JSON and
 * the gateway are not in the figures. Arguments: articles, work orders, timed calls, warm-up calls (defaults 10000
 * 100000 5000 3000).
 */
public final class SuggestionBenchmark {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private SuggestionBenchmark() {}

  public static void main(String[] args) throws Exception {
    int articles = arg(args, 0, 10_000);
    int orders = arg(args, 1, 100_000);
    int timed = arg(args, 2, 5_000);
    int warmup = arg(args, 3, 3_000);
    Gazetteer gazetteer = GazetteerTest.wuhan();
    print("JVM: %s %s, max heap %d MB, %d processors", System.getProperty("java.vm.name"),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors());

    long heapBefore = usedHeap();
    long t0 = System.nanoTime();
    KnowledgeIndex index = new KnowledgeIndex(Clock.systemUTC(), KnowledgeSettings.defaults());
    GeneratedCalls texts = new GeneratedCalls(1, gazetteer);
    for (int n = 1; n <= articles; n++) {
      GeneratedCalls.Text t = texts.article(n);
      index.stage(Article.seeded(String.format("KB%06d", n), new ArticleContent(t.title(), t.questions(), t.answer(),
          "《武汉市城市综合管理条例》", t.category(), null, null, null), START));
    }
    index.refresh();
    long indexMillis = (System.nanoTime() - t0) / 1_000_000;
    long heapIndex = usedHeap();
    print("knowledge index: %d articles in %,d ms, about %d MB of heap", index.size(), indexMillis,
        (heapIndex - heapBefore) >> 20);

    LearnedHistory history = new LearnedHistory();
    GeneratedCalls past = new GeneratedCalls(2, gazetteer);
    t0 = System.nanoTime();
    for (int n = 0; n < orders; n++) {
      GeneratedCalls.Call c = past.call();
      history.learn(new LearnableCall(String.format("WH%014d", n), c.description(), c.address(), c.district(), null,
          c.category(), c.category(), c.district() + "_UNIT", START.plusSeconds(n), START.plusSeconds(n),
          START.plusSeconds(n)));
    }
    long trainMillis = (System.nanoTime() - t0) / 1_000_000;
    long heapModel = usedHeap();
    print("model: %d work orders learned in %,d ms (%.0f per second), about %d MB of heap", history.size(), trainMillis,
        history.size() * 1000.0 / Math.max(1, trainMillis), (heapModel - heapIndex) >> 20);

    Suggester suggester = new Suggester(history, gazetteer, index);
    GeneratedCalls typing = new GeneratedCalls(3, gazetteer);
    int correct = 0;
    for (int i = 0; i < warmup; i++) {
      GeneratedCalls.Call c = typing.call();
      suggester.suggest(c.description(), c.address(), null, null);
    }
    long[] nanos = new long[timed];
    int withArticles = 0;
    long wallStart = System.nanoTime();
    for (int i = 0; i < timed; i++) {
      GeneratedCalls.Call c = typing.call();
      long s = System.nanoTime();
      Suggestions answer = suggester.suggest(c.description(), c.address(), null, null);
      nanos[i] = System.nanoTime() - s;
      withArticles += answer.articles().isEmpty() ? 0 : 1;
      correct += !answer.categories().isEmpty() && answer.categories().get(0).code().equals(c.category()) ? 1 : 0;
    }
    long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;
    Arrays.sort(nanos);
    print("suggestions: %d timed after %d warm-up, one thread, %,d ms in all", timed, warmup, wallMillis);
    print("  p50 %.2f ms   p95 %.2f ms   p99 %.2f ms   max %.2f ms", ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99),
        nanos[timed - 1] / 1e6);
    print("  answers with articles: %d of %d; generated category top-1 %.1f %% (generated data: says nothing about real calls)",
        withArticles, timed, 100.0 * correct / timed);
    print("heap after all: %d MB used of %d MB max; GC: %s", usedHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20,
        gcSummary());
    index.close();
  }

  private static double ms(long[] sorted, double quantile) {
    int at = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, at)] / 1e6;
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static String gcSummary() {
    List<String> parts = new ArrayList<>();
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      parts.add(gc.getName() + " " + gc.getCollectionCount() + " collections " + gc.getCollectionTime() + " ms");
    }
    return String.join(", ", parts);
  }

  private static int arg(String[] args, int i, int otherwise) {
    return args.length > i ? Integer.parseInt(args[i]) : otherwise;
  }

  private static void print(String format, Object... values) {
    System.out.println(String.format(Locale.ROOT, format, values));
  }
}
