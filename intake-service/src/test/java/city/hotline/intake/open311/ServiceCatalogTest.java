package city.hotline.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our categories as Open311 services, each with the district attribute listing our districts. */
class ServiceCatalogTest {

  @Test
  @SuppressWarnings("unchecked")
  void eachCategoryIsARealtimeServiceWithMetadataInItsGroup() {
    List<Object> services = Fixtures.CATALOG.services();

    assertThat(services).hasSize(3);
    Map<String, Object> lighting = (Map<String, Object>) services.get(0);
    assertThat(lighting.keySet()).containsExactly("service_code", "service_name", "description", "metadata", "type",
        "keywords", "group");
    assertThat(lighting).containsEntry("service_code", "STREET_LIGHTING").containsEntry("service_name", "路灯照明")
        .containsEntry("metadata", true).containsEntry("type", "realtime").containsEntry("group", "市政设施")
        .containsEntry("description", "12345 热线 路灯照明 类问题; 须提供 phone 与 description");
    assertThat((Map<String, Object>) services.get(2)).as("in no group").containsEntry("group", "其他");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aDefinitionHasTheDistrictAsAnOptionalSingleValueListAndAnUnknownCodeHasNone() {
    Map<String, Object> definition = Fixtures.CATALOG.definition("SANITATION").orElseThrow();

    assertThat(definition.keySet()).containsExactly("service_code", "attributes");
    Map<String, Object> district = (Map<String, Object>) ((List<Object>) definition.get("attributes")).get(0);
    assertThat(district.keySet()).containsExactly("variable", "code", "datatype", "required", "datatype_description",
        "order", "description", "values");
    assertThat(district).containsEntry("code", "district").containsEntry("datatype", "singlevaluelist")
        .containsEntry("required", false).containsEntry("order", 1);
    assertThat((List<Object>) district.get("values")).containsExactly(Map.of("key", "JIANGAN", "name", "江岸区"),
        Map.of("key", "WUCHANG", "name", "武昌区"), Map.of("key", "HONGSHAN", "name", "洪山区"));
    assertThat(Fixtures.CATALOG.definition("POTHOLES")).isEmpty();
  }
}
