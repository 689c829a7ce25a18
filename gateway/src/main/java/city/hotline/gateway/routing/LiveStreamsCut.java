package city.hotline.gateway.routing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * A live stream (text/event-stream) is cut when it is closed, never read to its end. When the caller leaves, the
 * gateway closes the service's response, and closing reads what is left of a body so its connection can be used
 * again: of a live stream that is the rest of its lifetime (minutes), its heartbeat keeping the read timeout away,
 * and all that while a thread, a connection and one of the gateway's places for streams stay taken. Closing such a
 * response aborts its exchange instead: the connection is closed at once, and the service sees its stream gone.
 * A stream the service ended has been read to its end already, so its connection is reused as any other.
 */
final class LiveStreamsCut implements ExecChainHandler {
  static final String NAME = "live-streams-cut";

  @Override
  public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
      throws IOException, HttpException {
    ClassicHttpResponse response = chain.proceed(request, scope);
    HttpEntity body = response.getEntity();
    if (body != null && isLiveStream(body) && scope.originalRequest instanceof Cancellable exchange) {
      response.setEntity(new CutOnClose(body, exchange));
    }
    return response;
  }

  private static boolean isLiveStream(HttpEntity body) {
    return body.getContentType() != null
        && ContentType.TEXT_EVENT_STREAM.isSameMimeType(ContentType.parseLenient(body.getContentType()));
  }

  /** The stream's body: closing it, or any stream read from it, aborts the exchange rather than reading on. */
  private static final class CutOnClose extends HttpEntityWrapper {
    private final Cancellable exchange;

    CutOnClose(HttpEntity body, Cancellable exchange) {
      super(body);
      this.exchange = exchange;
    }

    @Override
    public InputStream getContent() throws IOException {
      return new FilterInputStream(super.getContent()) {
        @Override
        public void close() {
          exchange.cancel();
        }
      };
    }

    @Override
    public void close() {
      exchange.cancel();
    }
  }
}
