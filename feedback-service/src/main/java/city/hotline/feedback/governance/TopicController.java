package city.hotline.feedback.governance;

import city.hotline.feedback.stats.CoveredFigures;
import city.hotline.feedback.stats.StatsSettings;
import city.hotline.support.security.Caller;
import city.hotline.support.web.ApiException;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 每月一题: leaders open governance topics and follow their calls week by week (for leaders, as all of /api/dashboard). */
@RestController
@RequestMapping("/api/dashboard/topics")
class TopicController {
  private final TopicRepository topics;
  private final CoveredFigures figures;
  private final TopicSettings settings;
  private final StatsSettings stats;
  private final Clock clock;

  TopicController(TopicRepository topics, CoveredFigures figures, TopicSettings settings, StatsSettings stats,
      Clock clock) {
    this.topics = topics;
    this.figures = figures;
    this.settings = settings;
    this.stats = stats;
    this.clock = clock;
  }

  /** A topic as shown: with its lead unit's name, and on its own page its weeks. */
  record TopicView(String id, String title, String leadUnitId, String leadUnitName, List<String> categories,
      List<String> districts, String target, LocalDate from, LocalDate to, String createdBy, Instant createdAt,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<TopicWeeks.Week> weeks) {}

  record Topics(List<TopicView> items) {}

  @PostMapping
  ResponseEntity<TopicView> open(@RequestBody Topic.Draft draft) {
    Topic topic = draft.open(topics::nextId, Caller.current().actor(), clock.instant(), figures::isCategory,
        figures::isDistrict, settings.maxPeriodDays());
    topics.insert(topic);
    return ResponseEntity.created(URI.create("/api/dashboard/topics/" + topic.id())).body(view(topic, null));
  }

  /** The newest topics first, at most {@code list-limit} of them. */
  @GetMapping
  Topics list() {
    return new Topics(topics.newestFirst(settings.listLimit()).stream().map(t -> view(t, null)).toList());
  }

  @GetMapping("/{id}")
  TopicView topic(@PathVariable String id) {
    Topic topic = topics.find(id).orElseThrow(() -> ApiException.notFound("Governance topic", id));
    LocalDate today = LocalDate.now(clock.withZone(stats.zone()));
    return view(topic, TopicWeeks.of(topic, today, settings,
        (from, to) -> figures.of(from, to, topic.categories(), topic.districts())));
  }

  private TopicView view(Topic t, List<TopicWeeks.Week> weeks) {
    return new TopicView(t.id(), t.title(), t.leadUnitId(), figures.unitName(t.leadUnitId()), t.categories(),
        t.districts(), t.target(), t.from(), t.to(), t.createdBy(), t.createdAt(), weeks);
  }
}
