package city.hotline.gateway.traffic;

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
 * Refuses oversized bodies (413) before anything reads them. A body must declare its length, so the
 * limit is known up front; a chunked body of unknown length is refused with 411.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class BodySizeLimit extends OncePerRequestFilter {
  private final long maxBytes;

  BodySizeLimit(TrafficSettings settings) {
    this.maxBytes = settings.maxBodySize().toBytes();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
    if (length > maxBytes) {
      Problems.write(response, HttpStatus.CONTENT_TOO_LARGE,
          "The request body is " + length + " bytes; at most " + maxBytes + " are accepted");
    } else if (length < 0 && chunked) {
      Problems.write(response, HttpStatus.LENGTH_REQUIRED, "Send the request body with a Content-Length");
    } else {
      chain.doFilter(request, response);
    }
  }
}
