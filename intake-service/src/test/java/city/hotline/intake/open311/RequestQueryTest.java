package city.hotline.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.hotline.intake.complaint.ComplaintStatus;
import city.hotline.support.web.ApiException.FieldProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

/** GET requests' arguments: the spec's defaults and limits, every broken rule named. */
class RequestQueryTest {
  private static final Instant NOW = Instant.parse("2026-12-08T04:00:00Z");
  private static final Duration SPAN = Duration.ofDays(90);

  private static RequestQuery query(Map<String, String> args) {
    return RequestQuery.of(new ServiceRequestForm(args), NOW, SPAN, 1000, Fixtures.CATALOG::isService);
  }

  private static List<String> refused(Map<String, String> args) {
    try {
      query(args);
    } catch (Open311Error e) {
      assertThat(e.status().value()).isEqualTo(400);
      return e.problems().stream().map(FieldProblem::field).toList();
    }
    throw new AssertionError("accepted " + args);
  }

  @Test
  void withoutDatesItIsTheLast90DaysAndWithOneDateTheOtherIs90DaysAway() {
    assertThat(query(Map.of())).extracting(RequestQuery::start, RequestQuery::end)
        .containsExactly(NOW.minus(SPAN), NOW);
    Instant start = Instant.parse("2026-10-01T00:00:00Z");
    assertThat(query(Map.of("start_date", "2026-10-01T08:00:00+08:00")).end()).isEqualTo(start.plus(SPAN));
    assertThat(query(Map.of("end_date", "2026-10-01T00:00:00Z")).start()).isEqualTo(start.minus(SPAN));
  }

  @Test
  void statusesServiceCodesAndTicketNumbersAreCommaLists() {
    RequestQuery query = query(Map.of("status", "closed", "service_code", "STREET_LIGHTING,SANITATION",
        "service_request_id", "WH20261208000001, WH20261208000002"));

    assertThat(query.statuses()).containsExactly(ComplaintStatus.CLOSED, ComplaintStatus.MERGED);
    assertThat(query.categories()).containsExactly("STREET_LIGHTING", "SANITATION");
    assertThat(query.ids()).containsExactly("WH20261208000001", "WH20261208000002");
  }

  @Test
  void ticketNumbersOverrideEveryOtherArgument() {
    Bson filter = query(Map.of("service_request_id", "WH20261208000001", "status", "open"))
        .filter("WH", ZoneId.of("Asia/Shanghai"));

    assertThat(filter.toBsonDocument().toJson()).isEqualTo("{\"_id\": {\"$in\": [\"WH20261208000001\"]}}");
  }

  @Test
  void aPeriodIsReadAsARangeOfTicketNumbersOfTheHotlinesDays() {
    BsonDocument filter = query(Map.of("start_date", "2026-12-01T00:00:00+08:00",
        "end_date", "2026-12-07T23:59:59+08:00", "status", "open")).filter("WH", ZoneId.of("Asia/Shanghai"))
        .toBsonDocument();

    assertThat(filter.toJson()).contains("{\"_id\": {\"$gte\": \"WH20261201\"}}", "{\"_id\": {\"$lt\": \"WH20261208\"}}",
        "\"status\": {\"$in\": [\"REGISTERED\"");
  }

  @Test
  void everyBrokenRuleIsNamedAtOnce() {
    assertThat(refused(Map.of("status", "pending", "service_code", "POTHOLES", "start_date", "yesterday")))
        .containsExactly("service_code", "status", "start_date");
    assertThat(refused(Map.of("start_date", "2026-01-01T00:00:00Z", "end_date", "2026-06-01T00:00:00Z")))
        .containsExactly("end_date");
    assertThat(refused(Map.of("start_date", "2026-06-01T00:00:00Z", "end_date", "2026-01-01T00:00:00Z")))
        .containsExactly("end_date");
    assertThatThrownBy(() -> query(Map.of("end_date", "2026-06-01"))).isInstanceOf(Open311Error.class);
  }
}
