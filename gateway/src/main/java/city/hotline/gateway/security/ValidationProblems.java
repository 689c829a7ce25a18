package city.hotline.gateway.security;

import city.hotline.support.validation.OneOfValidator;
import city.hotline.support.web.JsonPaths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

/** Bad input to the gateway's own endpoints (sign-in, administration): 400 naming each field and rule. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before Boot's generic problem-details advice, which lists no fields
class ValidationProblems {

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
    return Problems.invalid(e.getBindingResult().getFieldErrors().stream()
        .map(f -> Problems.fieldError(f.getField(), f.getDefaultMessage())).toList());
  }

  /**
   * A body that could not be read: reported alone, since reading stopped before bean validation could look at the
   * other fields. The gateway's bodies take enumerated fields (a user's roles) as names checked by {@code @OneOf}, so
   * an unknown one goes through {@link #invalid} with the rest; should a body ever read an enum directly, an unknown
   * name is still worded as {@code @OneOf} words it.
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    Optional<String> field = e.getCause() instanceof JacksonException json ? JsonPaths.field(json) : Optional.empty();
    if (field.isEmpty()) {
      return Problems.invalid(List.of(Problems.fieldError("body", "is missing or is not valid JSON")));
    }
    String message = e.getCause() instanceof InvalidFormatException bad && bad.getTargetType().isEnum()
        ? OneOfValidator.problem(bad.getTargetType(), bad.getValue())
        : "has a value of the wrong type or format";
    return Problems.invalid(List.of(Problems.fieldError(field.get(), message)));
  }

  @ExceptionHandler(com.mongodb.MongoException.class)
  ResponseEntity<ProblemDetail> storeDown(com.mongodb.MongoException e) {
    return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "The gateway's database is unavailable; please retry shortly",
        Map.of("Retry-After", "5"));
  }
}
