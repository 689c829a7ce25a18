package city.hotline.intake.open311;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Open311 GeoReport v2 façade ({@code hotline.open311}).
 *
 * @param jurisdictionId the one jurisdiction served; another one asked for is a 404
 * @param url where partners reach this API through the gateway, as discovery announces it
 * @param changeset when this API last changed, as discovery announces it: a W3C date-time with its offset
 * @param contact who partners ask for help, as discovery announces it
 * @param keyService how a partner gets an api_key, as discovery announces it
 * @param maxSpan the longest period one GET requests may span, and the default period (the spec's 90 days)
 * @param maxRequests the most service requests one GET answers (the spec's 1000)
 * @param districtMinScore how sure the gazetteer must be of the district of an address without attribute[district]
 * @param anonymousCaller the caller's name on a report that gives neither first_name nor last_name
 * @param serviceNotice what a partner's citizen is told on registration
 * @param serviceDescription each service's description in services.{json,xml}, {@code %s} the category's name: it
 *     tells partners what the hotline needs beyond the spec (phone, description)
 * @param groups the service groups, each listing its category codes; a category in none is in {@code otherGroup}
 * @param otherGroup the group of categories no group lists
 */
@ConfigurationProperties("hotline.open311")
public record Open311Settings(
    String jurisdictionId,
    String url,
    String changeset,
    String contact,
    String keyService,
    Duration maxSpan,
    int maxRequests,
    double districtMinScore,
    String anonymousCaller,
    String serviceNotice,
    String serviceDescription,
    List<Group> groups,
    String otherGroup) {

  public Open311Settings {
    OffsetDateTime.parse(changeset); // a malformed one stops intake at start, naming it
    serviceDescription.formatted("x"); // so does a description with a placeholder other than one %s
  }

  /** A service group (分类) of services.{json,xml} and the category codes in it. */
  public record Group(String name, List<String> categories) {}

  /** The group a category is listed in. */
  String groupOf(String category) {
    return groups.stream().filter(g -> g.categories().contains(category)).map(Group::name).findFirst()
        .orElse(otherGroup);
  }
}
