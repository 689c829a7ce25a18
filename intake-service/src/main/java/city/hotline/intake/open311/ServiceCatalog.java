package city.hotline.intake.open311;

import city.hotline.intake.reference.ReferenceData;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Open311 services are the hotline's categories (SPEC §4): service_code the category code, service_name its Chinese
 * name, in the group settings give it. Each has metadata: the one attribute {@value #DISTRICT}, the district
 * (区) as a single-value list of the district codes, optional because intake finds the district from the address.
 */
@Component
class ServiceCatalog {
  static final String DISTRICT = "district";
  private static final String REALTIME = "realtime"; // the ticket number is answered at once

  private final ReferenceData reference;
  private final Open311Settings settings;

  ServiceCatalog(ReferenceData reference, Open311Settings settings) {
    this.reference = reference;
    this.settings = settings;
  }

  /** GET services: every category. */
  List<Object> services() {
    return reference.categories().stream().<Object>map(this::service).toList();
  }

  private Map<String, Object> service(ReferenceData.Entry category) {
    return Open311Body.of(
        "service_code", category.code(),
        "service_name", category.name(),
        "description", settings.serviceDescription().formatted(category.name()),
        "metadata", true,
        "type", REALTIME,
        "keywords", category.name(),
        "group", settings.groupOf(category.code()));
  }

  /** GET a service definition, or empty for a code that is no category. */
  Optional<Map<String, Object>> definition(String serviceCode) {
    if (!reference.isCategory(serviceCode)) {
      return Optional.empty();
    }
    List<Object> districts = reference.districts().stream()
        .<Object>map(d -> Open311Body.of("key", d.code(), "name", d.name())).toList();
    Map<String, Object> district = Open311Body.of(
        "variable", true,
        "code", DISTRICT,
        "datatype", "singlevaluelist",
        "required", false,
        "datatype_description", "区的代码; 不填时按 address_string 或 lat/long 判断所在区",
        "order", 1,
        "description", "问题所在的区",
        "values", districts);
    return Optional.of(Open311Body.of("service_code", serviceCode, "attributes", List.of(district)));
  }

  String name(String category) {
    return reference.categories().stream().filter(c -> c.code().equals(category)).map(ReferenceData.Entry::name)
        .findFirst().orElse(category);
  }

  boolean isService(String code) {
    return reference.isCategory(code);
  }

  boolean isDistrict(String code) {
    return reference.isDistrict(code);
  }
}
