package city.hotline.intake.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped 地名库 of Wuhan: addresses and map points to districts, the development and scenic zones included. */
class GazetteerTest {
  static final Gazetteer WUHAN = wuhan();

  static Gazetteer wuhan() {
    try (InputStream in = GazetteerTest.class.getResourceAsStream("/gazetteer/wuhan.yml")) {
      return Gazetteer.read(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String top(String address) {
    List<Gazetteer.Scored> found = WUHAN.locate(address, null, null);
    return found.isEmpty() ? null : found.get(0).code();
  }

  @Test
  void listsEverySixteenDistrictsWithTenToTwentyFiveNamesEach() {
    assertThat(WUHAN.districts()).extracting(Gazetteer.District::code).containsExactly("JIANGAN", "JIANGHAN", "QIAOKOU",
        "HANYANG", "WUCHANG", "QINGSHAN", "HONGSHAN", "DONGXIHU", "HANNAN", "CAIDIAN", "JIANGXIA", "HUANGPI", "XINZHOU",
        "EAST_LAKE_HIGH_TECH", "ECONOMIC_DEVELOPMENT_ZONE", "EAST_LAKE_SCENIC");
    assertThat(WUHAN.districts()).allSatisfy(d -> assertThat(d.places()).hasSizeBetween(10, 25));
  }

  @Test
  void anAddressIsInTheDistrictItsRoadsAndPlacesAreIn() {
    assertThat(top("黄浦大街22号")).isEqualTo("JIANGAN");
    assertThat(top("百步亭花园社区")).isEqualTo("JIANGAN");
    assertThat(top("武昌区中北路88号")).isEqualTo("WUCHANG");
    assertThat(top("光谷大道77号金融港")).isEqualTo("EAST_LAKE_HIGH_TECH");
    assertThat(top("珞喻路东段1037号")).as("the longer name wins over 珞喻路 (洪山区)").isEqualTo("EAST_LAKE_HIGH_TECH");
    assertThat(top("珞喻路129号")).isEqualTo("HONGSHAN");
    assertThat(top("沌口车城大道东风公司门口")).isEqualTo("ECONOMIC_DEVELOPMENT_ZONE");
    assertThat(top("磨山景区南门")).isEqualTo("EAST_LAKE_SCENIC");
    assertThat(top("不知道在哪里")).isNull();
  }

  @Test
  void aRoadThroughSeveralDistrictsIsSharedUnlessTheAddressSaysMore() {
    List<Gazetteer.Scored> road = WUHAN.locate("解放大道1000号", null, null);
    assertThat(road).extracting(Gazetteer.Scored::code).containsExactly("JIANGAN", "JIANGHAN", "QIAOKOU");
    assertThat(road).allSatisfy(s -> assertThat(s.score()).isCloseTo(1.0 / 3, within(1e-9)));

    List<Gazetteer.Scored> named = WUHAN.locate("江岸区解放大道1000号", null, null);
    assertThat(named.get(0).code()).isEqualTo("JIANGAN");
    assertThat(named.get(0).score()).as("(3 + 4/3) of 7 characters").isCloseTo(13.0 / 21, within(1e-9));
  }

  @Test
  void aMapPointWithoutANamedPlaceGoesToTheNearestCentreWithinItsRadius() {
    List<Gazetteer.Scored> optics = WUHAN.locate("小区门口", 114.431, 30.479);
    assertThat(optics.get(0).code()).isEqualTo("EAST_LAKE_HIGH_TECH");
    assertThat(WUHAN.locate(null, 114.80, 30.84)).extracting(Gazetteer.Scored::code).first().isEqualTo("XINZHOU");
    assertThat(WUHAN.locate(null, 116.40, 39.90)).as("Beijing").isEmpty();
    assertThat(WUHAN.locate("光谷大道1号", 114.80, 30.84).get(0).code()).as("the address says more").isEqualTo(
        "EAST_LAKE_HIGH_TECH");
    assertThat(Gazetteer.distanceKm(114.0, 30.0, 115.0, 30.0)).isCloseTo(96.2, within(0.5));
  }

  @Test
  void aMalformedFileIsRefusedNamingTheDistrict() {
    String yaml = "districts:\n  - code: JIANGAN\n    places: [解放大道]\n";
    assertThatThrownBy(() -> Gazetteer.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JIANGAN").hasMessageContaining("centre");
  }

  private static Gazetteer read(String yaml) {
    return Gazetteer.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String withPlaces(String places) {
    return "districts:\n  - code: JIANGAN\n    centre: {longitude: 114.3, latitude: 30.6}\n    radius-km: 8\n"
        + "    places:\n" + places;
  }

  @Test
  void aBlankOrEmptyPlaceIsRefusedNamingTheDistrictRatherThanMatchingEveryAddress() {
    assertThatThrownBy(() -> read(withPlaces("      - 解放大道\n      - \"  \"\n")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JIANGAN")
        .hasMessageContaining("non-blank name");
    assertThatThrownBy(() -> read(withPlaces("      - 解放大道\n      -\n")))
        .as("a dash with nothing after it is null, never the place \"null\"")
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JIANGAN")
        .hasMessageContaining("non-blank name");
    assertThat(read(withPlaces("      - \" 解放大道 \"\n")).locate("解放大道1号", null, null))
        .extracting(Gazetteer.Scored::code).containsExactly("JIANGAN");
  }

  @Test
  void anEntryThatIsNotADistrictIsRefusedSayingWhichAndWhatItMustBe() {
    assertThatThrownBy(() -> read("districts:\n  - JIANGAN\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entry 1")
        .hasMessageContaining("JIANGAN").hasMessageContaining("{code, centre, radius-km, places}");
  }
}
