package city.hotline.intake.knowledge;

import city.hotline.intake.text.ChineseWords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.springframework.stereotype.Component;

/**
 * 知识库 full-text search: every article's current version in an in-memory Lucene index, segmented by the SmartChinese
 * analyzer ({@link ChineseWords}), so a caller's words find an article that says the same in other words. A title
 * counts most, then the questions callers ask, then the answer. Whether an article is in force is decided at query
 * time against the service's clock, so one that becomes valid or expires needs no re-indexing. The index holds every
 * status (editors list drafts and retired ones too); {@link KnowledgeSync} keeps it current with the store.
 * Searches share one {@link SearcherManager}: a query costs a lookup, never a rebuild.
 */
@Component
public class KnowledgeIndex implements KnowledgeLookup, AutoCloseable {
  static final String ID = "id";
  static final String TITLE = "title";
  static final String QUESTIONS = "questions";
  static final String ANSWER = "answer";
  static final String CATEGORY = "category";
  static final String UNIT = "unitId";
  static final String STATUS = "status";
  static final String VERSION = "version";
  static final String VALID_FROM = "validFrom";
  static final String VALID_UNTIL = "validUntil";
  static final String UPDATED = "updatedAt";
  /** Relevance weights: a word in the title says most about what an article is for. */
  private static final Map<String, Float> BOOSTS = Map.of(TITLE, 3f, QUESTIONS, 2f, ANSWER, 1f);
  /**
   * Words a caller says in every sentence ("我家里不知道是不是…"): in a query they would rank an article for its
   * "不亮" as high as for the words that matter. The index keeps them, so a phrase an article uses is still found.
   */
  private static final Set<String> FILLERS = Set.of("我", "你", "他", "她", "它", "我们", "你们", "他们", "的", "了",
      "着", "过", "是", "不", "没", "没有", "有", "在", "吗", "呢", "吧", "啊", "呀", "也", "就", "都", "还", "又", "和",
      "与", "把", "被", "让", "给", "对", "从", "这", "那", "这个", "那个", "个", "一", "一个", "些", "什么", "怎么",
      "怎么办", "为什么", "哪", "哪里", "谁", "请问", "请", "您", "好", "很", "太", "说", "想", "要", "会", "能", "可以");
  /** Positions and offsets in the postings: the highlighter finds matches without analysing the text again. */
  private static final FieldType TEXT = textType();

  private final Clock clock;
  private final int maxQueryWords;
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final IndexWriter writer;
  private final SearcherManager searchers;
  /** The version of each article in the index: an older one read again (a poll's margin) changes nothing. */
  private final Map<String, Integer> versions = new ConcurrentHashMap<>();

  public KnowledgeIndex(Clock clock, KnowledgeSettings settings) {
    this.clock = clock;
    this.maxQueryWords = settings.maxQueryWords();
    try {
      this.writer = new IndexWriter(directory, new IndexWriterConfig(ChineseWords.analyzer()));
      this.searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException("an index in memory cannot fail to open", e);
    }
  }

  /**
   * Indexes an article written by this replica, searchable when this returns (unless a newer one is there). Refreshes
   * even when the version is already staged: the poll may have staged it and not yet made it searchable, and the
   * editor who wrote it must find it at once.
   */
  public void put(Article article) {
    stage(article);
    refresh();
  }

  /**
   * Adds or replaces an article unless the index has this version or a newer one; searchable after {@link #refresh}.
   *
   * @return whether the index changed
   */
  public synchronized boolean stage(Article article) {
    Integer indexed = versions.get(article.id());
    if (indexed != null && indexed >= article.version()) {
      return false;
    }
    try {
      writer.updateDocument(new Term(ID, article.id()), document(article));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    versions.put(article.id(), article.version());
    return true;
  }

  /** Makes what was staged searchable. */
  public void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many articles are indexed. */
  public int size() {
    return versions.size();
  }

  @Override
  public List<ArticleMatch> matching(String text, int limit) {
    Query words = words(text);
    if (words == null || limit <= 0) {
      return List.of();
    }
    return withSearcher(searcher -> {
      List<ArticleMatch> matches = new ArrayList<>();
      // counting no further than the hits asked for lets Lucene skip blocks that cannot make the top (WAND)
      TopDocs top = searcher.search(inForce(words), new TopScoreDocCollectorManager(limit, limit));
      for (ScoreDoc hit : top.scoreDocs) {
        Document doc = searcher.storedFields().document(hit.doc);
        matches.add(new ArticleMatch(doc.get(ID), doc.get(TITLE), hit.score));
      }
      return matches;
    });
  }

  @Override
  public Optional<ArticleMatch> citable(String articleId) {
    if (articleId == null || articleId.isBlank()) {
      return Optional.empty();
    }
    return withSearcher(searcher -> {
      ScoreDoc[] hits = searcher.search(inForce(new TermQuery(new Term(ID, articleId))), 1).scoreDocs;
      if (hits.length == 0) {
        return Optional.<ArticleMatch>empty();
      }
      return Optional.of(new ArticleMatch(articleId, searcher.storedFields().document(hits[0].doc).get(TITLE), 1.0));
    });
  }

  /** One page of a search: ranked with highlighted snippets for words, else newest change first. */
  public KnowledgePage<ArticleHit> search(ArticleSearch search) {
    Query words = words(search.q());
    boolean ranked = search.q() != null && !search.q().isBlank();
    if (ranked && words == null) { // only stop words or punctuation: nothing can match
      return new KnowledgePage<>(List.of(), search.page(), search.size(), 0);
    }
    Query query = filtered(words == null ? new MatchAllDocsQuery() : words, search);
    long window = (long) (search.page() + 1) * search.size();
    return withSearcher(searcher -> {
      long total = searcher.count(query);
      int from = search.page() * search.size();
      if (from >= total || window > Integer.MAX_VALUE) {
        return new KnowledgePage<>(List.<ArticleHit>of(), search.page(), search.size(), total);
      }
      TopDocs top = ranked ? searcher.search(query, (int) window)
          : searcher.search(query, (int) window, new Sort(new SortField(UPDATED, SortField.Type.LONG, true)));
      List<ScoreDoc> page = List.of(top.scoreDocs).subList(Math.min(from, top.scoreDocs.length), top.scoreDocs.length);
      List<String> snippets = Snippets.of(searcher, ranked ? words : null, page);
      List<ArticleHit> items = new ArrayList<>();
      for (int i = 0; i < page.size(); i++) {
        items.add(hit(searcher.storedFields().document(page.get(i).doc), snippets.get(i),
            ranked ? (double) page.get(i).score : null));
      }
      return new KnowledgePage<>(items, search.page(), search.size(), total);
    });
  }

  @Override
  public void close() throws IOException {
    searchers.close();
    writer.close();
    directory.close();
  }

  /**
   * The caller's words as a query: each word (at most {@code maxQueryWords}) in title, questions or answer, weighted;
   * null when the text has no words.
   */
  Query words(String text) {
    List<String> words = ChineseWords.of(text).stream().filter(word -> !FILLERS.contains(word)).distinct()
        .limit(maxQueryWords).toList();
    if (words.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String word : words) {
      BOOSTS.forEach((field, boost) -> query.add(new BoostQuery(new TermQuery(new Term(field, word)), boost),
          Occur.SHOULD));
    }
    return query.build();
  }

  private Query filtered(Query query, ArticleSearch search) {
    BooleanQuery.Builder all = new BooleanQuery.Builder().add(search.inForceOnly() ? inForce(query) : query, Occur.MUST);
    if (!search.inForceOnly() && search.status() != null) {
      all.add(new TermQuery(new Term(STATUS, search.status().name())), Occur.FILTER);
    }
    if (search.category() != null) {
      all.add(new TermQuery(new Term(CATEGORY, search.category())), Occur.FILTER);
    }
    if (search.unitId() != null) {
      all.add(new TermQuery(new Term(UNIT, search.unitId())), Occur.FILTER);
    }
    return all.build();
  }

  /** In force now (现行有效): published, valid from now or earlier, valid until later than now. */
  private Query inForce(Query query) {
    long now = clock.millis();
    return new BooleanQuery.Builder().add(query, Occur.MUST)
        .add(new TermQuery(new Term(STATUS, ArticleStatus.PUBLISHED.name())), Occur.FILTER)
        .add(LongPoint.newRangeQuery(VALID_FROM, Long.MIN_VALUE, now), Occur.FILTER)
        .add(LongPoint.newRangeQuery(VALID_UNTIL, now + 1, Long.MAX_VALUE), Occur.FILTER)
        .build();
  }

  private ArticleHit hit(Document doc, String snippet, Double score) {
    ArticleStatus status = ArticleStatus.valueOf(doc.get(STATUS));
    long now = clock.millis();
    boolean valid = doc.getField(VALID_FROM).numericValue().longValue() <= now
        && now < doc.getField(VALID_UNTIL).numericValue().longValue();
    return new ArticleHit(doc.get(ID), doc.get(TITLE), snippet, doc.get(CATEGORY), doc.get(UNIT),
        doc.getField(VERSION).numericValue().intValue(), status, score, status == ArticleStatus.PUBLISHED && valid);
  }

  private static Document document(Article article) {
    ArticleContent content = article.content();
    Document doc = new Document();
    doc.add(new StringField(ID, article.id(), Field.Store.YES));
    doc.add(new Field(TITLE, content.title(), TEXT));
    for (String question : content.questions()) {
      doc.add(new Field(QUESTIONS, question, TEXT));
    }
    doc.add(new Field(ANSWER, content.answer(), TEXT));
    doc.add(new StringField(CATEGORY, content.category(), Field.Store.YES));
    if (content.unitId() != null) {
      doc.add(new StringField(UNIT, content.unitId(), Field.Store.YES));
    }
    doc.add(new StringField(STATUS, article.status().name(), Field.Store.YES));
    doc.add(new StoredField(VERSION, article.version()));
    long from = content.validFrom() == null ? Long.MIN_VALUE : content.validFrom().toEpochMilli();
    long until = content.validUntil() == null ? Long.MAX_VALUE : content.validUntil().toEpochMilli();
    doc.add(new LongPoint(VALID_FROM, from));
    doc.add(new StoredField(VALID_FROM, from));
    doc.add(new LongPoint(VALID_UNTIL, until));
    doc.add(new StoredField(VALID_UNTIL, until));
    Instant updated = article.updatedAt() == null ? Instant.EPOCH : article.updatedAt();
    doc.add(new NumericDocValuesField(UPDATED, updated.toEpochMilli()));
    return doc;
  }

  private static FieldType textType() {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  private <T> T withSearcher(SearcherWork<T> work) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return work.on(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FunctionalInterface
  private interface SearcherWork<T> {
    T on(IndexSearcher searcher) throws IOException;
  }
}
