package city.hotline.intake.webhook;

import city.hotline.intake.reference.ReferenceData;
import city.hotline.support.web.ApiException.FieldProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A new webhook as an admin asks for it: where to, and which tickets (a category and/or district narrow either scope;
 * an area needs at least one, or it would be the whole city).
 */
record SubscriptionRequest(String url, String scope, String category, String district) {
  private static final int MAX_URL = 2000;
  private static final int MAX_PORT = 65535;

  /** Every rule this request breaks, each naming its field. */
  List<FieldProblem> problems(ReferenceData reference, boolean httpsOnly) {
    List<FieldProblem> problems = new ArrayList<>();
    urlProblem(httpsOnly).ifPresent(rule -> problems.add(new FieldProblem("url", rule)));
    if (scope == null || scope.isBlank()) {
      problems.add(new FieldProblem("scope", "is required"));
    } else if (Arrays.stream(Scope.values()).noneMatch(s -> s.name().equals(scope))) {
      problems.add(new FieldProblem("scope", "must be one of " + Arrays.toString(Scope.values())));
    } else if (Scope.valueOf(scope) == Scope.AREA && isBlank(category) && isBlank(district)) {
      problems.add(new FieldProblem("scope", "AREA needs a category or a district (or both)"));
    }
    if (!isBlank(category) && !reference.isCategory(category)) {
      problems.add(new FieldProblem("category", "must be a category code of /api/reference/categories"));
    }
    if (!isBlank(district) && !reference.isDistrict(district)) {
      problems.add(new FieldProblem("district", "must be a district code of /api/reference/districts"));
    }
    return problems;
  }

  private Optional<String> urlProblem(boolean httpsOnly) {
    String allowed = httpsOnly ? "an absolute https URL" : "an absolute http or https URL";
    if (isBlank(url)) {
      return Optional.of("is required");
    }
    if (url.length() > MAX_URL) {
      return Optional.of("must be at most " + MAX_URL + " characters");
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      boolean schemeOk = scheme.equals("https") || (!httpsOnly && scheme.equals("http"));
      if (!schemeOk || uri.getHost() == null || uri.getRawFragment() != null) {
        return Optional.of("must be " + allowed + " without a fragment");
      }
      if (uri.getRawUserInfo() != null) {
        return Optional.of("must not carry a user name or password");
      }
      if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > MAX_PORT)) {
        return Optional.of("must have a port from 1 to " + MAX_PORT);
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.of("must be " + allowed + " without a fragment");
    }
  }

  /** The URL as it is stored and sent to (only once {@link #problems} found none). */
  URI uri() {
    return URI.create(url.strip());
  }

  Scope scopeValue() {
    return Scope.valueOf(scope);
  }

  static String orNull(String value) {
    return isBlank(value) ? null : value.strip();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
