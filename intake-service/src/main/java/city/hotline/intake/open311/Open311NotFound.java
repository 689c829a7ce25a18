package city.hotline.intake.open311;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A path under /open311/v2 that no handler serves (another suffix, services.csv; a misspelt path) gets the spec's 404,
 * not intake's problem+json. A resolver rather than a catch-all handler: the API's handlers stay exactly the spec's
 * operations. Every other path is left to the next resolver (null).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311NotFound implements HandlerExceptionResolver {
  private static final String PREFIX = "/open311/v2/";

  private final Open311Controller controller;
  private final JsonMapper json;

  Open311NotFound(Open311Controller controller, JsonMapper json) {
    this.controller = controller;
    this.json = json;
  }

  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception e) {
    if (!(e instanceof NoResourceFoundException) || !request.getRequestURI().startsWith(PREFIX)) {
      return null;
    }
    ResponseEntity<?> answer = controller.refused(Open311Error.of(HttpStatus.NOT_FOUND, request.getMethod() + " "
        + request.getRequestURI() + " is not served: the paths are discovery, services, services/{service_code}, "
        + "requests and requests/{id}, each ending in .json or .xml"), request);
    response.setStatus(answer.getStatusCode().value());
    answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
    Object body = answer.getBody();
    try {
      response.getOutputStream().write((body instanceof String text ? text : json.writeValueAsString(body))
          .getBytes(StandardCharsets.UTF_8));
    } catch (IOException failed) {
      return null;
    }
    return new ModelAndView();
  }
}
