package city.hotline.gateway.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterTest {
  private final RequestIdFilter filter = new RequestIdFilter();

  private String forwardedId(MockHttpServletRequest request, MockHttpServletResponse response) throws Exception {
    AtomicReference<String> seen = new AtomicReference<>();
    filter.doFilter(request, response, (req, res) -> seen.set(((HttpServletRequest) req).getHeader("X-Request-Id")));
    return seen.get();
  }

  @Test
  void aWellFormedIdFromTheCallerIsKeptForwardedAndReturned() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cases");
    request.addHeader("X-Request-Id", "call-centre-42");
    MockHttpServletResponse response = new MockHttpServletResponse();

    assertThat(forwardedId(request, response)).isEqualTo("call-centre-42");
    assertThat(response.getHeader("X-Request-Id")).isEqualTo("call-centre-42");
  }

  @Test
  void aMissingOrMalformedIdIsReplacedBeforeItReachesAService() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cases");
    request.addHeader("X-Request-Id", "bad id\r\nX-Injected: 1");
    MockHttpServletResponse response = new MockHttpServletResponse();

    String forwarded = forwardedId(request, response);

    assertThat(forwarded).matches("[0-9a-f-]{36}");
    assertThat(response.getHeader("X-Request-Id")).isEqualTo(forwarded);
  }

  @Test
  void theServicesEchoOfTheIdDoesNotDoubleTheHeader() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cases");
    request.addHeader("X-Request-Id", "call-centre-43");
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response,
        (req, res) -> ((jakarta.servlet.http.HttpServletResponse) res).addHeader("X-Request-Id", "call-centre-43"));
    assertThat(response.getHeaders("X-Request-Id")).containsExactly("call-centre-43");
  }
}
