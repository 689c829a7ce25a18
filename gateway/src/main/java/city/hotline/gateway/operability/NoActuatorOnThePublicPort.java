package city.hotline.gateway.operability;

import city.hotline.gateway.security.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/**} on the public port is a plain 404, whoever asks and however: the actuator is
 * on the management port ({@link ManagementPort}), and no route passes such a path on to a
 * service, whose actuator is not public either. A filter of the public server only: the management
 * server does not run the application's filters. After the request's observation starts, so the
 * probes are still counted (as uri NOT_FOUND).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class NoActuatorOnThePublicPort extends OncePerRequestFilter {
  static final String PREFIX = "/actuator";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.equals(PREFIX) || path.startsWith(PREFIX + "/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Problems.write(response, HttpStatus.NOT_FOUND, "No such resource");
  }
}
