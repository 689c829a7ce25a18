package city.hotline.feedback.alert;

import city.hotline.feedback.stats.DashboardController;
import city.hotline.support.security.Caller;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** 突发预警 for the leadership and the dispatch desk: the list, acknowledging one, and the live stream. */
@RestController
@RequestMapping("/api/dashboard/alerts")
class AlertController {
  /** Without a state: the alerts still to be worked on. */
  private static final List<AlertState> CURRENT = List.of(AlertState.OPEN, AlertState.ACKNOWLEDGED);

  private final AlertService alerts;
  private final AlertStream stream;
  private final AlertViews views;
  private final AlertSettings settings;

  AlertController(AlertService alerts, AlertStream stream, AlertViews views, AlertSettings settings) {
    this.alerts = alerts;
    this.stream = stream;
    this.views = views;
    this.settings = settings;
  }

  @GetMapping
  AlertView.Items list(@RequestParam(required = false) String state) {
    List<AlertState> states = state == null || state.isBlank() ? CURRENT : List.of(state(state));
    return new AlertView.Items(alerts.list(states, settings.listLimit()).stream().map(views::of).toList());
  }

  @PostMapping("/{id}/acknowledge")
  AlertView acknowledge(@PathVariable String id) {
    return views.of(alerts.acknowledge(id, Caller.current()));
  }

  @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream() {
    return stream.open();
  }

  private static AlertState state(String value) {
    List<FieldProblem> problems = new ArrayList<>();
    AlertState state = DashboardController.choice(AlertState.class, "state", value.strip(), problems);
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    return state;
  }
}
