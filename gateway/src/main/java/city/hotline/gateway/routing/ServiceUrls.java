package city.hotline.gateway.routing;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Base URLs of the three services (application.yml {@code hotline.routes}). */
@ConfigurationProperties("hotline.routes")
public record ServiceUrls(URI intakeUrl, URI dispatchUrl, URI feedbackUrl) {}
