package city.hotline.intake.knowledge;

import city.hotline.intake.reference.ReferenceData;
import java.time.Instant;
import java.util.List;

/** Articles and reference data for the knowledge base's tests. */
final class Articles {
  static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
  static final ReferenceData REFERENCE = new ReferenceData(
      List.of(new ReferenceData.Entry("JIANGAN", "江岸区")),
      List.of(new ReferenceData.Entry("GAS_SAFETY", "燃气安全"), new ReferenceData.Entry("STREET_VENDING", "占道经营"),
          new ReferenceData.Entry("STREET_LIGHTING", "路灯照明"), new ReferenceData.Entry("SNOW_ICE", "除雪除冰"),
          new ReferenceData.Entry("OTHER", "其他")));

  /** Every category of the city's reference data, as the seed uses them. */
  static final ReferenceData REFERENCE_WITH_ALL = new ReferenceData(List.of(), java.util.stream.Stream.of(
          "STREET_VENDING", "ILLEGAL_CONSTRUCTION", "MUCK_TRANSPORT", "DUST_POLLUTION", "CONSTRUCTION_NOISE",
          "SANITATION", "SIGNS_AND_ADVERTISING", "STREET_LIGHTING", "MANHOLE_COVERS", "DAMAGED_ROADS", "DRAINAGE",
          "GREENERY", "GAS_SAFETY", "BRIDGES_TUNNELS", "SNOW_ICE", "OTHER")
      .map(code -> new ReferenceData.Entry(code, code)).toList());

  private Articles() {}

  static ArticleContent gasLeak() {
    return new ArticleContent("闻到燃气味怎么办", List.of("厨房里有一股煤气味道", "楼道里闻到天然气的臭味"),
        "请立即关闭燃气表前阀门，打开门窗通风，不要开关任何电器，迅速离开现场到室外拨打抢修电话。",
        "《城镇燃气管理条例》", "GAS_SAFETY", "CITY_GAS_CENTRE", null, null);
  }

  static ArticleContent vending() {
    return new ArticleContent("占道经营、流动摊贩的管理规定", List.of("小区门口有流动摊贩卖水果", "早点摊占了人行道"),
        "在城市道路、人行道擅自摆摊设点的，由所在区城市管理执法部门责令改正。", "《武汉市城市综合管理条例》第二十八条",
        "STREET_VENDING", "JIANGAN_CGJ", null, null);
  }

  static ArticleContent streetLight() {
    return new ArticleContent("路灯不亮、路灯损坏报修", List.of("我家门口的路灯坏了好几天不亮"),
        "城市道路路灯由路灯管理部门负责维护，一般故障在接报后48小时内修复。", "《武汉市城市照明管理办法》",
        "STREET_LIGHTING", null, null, null);
  }

  static ArticleContent withValidity(ArticleContent c, Instant from, Instant until) {
    return new ArticleContent(c.title(), c.questions(), c.answer(), c.source(), c.category(), c.unitId(), from, until);
  }

  static ArticleContent withAnswer(ArticleContent c, String answer) {
    return new ArticleContent(c.title(), c.questions(), answer, c.source(), c.category(), c.unitId(), c.validFrom(),
        c.validUntil());
  }

  static Article published(String id, ArticleContent content) {
    return Article.create(id, content, "editor", NOW.minusSeconds(3600), null).publish(1, "editor",
        NOW.minusSeconds(3600));
  }
}
