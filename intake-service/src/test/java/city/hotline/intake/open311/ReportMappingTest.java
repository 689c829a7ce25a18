package city.hotline.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.intake.complaint.RegistrationRequest;
import city.hotline.support.web.ApiException.FieldProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A partner's POST requests as the call intake registers, and what is wrong with it under the spec's names. */
class ReportMappingTest {
  private final ReportMapping mapping = new ReportMapping(Fixtures.CATALOG, Fixtures.gazetteer(), Fixtures.SETTINGS);

  /** The spec's example request, in Wuhan. */
  private static Map<String, List<String>> specExample() {
    Map<String, List<String>> form = new LinkedHashMap<>();
    form.put("api_key", List.of("xyz"));
    form.put("jurisdiction_id", List.of("wuhan.12345.gov.cn"));
    form.put("service_code", List.of("STREET_LIGHTING"));
    form.put("lat", List.of("30.622"));
    form.put("long", List.of("114.318"));
    form.put("address_string", List.of("解放大道1000号"));
    form.put("email", List.of("smit333@sfgov.edu"));
    form.put("device_id", List.of("tt222111"));
    form.put("account_id", List.of("123456"));
    form.put("first_name", List.of("john"));
    form.put("last_name", List.of("smith"));
    form.put("phone", List.of("+86 138 1234 1234"));
    form.put("description", List.of("A large sinkhole is destroying the street"));
    form.put("media_url", List.of("http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg"));
    form.put("attribute[district]", List.of("JIANGAN"));
    return form;
  }

  private ReportMapping.Mapped map(Map<String, List<String>> form) {
    return mapping.map(ServiceRequestForm.ofForm(form));
  }

  @Test
  void theSpecsExampleRequestBecomesAnOpen311ComplaintWithNothingTheHotlineDoesNotNeed() {
    ReportMapping.Mapped mapped = map(specExample());

    RegistrationRequest call = mapped.call();
    assertThat(mapped.problems()).isEmpty();
    assertThat(call.channel()).isEqualTo("OPEN311");
    assertThat(call.type()).isEqualTo("COMPLAINT");
    assertThat(call.urgency()).isEqualTo("NORMAL");
    assertThat(call.category()).isEqualTo("STREET_LIGHTING");
    assertThat(call.district()).isEqualTo("JIANGAN");
    assertThat(call.address()).isEqualTo("解放大道1000号");
    assertThat(call.location()).isEqualTo(new RegistrationRequest.Location(114.318, 30.622));
    assertThat(call.callerName()).isEqualTo("john smith");
    assertThat(call.callerPhone()).isEqualTo("13812341234");
    assertThat(call.attachments()).containsExactly("http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg");
    assertThat(call.toString() + call.description()).doesNotContain("smit333", "tt222111", "123456");
  }

  @Test
  void withoutADistrictTheGazetteerFindsItFromTheAddressOrThePointAndElseTheAttributeIsRequired() {
    Map<String, List<String>> byAddress = specExample();
    byAddress.remove("attribute[district]");
    byAddress.remove("lat");
    byAddress.remove("long");
    byAddress.put("address_string", List.of("武昌区中北路88号"));
    Map<String, List<String>> byPoint = specExample();
    byPoint.remove("attribute[district]");
    byPoint.remove("address_string");
    Map<String, List<String>> nowhere = specExample();
    nowhere.remove("attribute[district]");
    nowhere.remove("lat");
    nowhere.remove("long");
    nowhere.put("address_string", List.of("某小区门口"));

    assertThat(map(byAddress).call().district()).isEqualTo("WUCHANG");
    assertThat(map(byPoint).call().district()).isEqualTo("JIANGAN");
    assertThat(map(byPoint).call().address()).isEqualTo("经纬度 30.622000, 114.318000");
    assertThat(map(nowhere).problems()).extracting(FieldProblem::field).containsExactly("attribute[district]");
  }

  @Test
  void aLocationIsLatAndLongTogetherOrAnAddressAndAnUnknownDistrictIsNamed() {
    Map<String, List<String>> latOnly = specExample();
    latOnly.remove("long");
    latOnly.remove("address_string");
    Map<String, List<String>> noPlace = specExample();
    noPlace.remove("lat");
    noPlace.remove("long");
    noPlace.remove("address_string");
    noPlace.put("address_id", List.of("545483"));
    noPlace.put("attribute[district]", List.of("ATLANTIS"));
    Map<String, List<String>> notANumber = specExample();
    notANumber.put("lat", List.of("north"));
    notANumber.put("media_url", List.of("ftp://example/x.jpg"));

    assertThat(map(latOnly).problems()).extracting(FieldProblem::field).containsExactly("long");
    assertThat(map(noPlace).problems()).extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("address_string", "attribute[district]");
    assertThat(map(noPlace).problems().toString()).contains("address_id is not supported");
    assertThat(map(notANumber).problems()).extracting(FieldProblem::field).containsExactly("lat", "media_url");
  }

  @Test
  void aChineseNameIsWrittenFamilyNameFirstAndNoNameIsTheSettingsName() {
    Map<String, List<String>> chinese = specExample();
    chinese.put("first_name", List.of("芳"));
    chinese.put("last_name", List.of("王"));
    Map<String, List<String>> anonymous = specExample();
    anonymous.remove("first_name");
    anonymous.remove("last_name");

    assertThat(map(chinese).call().callerName()).isEqualTo("王芳");
    assertThat(map(anonymous).call().callerName()).isEqualTo("合作平台市民");
  }

  @Test
  void phoneNumbersAsPartnersAppsWriteThemReadAsIntakesNumbers() {
    assertThat(ReportMapping.phone("+86 27 8555 1234")).as("E.164 landline").isEqualTo("02785551234");
    assertThat(ReportMapping.phone("+86-138-1234-1234")).isEqualTo("13812341234");
    assertThat(ReportMapping.phone("(027) 85551234")).isEqualTo("02785551234");
    assertThat(ReportMapping.phone("0086 138.1234.1234")).isEqualTo("13812341234");
    assertThat(ReportMapping.phone("１３８１２３４１２３４")).as("full-width").isEqualTo("13812341234");
    Map<String, List<String>> landline = specExample();
    landline.put("phone", List.of("+86 27 8555 1234"));
    assertThat(map(landline).call().callerPhone()).isEqualTo("02785551234");
  }

  @Test
  void intakesFieldNamesAreToldBackAsTheArgumentsThePartnerSent() {
    assertThat(List.of("callerPhone", "category", "district", "address", "location.latitude", "location.longitude",
        "attachments[0].<list element>", "description").stream()
        .map(field -> ReportMapping.asArgument(new FieldProblem(field, "x")).field()))
        .containsExactly("phone", "service_code", "attribute[district]", "address_string", "lat", "long", "media_url",
            "description");
  }
}
