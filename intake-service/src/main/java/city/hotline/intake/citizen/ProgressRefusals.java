package city.hotline.intake.citizen;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A progress check's two refusals, each word for word the same whatever the ticket, as problem+json. */
final class ProgressRefusals {
  /** The one answer for an unknown ticket and for digits that do not match it. */
  static final String NO_MATCH = "没有找到与该工单号和手机号后四位相符的工单 "
      + "(no work order matches this ticket number and these last four digits)";
  /** The one answer, found or not, once a ticket number has had its wrong tries; Retry-After says how long. */
  static final String TOO_MANY_TRIES = "该工单号查询错误次数过多，请稍后再试 "
      + "(too many wrong tries for this ticket number; try again after Retry-After seconds)";

  private ProgressRefusals() {}

  static ErrorResponseException noMatch() {
    return refusal(HttpStatus.NOT_FOUND, "Not found", NO_MATCH);
  }

  static ErrorResponseException tooManyTries(Duration retryAfter) {
    ErrorResponseException refusal = refusal(HttpStatus.TOO_MANY_REQUESTS, "Too many tries", TOO_MANY_TRIES);
    refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    return refusal;
  }

  private static ErrorResponseException refusal(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return new ErrorResponseException(status, problem, null);
  }
}
