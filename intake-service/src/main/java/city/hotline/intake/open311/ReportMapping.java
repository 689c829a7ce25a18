package city.hotline.intake.open311;

import city.hotline.intake.complaint.Channel;
import city.hotline.intake.complaint.ComplaintType;
import city.hotline.intake.complaint.RegistrationRequest;
import city.hotline.intake.complaint.Urgency;
import city.hotline.intake.suggestion.Gazetteer;
import city.hotline.support.web.ApiException.FieldProblem;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A partner's POST requests as the call intake registers (受理): a complaint (COMPLAINT, urgency NORMAL) by channel
 * OPEN311 about the category its service_code names, in the district of attribute[district] or, without one, the
 * district the 地名库 finds for its address or point. What the hotline has no field for (email, device_id,
 * account_id) is not kept. Field names of intake's rules are told back as the spec's argument names.
 */
@Component
class ReportMapping {
  /** Our field (in a problem intake reports) → the Open311 argument a partner sent it as. */
  private static final Map<String, String> ARGUMENTS = Map.ofEntries(
      Map.entry("callerName", "first_name/last_name"),
      Map.entry("callerPhone", "phone"),
      Map.entry("category", "service_code"),
      Map.entry("district", "attribute[" + ServiceCatalog.DISTRICT + "]"),
      Map.entry("address", "address_string"),
      Map.entry("description", "description"),
      Map.entry("location", "lat"),
      Map.entry("location.latitude", "lat"),
      Map.entry("location.longitude", "long"),
      Map.entry("attachments", "media_url"));
  private static final Pattern ATTACHMENT = Pattern.compile("attachments\\[\\d+].*");
  private static final Pattern COUNTRY_CODE = Pattern.compile("^(?:\\+|00)86");
  /** What partners' apps put between a number's digits: spaces, dashes, dots, brackets around the area code. */
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  private static final int MAX_ACCOUNT_ID = 100;
  static final String DISTRICT_ARGUMENT = "attribute[" + ServiceCatalog.DISTRICT + "]";

  private final ServiceCatalog catalog;
  private final Gazetteer gazetteer;
  private final Open311Settings settings;

  ReportMapping(ServiceCatalog catalog, Gazetteer gazetteer, Open311Settings settings) {
    this.catalog = catalog;
    this.gazetteer = gazetteer;
    this.settings = settings;
  }

  /** The call to register and the problems only Open311's arguments can have (intake checks the rest). */
  record Mapped(RegistrationRequest call, List<FieldProblem> problems) {}

  Mapped map(ServiceRequestForm form) {
    List<FieldProblem> problems = new ArrayList<>();
    RegistrationRequest.Location location = location(form, problems);
    String address = form.get("address_string");
    if (address == null && location == null && problems.stream().noneMatch(p -> p.field().equals("lat")
        || p.field().equals("long"))) {
      problems.add(new FieldProblem("address_string", form.has("address_id")
          ? "is required: address_id is not supported here, send lat & long or address_string"
          : "is required when lat & long are not sent (one of lat & long or address_string)"));
    }
    String district = district(form, address, location, problems);
    String mediaUrl = form.get("media_url");
    if (mediaUrl != null && !(mediaUrl.startsWith("https://") || mediaUrl.startsWith("http://"))) {
      problems.add(new FieldProblem("media_url", "must be an http or https URL"));
    }
    String accountId = form.get("account_id");
    if (accountId != null && accountId.length() > MAX_ACCOUNT_ID) {
      problems.add(new FieldProblem("account_id", "must be at most " + MAX_ACCOUNT_ID + " characters"));
    }
    RegistrationRequest call = new RegistrationRequest(callerName(form), phone(form.get("phone")), false,
        Channel.OPEN311.name(), ComplaintType.COMPLAINT.name(), form.get("service_code"), Urgency.NORMAL.name(),
        district, address != null ? address : placeOf(location), form.get("description"), null, location,
        mediaUrl == null ? null : List.of(mediaUrl), null, null, null, null, null, null);
    return new Mapped(call, problems);
  }

  /** Both lat and long, or neither. */
  private static RegistrationRequest.Location location(ServiceRequestForm form, List<FieldProblem> problems) {
    Double lat = number(form, "lat", problems);
    Double lng = number(form, "long", problems);
    if (form.has("lat") != form.has("long")) {
      problems.add(new FieldProblem(form.has("lat") ? "long" : "lat", "is required with "
          + (form.has("lat") ? "lat" : "long") + ": lat & long are sent together"));
      return null;
    }
    return lat == null || lng == null ? null : new RegistrationRequest.Location(lng, lat);
  }

  private static Double number(ServiceRequestForm form, String name, List<FieldProblem> problems) {
    String value = form.get(name);
    if (value == null) {
      return null;
    }
    try {
      return Double.valueOf(value);
    } catch (NumberFormatException e) {
      problems.add(new FieldProblem(name, "must be a decimal number of degrees (WGS84)"));
      return null;
    }
  }

  /** attribute[district] when sent; else the 地名库's district of the address (or point) when it is sure enough. */
  private String district(ServiceRequestForm form, String address, RegistrationRequest.Location location,
      List<FieldProblem> problems) {
    String given = form.attribute(ServiceCatalog.DISTRICT);
    if (given != null) {
      if (!catalog.isDistrict(given)) {
        problems.add(new FieldProblem(DISTRICT_ARGUMENT,
            "must be one of the keys services/{service_code}.json lists for district"));
      }
      return given;
    }
    if (address == null && location == null) {
      return null; // the missing location is reported already
    }
    List<Gazetteer.Scored> found = gazetteer.locate(address, location == null ? null : location.longitude(),
        location == null ? null : location.latitude());
    if (found.isEmpty() || found.get(0).score() < settings.districtMinScore()) {
      problems.add(new FieldProblem(DISTRICT_ARGUMENT, "is required: the address and lat/long do not tell the district"
          + " for sure; send one of the keys services/{service_code}.json lists"));
      return null;
    }
    return found.get(0).code();
  }

  /** Family name first, as Chinese names are written; the settings' name when the report gives none. */
  private String callerName(ServiceRequestForm form) {
    String last = form.get("last_name");
    String first = form.get("first_name");
    if (last == null && first == null) {
      return settings.anonymousCaller();
    }
    if (last == null || first == null) {
      return last != null ? last : first;
    }
    boolean latin = (last + first).chars().allMatch(c -> c < 0x2E80); // CJK names are written without a space
    return latin ? first + " " + last : last + first;
  }

  /**
   * A number as partners' apps write it (+86 138-1234-1234, (027) 8555 1234, full-width digits) as intake reads
   * numbers: digits only, without the country code. The international form of a landline leaves out the trunk
   * prefix, so +86 27 8555 1234 is 027 8555 1234 again.
   */
  static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = SEPARATORS.matcher(Normalizer.normalize(phone, Normalizer.Form.NFKC)).replaceAll("");
    Matcher country = COUNTRY_CODE.matcher(digits);
    if (!country.find()) {
      return digits;
    }
    String national = digits.substring(country.end());
    return MOBILE.matcher(national).matches() || national.startsWith("0") ? national : "0" + national;
  }

  /** A report with a point and no address is registered at its coordinates, in words. */
  private static String placeOf(RegistrationRequest.Location location) {
    return location == null ? null
        : String.format(Locale.ROOT, "经纬度 %.6f, %.6f", location.latitude(), location.longitude());
  }

  /** A problem intake reported, under the name the partner sent the field by. */
  static FieldProblem asArgument(FieldProblem problem) {
    String field = problem.field();
    String argument = ARGUMENTS.get(field);
    if (argument == null && ATTACHMENT.matcher(field).matches()) {
      argument = "media_url";
    }
    return new FieldProblem(argument != null ? argument : field, problem.message());
  }
}
