package city.hotline.intake.citizen;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The page's refusals as problem+json, each word for word the same whatever the ticket or phone. A citizen held up
 * is told where else to turn: the hotline itself, whose operators look calls up by phone.
 */
final class CitizenRefusals {
  /** The one answer for an unknown ticket and for digits that do not match it. */
  static final String NO_MATCH = "没有找到与该工单号和手机号后四位相符的工单 "
      + "(no work order matches this ticket number and these last four digits)";
  /** The one answer, found or not, once a ticket number has had its wrong tries; Retry-After says how long. */
  static final String TOO_MANY_TRIES = "该工单号查询错误次数过多，请稍后再试，您也可拨打 12345 查询办理进度 "
      + "(too many wrong tries for this ticket number; try again after Retry-After seconds, or call 12345)";
  /** A phone that has reported its share for the window; Retry-After says how long. */
  static final String TOO_MANY_REPORTS = "该手机号网上反映次数已达上限，请稍后再试，急事请拨打 12345 "
      + "(this phone has made its share of web reports; try again after Retry-After seconds, or call 12345)";

  private CitizenRefusals() {}

  static ErrorResponseException noMatch() {
    return refusal(HttpStatus.NOT_FOUND, "未找到工单 (Not found)", NO_MATCH, null);
  }

  static ErrorResponseException tooManyTries(Duration retryAfter) {
    return refusal(HttpStatus.TOO_MANY_REQUESTS, "查询次数过多 (Too many tries)", TOO_MANY_TRIES, retryAfter);
  }

  static ErrorResponseException tooManyReports(Duration retryAfter) {
    return refusal(HttpStatus.TOO_MANY_REQUESTS, "反映次数过多 (Too many reports)", TOO_MANY_REPORTS, retryAfter);
  }

  private static ErrorResponseException refusal(HttpStatus status, String title, String detail, Duration retryAfter) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    ErrorResponseException refusal = new ErrorResponseException(status, problem, null);
    if (retryAfter != null) {
      refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }
    return refusal;
  }
}
