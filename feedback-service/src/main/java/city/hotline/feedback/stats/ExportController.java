package city.hotline.feedback.stats;

import city.hotline.support.web.ApiException.FieldProblem;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * 导出: the ranking and the case list of a period as CSV or Excel, streamed as they are read; every bad parameter
 * named in one 400, as for the dashboard's questions.
 */
@RestController
@RequestMapping("/api/dashboard/export")
class ExportController {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final List<String> RANKING_HEADER = List.of("排名", "代码", "名称", "综合得分", "受理量", "办结量",
      "结案量", "超期量", "按时签收率", "办结率", "按时办结率", "结案率", "满意率");
  private static final List<String> THREE_RATES_HEADER = List.of("排名", "代码", "名称", "派单量",
      "响应率", "按时签收量", "响应率分母(派单量)", "解决率", "已解决量", "解决率分母(答是否解决的评价量)",
      "满意率", "满意量", "满意率分母(评价量)", "得分", "参与排名");
  private static final List<String> HONOUR_ROLL_HEADER = List.of("排名", "代码", "名称", "得分", "响应率", "解决率", "满意率");
  private static final String HONOUR_ROLL_SHEET = "红黑榜";
  private static final List<String> CASES_HEADER = List.of("工单号", "受理时间", "区域", "类别", "紧急程度", "承办单位",
      "派单时间", "签收时间", "按时签收", "办结时间", "按时办结", "办理时长(小时)", "结案时间", "结案结果", "问题已解决",
      "退单", "超期", "重办", "重复件", "直接办结", "咨询", "知识库文章");

  private final DashboardController dashboard;
  private final DashboardQueries queries;
  private final CaseList cases;
  private final ReferenceNames names;
  private final StatsCube cube;
  private final ZoneId zone;

  ExportController(DashboardController dashboard, DashboardQueries queries, CaseList cases, ReferenceNames names,
      StatsCube cube, StatsSettings settings) {
    this.dashboard = dashboard;
    this.queries = queries;
    this.cases = cases;
    this.names = names;
    this.cube = cube;
    this.zone = settings.zone();
  }

  /** The weighted ranking, or with scheme=three-rates the 三率 scorecard and its 红榜 / 黑榜. */
  @GetMapping("/ranking")
  ResponseEntity<StreamingResponseBody> ranking(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "district") String by,
      @RequestParam(defaultValue = "weighted") String scheme,
      @RequestParam(required = false) String category,
      @RequestParam(defaultValue = "csv") String format) {
    List<FieldProblem> problems = new ArrayList<>();
    DashboardQueries.Scheme chosen = DashboardController.choice(DashboardQueries.Scheme.class, "scheme", scheme,
        problems);
    DashboardQueries.RankBy rankBy = DashboardController.choice(DashboardQueries.RankBy.class, "by", by, problems);
    TableWriter.Format type = DashboardController.choice(TableWriter.Format.class, "format", format, problems);
    DashboardFilter f = dashboard.filter(from, to, null, null, category, problems);
    DashboardController.refuse(problems);
    if (chosen == DashboardQueries.Scheme.THREE_RATES) {
      ThreeRates.Ranking ranking = queries.threeRates(f, rankBy);
      return file(type, "三率排名_" + ranking.by() + "_" + f.from() + "_" + f.to(), out -> threeRates(type, out, ranking));
    }
    DashboardQueries.Ranking ranking = queries.ranking(f, rankBy);
    return file(type, "排名_" + ranking.by() + "_" + f.from() + "_" + f.to(), out -> {
      try (TableWriter table = TableWriter.open(type, out, "排名", RANKING_HEADER)) {
        for (DashboardQueries.RankedItem item : ranking.items()) {
          table.row(Arrays.asList(item.rank(), item.code(), item.name(), round(item.score()), item.received(),
              item.resolved(), item.closed(), item.overdue(), percent(item.claimOnTimeRate()),
              percent(item.resolutionRate()), percent(item.onTimeResolutionRate()), percent(item.closureRate()),
              percent(item.satisfactionRate())));
        }
      }
    });
  }

  /** 三率: every group with each rate's numerator and denominator, then the 红榜 and the 黑榜 (worst first). */
  private static void threeRates(TableWriter.Format type, OutputStream out, ThreeRates.Ranking ranking) {
    try (TableWriter table = TableWriter.open(type, out, "三率排名", THREE_RATES_HEADER)) {
      for (ThreeRates.Item item : ranking.items()) {
        table.row(Arrays.asList(item.rank(), item.code(), item.name(), item.dispatched(),
            percent(item.responseRate()), item.responseRate().numerator(), item.responseRate().denominator(),
            percent(item.solvedRate()), item.solvedRate().numerator(), item.solvedRate().denominator(),
            percent(item.satisfactionRate()), item.satisfactionRate().numerator(),
            item.satisfactionRate().denominator(), round(item.score()), item.ranked() ? "是" : "否"));
      }
      table.section(HONOUR_ROLL_SHEET, "红榜", HONOUR_ROLL_HEADER);
      ranking.red().forEach(item -> table.row(honourRow(item)));
      table.section(HONOUR_ROLL_SHEET, "黑榜", HONOUR_ROLL_HEADER);
      ranking.black().forEach(item -> table.row(honourRow(item)));
    }
  }

  private static List<Object> honourRow(ThreeRates.Item item) {
    return Arrays.asList(item.rank(), item.code(), item.name(), round(item.score()), percent(item.responseRate()),
        percent(item.solvedRate()), percent(item.satisfactionRate()));
  }

  @GetMapping("/cases")
  ResponseEntity<StreamingResponseBody> cases(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String unitId,
      @RequestParam(required = false) String category,
      @RequestParam(defaultValue = "csv") String format) {
    List<FieldProblem> problems = new ArrayList<>();
    TableWriter.Format type = DashboardController.choice(TableWriter.Format.class, "format", format, problems);
    DashboardFilter f = dashboard.filter(from, to, district, unitId, category, problems);
    DashboardController.refuse(problems);
    return file(type, "工单明细_" + f.from() + "_" + f.to(), out -> {
      try (TableWriter table = TableWriter.open(type, out, "工单明细", CASES_HEADER)) {
        cases.forEach(f, row -> table.row(cells(row)));
      }
    });
  }

  private List<Object> cells(CaseList.Row r) {
    return new ArrayList<>(Arrays.asList(r.ticketId(), time(r.registeredAt()), names.district(r.district()),
        names.category(r.category()), r.urgency(), r.unitId() == null ? null : cube.unitName(r.unitId()),
        time(r.dispatchedAt()), time(r.claimedAt()), yesNo(r.claimedOnTime()), time(r.resolvedAt()),
        yesNo(r.resolvedOnTime()), r.handlingHours() == null ? null : Math.round(r.handlingHours() * 10) / 10.0,
        time(r.closedAt()), r.outcome(), yesNo(r.solved()), yesNo(r.returned()), yesNo(r.overdue()),
        yesNo(r.reopened()), yesNo(r.merged()), yesNo(r.closedDirectly()), yesNo(r.consultation()), r.knowledgeArticleId()));
  }

  private ResponseEntity<StreamingResponseBody> file(TableWriter.Format type, String name, StreamingResponseBody body) {
    String fileName = name + "." + type.extension;
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"export." + type.extension
            + "\"; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))
        .contentType(MediaType.parseMediaType(type.contentType))
        .body(body);
  }

  private String time(java.time.Instant at) {
    return at == null ? null : TIME.format(at.atZone(zone));
  }

  private static String yesNo(Boolean value) {
    return value == null ? null : value ? "是" : "否";
  }

  private static Double round(Double score) {
    return score == null ? null : Math.round(score * 10) / 10.0;
  }

  private static String percent(Summary.Rate rate) {
    return rate.rate() == null ? null : String.format("%.1f%%", rate.rate() * 100);
  }
}
