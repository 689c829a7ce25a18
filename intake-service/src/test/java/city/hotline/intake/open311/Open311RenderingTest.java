package city.hotline.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The spec's own example responses (http://wiki.open311.org/GeoReport_v2), built as the façade builds its answers
 * and rendered in both formats: the same elements and members, in the same order, nulls as the spec shows them.
 */
class Open311RenderingTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String NOTICE = "The City will inspect and require the responsible party to correct within "
      + "24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code";

  /** The spec's XML with the indentation between elements gone. */
  private static String compact(String xml) {
    return xml.strip().replaceAll(">\\s+<", "><");
  }

  @Test
  void thePostAnswerIsTheSpecsExampleInXmlAndJson() {
    List<Object> answer = List.of(Open311Body.of("service_request_id", 293944, "service_notice", NOTICE,
        "account_id", null));

    assertThat(compact(Open311Xml.write("service_requests", answer))).isEqualTo(compact("""
        <?xml version="1.0" encoding="utf-8"?>
        <service_requests>
            <request>
                <service_request_id>293944</service_request_id>
                <service_notice>%s</service_notice>
                <account_id/>
            </request>
        </service_requests>""".formatted(NOTICE)));
    assertThat(JSON.writeValueAsString(answer))
        .isEqualTo("[{\"service_request_id\":293944,\"service_notice\":\"" + NOTICE + "\",\"account_id\":null}]");
  }

  @Test
  void aServiceDefinitionIsTheSpecsExampleInXmlAndJson() {
    Map<String, Object> definition = Open311Body.of("service_code", "DMV66", "attributes", List.of(Open311Body.of(
        "variable", true, "code", "WHISHETN", "datatype", "singlevaluelist", "required", true,
        "datatype_description", null, "order", 1, "description", "What is the ticket/tag/DL number?",
        "values", List.of(Open311Body.of("key", 123, "name", "Ford"), Open311Body.of("key", 124, "name", "Chrysler")))));

    assertThat(compact(Open311Xml.write("service_definition", definition))).isEqualTo(compact("""
        <?xml version="1.0" encoding="utf-8"?>
        <service_definition>
            <service_code>DMV66</service_code>
            <attributes>
                <attribute>
                    <variable>true</variable>
                    <code>WHISHETN</code>
                    <datatype>singlevaluelist</datatype>
                    <required>true</required>
                    <datatype_description/>
                    <order>1</order>
                    <description>What is the ticket/tag/DL number?</description>
                    <values>
                        <value>
                            <key>123</key>
                            <name>Ford</name>
                        </value>
                        <value>
                            <key>124</key>
                            <name>Chrysler</name>
                        </value>
                    </values>
                </attribute>
            </attributes>
        </service_definition>"""));
    assertThat(JSON.readTree(JSON.writeValueAsString(definition))).isEqualTo(JSON.readTree("""
        {"service_code":"DMV66","attributes":[{"variable":true,"code":"WHISHETN","datatype":"singlevaluelist",
         "required":true,"datatype_description":null,"order":1,"description":"What is the ticket/tag/DL number?",
         "values":[{"key":123,"name":"Ford"},{"key":124,"name":"Chrysler"}]}]}"""));
  }

  @Test
  void errorsAreTheSpecsListOfCodeAndDescriptionNamingTheField() {
    Open311Error forbidden = Open311Error.forbidden("is not valid: unknown or replaced by a newer key");

    assertThat(compact(Open311Xml.write("errors", forbidden.specErrors()))).isEqualTo(compact("""
        <?xml version="1.0" encoding="utf-8"?>
        <errors>
            <error>
                <code>403</code>
                <description>api_key is not valid: unknown or replaced by a newer key</description>
            </error>
        </errors>"""));
    assertThat(JSON.writeValueAsString(forbidden.specErrors()))
        .isEqualTo("[{\"code\":403,\"description\":\"api_key is not valid: unknown or replaced by a newer key\"}]");
  }

  @Test
  void discoveryListsItsFormatsOneElementEach() {
    Map<String, Object> discovery = Open311Body.of("changeset", "2011-04-05T17:48:34Z", "endpoints",
        List.of(Open311Body.of("specification", Open311Controller.SPECIFICATION, "formats",
            List.of("text/xml", "application/json"))));

    assertThat(compact(Open311Xml.write("discovery", discovery))).isEqualTo(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><discovery><changeset>2011-04-05T17:48:34Z</changeset>"
            + "<endpoints><endpoint><specification>http://wiki.open311.org/GeoReport_v2</specification>"
            + "<formats><format>text/xml</format><format>application/json</format></formats></endpoint></endpoints>"
            + "</discovery>");
  }

  @Test
  void textIsEscapedAndControlCharactersXmlCannotHoldAreDropped() {
    String xml = Open311Xml.write("errors", List.of(Open311Body.of("code", 400, "description", "a<b & \"c\"\u0001")));

    assertThat(xml).contains("<description>a&lt;b &amp; &quot;c&quot;</description>");
  }
}
