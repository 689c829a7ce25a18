package city.hotline.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
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

  private static List<Object> keys(Object body) {
    return List.copyOf(((Map<?, ?>) body).keySet());
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
  void theServiceListIsTheSpecsExampleInXmlAndJson() {
    String cans = "Garbage or recycling cans that have been left out for more than 24 hours after collection. "
        + "Violators will be cited.";
    List<Object> services = List.of(Open311Body.of("service_code", "001", "service_name", "Cans left out 24x7",
        "description", cans, "metadata", true, "type", "realtime", "keywords", "lorem, ipsum, dolor",
        "group", "sanitation"));

    assertThat(keys(services.get(0))).as("the catalogue's fields, in its order")
        .isEqualTo(keys(Fixtures.CATALOG.services().get(0)));
    assertThat(compact(Open311Xml.write("services", services))).isEqualTo(compact("""
        <?xml version="1.0" encoding="utf-8"?>
        <services>
            <service>
                <service_code>001</service_code>
                <service_name>Cans left out 24x7</service_name>
                <description>%s</description>
                <metadata>true</metadata>
                <type>realtime</type>
                <keywords>lorem, ipsum, dolor</keywords>
                <group>sanitation</group>
            </service>
        </services>""".formatted(cans)));
    assertThat(JSON.readTree(JSON.writeValueAsString(services))).isEqualTo(JSON.readTree("""
        [{"service_code":"001","service_name":"Cans left out 24x7","description":"%s","metadata":true,
          "type":"realtime","keywords":"lorem, ipsum, dolor","group":"sanitation"}]""".formatted(cans)));
  }

  /**
   * The spec's first GET requests example. Its empty elements ({@code <description></description>}) are written
   * {@code <description/>} here, the same XML.
   */
  @Test
  void aRequestListIsTheSpecsExampleInXmlAndJson() {
    List<Object> requests = List.of(Open311Body.of("service_request_id", 638344, "status", "closed",
        "status_notes", "Duplicate request.", "service_name", "Sidewalk and Curb Issues", "service_code", "006",
        "description", null, "agency_responsible", null, "service_notice", null,
        "requested_datetime", "2010-04-14T06:37:38-08:00", "updated_datetime", "2010-04-14T06:37:38-08:00",
        "expected_datetime", "2010-04-15T06:37:38-08:00", "address", "8TH AVE and JUDAH ST", "address_id", 545483,
        "zipcode", 94122, "lat", 37.762221815, "long", -122.4651145,
        "media_url", "http://city.gov.s3.amazonaws.com/requests/media/638344.jpg"));

    assertThat(keys(requests.get(0))).as("the view's fields, in its order")
        .isEqualTo(keys(ServiceRequestView.of(Orders.registered(Orders.call(false, "x")), "x", ZoneOffset.UTC)));
    assertThat(compact(Open311Xml.write("service_requests", requests))).isEqualTo(compact("""
        <?xml version="1.0" encoding="utf-8"?>
        <service_requests>
            <request>
                <service_request_id>638344</service_request_id>
                <status>closed</status>
                <status_notes>Duplicate request.</status_notes>
                <service_name>Sidewalk and Curb Issues</service_name>
                <service_code>006</service_code>
                <description/>
                <agency_responsible/>
                <service_notice/>
                <requested_datetime>2010-04-14T06:37:38-08:00</requested_datetime>
                <updated_datetime>2010-04-14T06:37:38-08:00</updated_datetime>
                <expected_datetime>2010-04-15T06:37:38-08:00</expected_datetime>
                <address>8TH AVE and JUDAH ST</address>
                <address_id>545483</address_id>
                <zipcode>94122</zipcode>
                <lat>37.762221815</lat>
                <long>-122.4651145</long>
                <media_url>http://city.gov.s3.amazonaws.com/requests/media/638344.jpg</media_url>
            </request>
        </service_requests>"""));
    assertThat(JSON.writeValueAsString(requests)).isEqualTo("""
        [{"service_request_id":638344,"status":"closed","status_notes":"Duplicate request.",
        "service_name":"Sidewalk and Curb Issues","service_code":"006","description":null,
        "agency_responsible":null,"service_notice":null,"requested_datetime":"2010-04-14T06:37:38-08:00",
        "updated_datetime":"2010-04-14T06:37:38-08:00","expected_datetime":"2010-04-15T06:37:38-08:00",
        "address":"8TH AVE and JUDAH ST","address_id":545483,"zipcode":94122,"lat":37.762221815,
        "long":-122.4651145,"media_url":"http://city.gov.s3.amazonaws.com/requests/media/638344.jpg"}]""".replace("\n", ""));
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
