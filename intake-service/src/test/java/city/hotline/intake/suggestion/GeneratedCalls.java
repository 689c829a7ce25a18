package city.hotline.intake.suggestion;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated calls and articles for the suggestions' benchmark: a description is a caller's opening, a thing and
 * what is wrong with it (from a few of each per category) and a closing; an address is a place of its district from
 * the gazetteer and a number. Deterministic under its seed. Generated, so its accuracy says nothing about real calls;
 * it sizes the work (words per description, categories, vocabulary) like a real hotline's.
 */
final class GeneratedCalls {
  record Call(String description, String address, String district, String category) {}

  record Text(String title, List<String> questions, String answer, String category) {}

  private static final List<String> OPENINGS = List.of("", "你好，", "我要反映，", "市民反映", "请尽快处理，", "我想投诉一下，",
      "麻烦你们管一管，");
  private static final List<String> CLOSINGS = List.of("", "，希望尽快处理", "，已经好几天了", "，影响出行", "，请相关部门处理",
      "，打了好几次电话都没人管", "，老人小孩经过很危险");
  private static final List<String> NEAR = List.of("", "小区门口", "学校旁边", "菜市场附近", "公交站旁", "家楼下", "路口");

  /** Per category: things callers name, and what is wrong with them. */
  static final Map<String, List<List<String>>> WORDS = Map.ofEntries(
      Map.entry("STREET_VENDING", List.of(List.of("流动摊贩", "夜市摊点", "早餐摊", "水果摊", "烧烤摊"),
          List.of("占道经营", "占用人行道", "油烟扰民", "堵塞盲道", "乱摆乱放"))),
      Map.entry("ILLEGAL_CONSTRUCTION", List.of(List.of("楼顶", "小区绿地", "一楼住户", "临街商铺", "阳台"),
          List.of("私自搭建板房", "违法加建", "圈占搭建围墙", "违建钢棚", "擅自拆改承重墙"))),
      Map.entry("MUCK_TRANSPORT", List.of(List.of("渣土车", "运输车辆", "工程车", "泥头车"),
          List.of("夜间运输洒落泥土", "未覆盖篷布", "带泥上路", "超载超速", "沿路撒漏"))),
      Map.entry("DUST_POLLUTION", List.of(List.of("工地", "拆迁现场", "道路施工", "搅拌站"),
          List.of("未洒水降尘", "扬尘严重", "粉尘很大", "裸土未覆盖", "灰尘飘进家里"))),
      Map.entry("CONSTRUCTION_NOISE", List.of(List.of("工地", "施工队", "打桩机", "装修"),
          List.of("深夜施工噪音扰民", "凌晨打桩", "夜间作业", "噪音很大无法休息", "周末一早施工"))),
      Map.entry("SANITATION", List.of(List.of("垃圾桶", "路边垃圾", "公厕", "小区垃圾站", "建筑垃圾"),
          List.of("满溢多日无人清运", "堆积气味难闻", "脏乱无人打扫", "蚊蝇滋生", "随意倾倒"))),
      Map.entry("SIGNS_AND_ADVERTISING", List.of(List.of("门头招牌", "户外广告牌", "店招", "灯箱", "横幅"),
          List.of("松动有坠落风险", "违规设置", "破损严重", "遮挡窗户", "乱张贴"))),
      Map.entry("STREET_LIGHTING", List.of(List.of("路灯", "一整排路灯", "小区路灯", "景观灯"),
          List.of("不亮已经三天", "白天也亮着", "忽明忽暗", "灯杆倾斜", "线路裸露"))),
      Map.entry("MANHOLE_COVERS", List.of(List.of("井盖", "雨水井盖", "污水井盖", "窨井"),
          List.of("缺失有跌落风险", "破损下陷", "松动响声大", "移位", "凹陷"))),
      Map.entry("DAMAGED_ROADS", List.of(List.of("路面", "人行道地砖", "道路", "马路"),
          List.of("坑洼雨天积水", "松动翘起", "塌陷", "开裂", "破损严重"))),
      Map.entry("DRAINAGE", List.of(List.of("下水道", "路口", "雨水口", "排水管"),
          List.of("堵塞污水外溢", "积水严重车辆无法通行", "返臭", "内涝", "排水不畅"))),
      Map.entry("GREENERY", List.of(List.of("行道树", "绿化带", "树枝", "草坪"),
          List.of("枝干断裂悬挂", "杂草丛生无人修剪", "遮挡路灯", "枯死", "病虫害"))),
      Map.entry("GAS_SAFETY", List.of(List.of("楼道", "燃气管道", "厨房", "燃气表"),
          List.of("闻到燃气味", "锈蚀疑似漏气", "燃气泄漏", "阀门损坏", "私拉燃气管"))),
      Map.entry("BRIDGES_TUNNELS", List.of(List.of("桥面", "隧道", "高架桥", "人行天桥"),
          List.of("伸缩缝损坏车辆颠簸", "照明灯损坏", "护栏破损", "渗水", "裂缝"))),
      Map.entry("SNOW_ICE", List.of(List.of("人行天桥", "路面", "桥面", "坡道"),
          List.of("结冰未清理容易滑倒", "积雪未清扫", "冰冻路滑", "除雪不及时"))),
      Map.entry("OTHER", List.of(List.of("咨询", "反映", "建议"),
          List.of("城管执法投诉渠道", "小区周边环境问题", "办事流程", "政策规定"))));
  private static final List<String> CATEGORIES = WORDS.keySet().stream().sorted().toList();

  private final Random random;
  private final Gazetteer gazetteer;

  GeneratedCalls(long seed, Gazetteer gazetteer) {
    this.random = new Random(seed);
    this.gazetteer = gazetteer;
  }

  Call call() {
    String category = pick(CATEGORIES);
    List<List<String>> words = WORDS.get(category);
    Gazetteer.District district = pick(gazetteer.districts());
    String description = pick(OPENINGS) + pick(NEAR) + pick(words.get(0)) + pick(words.get(1)) + pick(CLOSINGS);
    String address = pick(district.places()) + (1 + random.nextInt(900)) + "号";
    return new Call(description, address, district.code(), category);
  }

  /** An article about a thing and a problem of a category, in a district: titles, questions and answers vary. */
  Text article(int n) {
    String category = pick(CATEGORIES);
    List<List<String>> words = WORDS.get(category);
    String thing = pick(words.get(0));
    String problem = pick(words.get(1));
    String place = pick(pick(gazetteer.districts()).places());
    String title = place + thing + problem + "的处理规定（第" + n + "号）";
    List<String> questions = List.of(thing + problem + "找谁", pick(NEAR) + thing + problem + "怎么办",
        "反映" + thing + "问题要多久处理");
    String answer = "根据《武汉市城市综合管理条例》，" + thing + problem + "由属地责任单位受理，接单后2小时内到场核实，"
        + "一般问题5个工作日内处理完毕，涉及安全隐患的立即设置警示并先行处置。市民可通过12345热线、"
        + "微信公众号或网站反映，办理结果将电话回访。" + place + "区域由所在街道网格员协助巡查。";
    return new Text(title, questions, answer, category);
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
