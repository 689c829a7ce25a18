package city.hotline.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Paths as the contract writes them, and schemas of several services under one roof. */
class ContractPathsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aTemplateIsAskedAboutWithAnyOneSegmentForEachVariable() {
    assertThat(ContractPaths.sample("/api/cases/{ticketId}/claim")).isEqualTo("/api/cases/x/claim");
    assertThat(ContractPaths.sample("/open311/v2/requests/{id}.{format}")).isEqualTo("/open311/v2/requests/x.x");
    assertThat(ContractPaths.anyVariableNames("POST /api/admin/partners/{partnerId}/webhooks"))
        .isEqualTo(ContractPaths.anyVariableNames("POST /api/admin/partners/{id}/webhooks"));
  }

  @Test
  void open311sJsonAndXmlTwinsAreOnePathWithAFormat() {
    Set<String> documented = Set.of("/open311/v2/services.json", "/open311/v2/services.xml",
        "/open311/v2/requests/{id}.json", "/open311/v2/requests/{id}.xml", "/.well-known/jwks.json");
    assertThat(ContractPaths.formatOf("/open311/v2/services.json", documented::contains))
        .isEqualTo("/open311/v2/services.{format}");
    assertThat(ContractPaths.formatOf("/open311/v2/requests/{id}.xml", documented::contains))
        .isEqualTo("/open311/v2/requests/{id}.{format}");
    assertThat(ContractPaths.formatOf("/.well-known/jwks.json", documented::contains))
        .as("no XML twin").isEqualTo("/.well-known/jwks.json");
    assertThat(ContractPaths.formatOf("/api/xml", documented::contains)).isEqualTo("/api/xml");
  }

  @Test
  void aSchemaNameTakenForAnotherShapeIsPrefixedWithTheServiceAndItsReferencesFollow() {
    ObjectNode into = (ObjectNode) JSON.readTree("""
        {"Page": {"type": "object", "properties": {"items": {"type": "array"}}}, "Same": {"type": "string"}}""");
    JsonNode doc = JSON.readTree("""
        {"paths": {"/a": {"get": {"responses": {"200": {"content": {"application/json":
           {"schema": {"$ref": "#/components/schemas/Page"}}}}}}}},
         "components": {"schemas": {"Page": {"type": "object"}, "Same": {"type": "string"},
           "Wrapper": {"properties": {"page": {"$ref": "#/components/schemas/Page"}}}}}}""");

    SchemaNames.adopt("dispatch", doc, into);

    assertThat(into.propertyNames()).containsExactlyInAnyOrder("Page", "Same", "dispatch.Page", "Wrapper");
    assertThat(into.at("/Page/properties").has("items")).as("the first keeps its name").isTrue();
    assertThat(into.at("/Wrapper/properties/page/$ref").asString()).isEqualTo("#/components/schemas/dispatch.Page");
    assertThat(doc.at("/paths/~1a/get/responses/200/content/application~1json/schema/$ref").asString())
        .isEqualTo("#/components/schemas/dispatch.Page");
  }
}
