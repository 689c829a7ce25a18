package city.hotline.intake.open311;

import city.hotline.intake.reference.ReferenceData;
import city.hotline.intake.suggestion.Gazetteer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/** The façade's collaborators as configured, without Spring. */
final class Fixtures {
  private Fixtures() {}

  static final ReferenceData REFERENCE = new ReferenceData(
      List.of(new ReferenceData.Entry("JIANGAN", "江岸区"), new ReferenceData.Entry("WUCHANG", "武昌区"),
          new ReferenceData.Entry("HONGSHAN", "洪山区")),
      List.of(new ReferenceData.Entry("STREET_LIGHTING", "路灯照明"), new ReferenceData.Entry("SANITATION", "环境卫生"),
          new ReferenceData.Entry("OTHER", "其他")));

  static final Open311Settings SETTINGS = new Open311Settings("wuhan.12345.gov.cn",
      "http://localhost:8080/open311/v2", "2026-12-08T00:00:00+08:00", "联系我们", "向管理员申请",
      Duration.ofDays(90), 1000, 0.6, "合作平台市民", "已受理",
      "12345 热线 %s 类问题; 须提供 phone 与 description",
      List.of(new Open311Settings.Group("市政设施", List.of("STREET_LIGHTING")),
          new Open311Settings.Group("市容环境", List.of("SANITATION"))), "其他");

  static final ServiceCatalog CATALOG = new ServiceCatalog(REFERENCE, SETTINGS);

  static Gazetteer gazetteer() {
    try (InputStream in = Fixtures.class.getResourceAsStream("/gazetteer/wuhan.yml")) {
      return Gazetteer.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
