package city.hotline.gateway.security;

import java.util.List;
import java.util.Map;
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

/** Bad input to the gateway's own endpoints (sign-in, administration): 400 naming each field and rule. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before Boot's generic problem-details advice, which lists no fields
class ValidationProblems {

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
    return Problems.invalid(e.getBindingResult().getFieldErrors().stream()
        .map(f -> Problems.fieldError(f.getField(), f.getDefaultMessage())).toList());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
      String field = json.getPath().get(json.getPath().size() - 1).getPropertyName();
      return Problems.invalid(List.of(Problems.fieldError(field == null ? "body" : field,
          "has a value of the wrong type or format")));
    }
    return Problems.invalid(List.of(Problems.fieldError("body", "is missing or is not valid JSON")));
  }

  @ExceptionHandler(com.mongodb.MongoException.class)
  ResponseEntity<ProblemDetail> storeDown(com.mongodb.MongoException e) {
    return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "The gateway's database is unavailable; please retry shortly",
        Map.of("Retry-After", "5"));
  }
}
