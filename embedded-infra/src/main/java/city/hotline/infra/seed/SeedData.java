package city.hotline.infra.seed;

import java.util.List;

/**
 * What a month of calls in Wuhan is made of: districts by how many calls they bring, their streets,
 * categories by share with what citizens say about them, callers' names. Shares are the seeder's
 * assumptions for a lively demonstration, not official statistics.
 */
final class SeedData {
  private SeedData() {}

  record District(String code, int weight, List<String> streets) {}

  record Category(String code, int weight, double emergencyShare, List<String> descriptions) {}

  static final List<District> DISTRICTS = List.of(
      new District("JIANGAN", 10, List.of("解放大道", "中山大道", "沿江大道", "黄浦大街")),
      new District("JIANGHAN", 9, List.of("建设大道", "新华路", "江汉路", "青年路")),
      new District("QIAOKOU", 7, List.of("京汉大道", "解放大道", "古田二路", "宝丰路")),
      new District("HANYANG", 7, List.of("汉阳大道", "龙阳大道", "鹦鹉大道", "琴台大道")),
      new District("WUCHANG", 11, List.of("中北路", "武珞路", "中山路", "友谊大道")),
      new District("QINGSHAN", 5, List.of("和平大道", "冶金大道", "建设二路", "工业路")),
      new District("HONGSHAN", 12, List.of("珞喻路", "雄楚大道", "民族大道", "书城路")),
      new District("DONGXIHU", 5, List.of("东吴大道", "金银湖路", "吴家山大道", "临空港大道")),
      new District("HANNAN", 2, List.of("汉南大道", "纱帽正街", "兴城大道")),
      new District("CAIDIAN", 4, List.of("蔡甸大街", "知音大道", "汉阳大街")),
      new District("JIANGXIA", 5, List.of("文化大道", "纸坊大街", "江夏大道")),
      new District("HUANGPI", 5, List.of("前川大道", "黄陂大道", "百秀街")),
      new District("XINZHOU", 3, List.of("邾城街", "新洲大道", "齐安大道")),
      new District("EAST_LAKE_HIGH_TECH", 8, List.of("光谷大道", "高新大道", "关山大道", "珞瑜东路")),
      new District("ECONOMIC_DEVELOPMENT_ZONE", 5, List.of("东风大道", "沌阳大道", "车城大道")),
      new District("EAST_LAKE_SCENIC", 2, List.of("东湖路", "沿湖大道", "梨园路")));

  static final List<Category> CATEGORIES = List.of(
      new Category("STREET_VENDING", 14, 0, List.of("人行道上有流动摊贩占道经营，行人无法通过", "夜市摊点占用人行道，油烟很大")),
      new Category("ILLEGAL_CONSTRUCTION", 7, 0, List.of("楼顶有人私自搭建板房", "小区绿地被圈占搭建围墙")),
      new Category("MUCK_TRANSPORT", 6, 0, List.of("渣土车夜间运输，沿路洒落泥土", "渣土车未覆盖篷布，尘土飞扬")),
      new Category("DUST_POLLUTION", 6, 0, List.of("工地未洒水降尘，粉尘很大", "道路施工扬尘严重，影响居民开窗")),
      new Category("CONSTRUCTION_NOISE", 8, 0, List.of("工地深夜施工噪音扰民", "凌晨还在打桩，无法休息")),
      new Category("SANITATION", 16, 0, List.of("垃圾桶满溢多日无人清运", "路边垃圾堆积，气味难闻", "公厕脏乱无人打扫")),
      new Category("SIGNS_AND_ADVERTISING", 4, 0, List.of("门头招牌松动有坠落风险", "违规设置户外广告牌")),
      new Category("STREET_LIGHTING", 8, 0, List.of("路灯不亮已经三天，夜间出行不便", "一整排路灯白天也亮着")),
      new Category("MANHOLE_COVERS", 5, 0.35, List.of("井盖缺失，有行人跌落风险", "井盖破损下陷，车辆经过响声大")),
      new Category("DAMAGED_ROADS", 7, 0, List.of("路面坑洼，雨天积水", "人行道地砖松动翘起")),
      new Category("DRAINAGE", 6, 0.1, List.of("下水道堵塞，污水外溢", "路口积水严重，车辆无法通行")),
      new Category("GREENERY", 5, 0.05, List.of("行道树枝干断裂悬挂，存在安全隐患", "绿化带杂草丛生无人修剪")),
      new Category("GAS_SAFETY", 2, 0.6, List.of("楼道里闻到燃气味", "燃气管道锈蚀，疑似漏气")),
      new Category("BRIDGES_TUNNELS", 2, 0.1, List.of("桥面伸缩缝损坏，车辆颠簸", "隧道内照明灯损坏多盏")),
      new Category("SNOW_ICE", 1, 0, List.of("人行天桥结冰未清理，容易滑倒")),
      new Category("OTHER", 3, 0, List.of("咨询城管执法投诉渠道", "反映小区周边环境问题")));

  static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
      "胡", "朱", "高", "林", "何", "郭", "马", "罗");

  static final List<String> GIVEN_NAMES = List.of("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
      "杰", "娟", "涛", "明", "超", "秀英", "桂英", "建华", "志强", "海燕", "晓红", "文博");

  static final List<String> REPLIES = List.of("已安排人员到场处理，现场已恢复正常", "已联系责任单位整改完毕",
      "已清理完毕并加强巡查", "已更换损坏设施", "已依法责令停止并整改", "已约谈施工单位，夜间停止施工");

  static final List<String> CONSULTATION_ANSWERS = List.of("已告知投诉渠道及办理流程", "已解答相关政策规定");

  /** Calls per hour of the day, relative (the hotline is busiest mid-morning and after work). */
  static final int[] HOURLY = {1, 1, 1, 1, 1, 2, 4, 8, 12, 14, 14, 12, 9, 10, 12, 12, 11, 10, 9, 8, 7, 5, 3, 2};
}
