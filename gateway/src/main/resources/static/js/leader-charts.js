// The leader dashboard's charts (Apache ECharts, window.echarts from the webjar): each container
// gets one chart, created once and updated in place on every refresh, so a wall screen never
// flashes. Text sizes follow the dashboard's font size, which grows with the screen.

export const C = {
  navy: '#0b3a7e', blue: '#2f6fd0', sky: '#9cb9e4', green: '#1f8a5b', amber: '#d98a1c', violet: '#7a5cc2',
  red: '#c8102e', grey: '#8a96a3', text: '#1f2933', muted: '#52606d', line: '#e3e8ef',
};

const charts = new Map();

/** The chart in a container, made on first use; it follows the container's size (a wrapping title, a message above). */
export function chart(id) {
  if (!charts.has(id)) {
    const node = document.getElementById(id);
    const made = window.echarts.init(node);
    new ResizeObserver(() => made.resize()).observe(node);
    charts.set(id, made);
  }
  return charts.get(id);
}

/** The dashboard's font size in pixels: the unit of every size below. */
export const unit = () => parseFloat(getComputedStyle(document.querySelector('.dashboard')).fontSize);

/** A rate's fraction 0..1 from a Rate {numerator, denominator, rate} (or a bare number), null when undefined. */
export const rateOf = (r) => (typeof r === 'number' ? r : r?.rate ?? null);

/** "93.4%", or "—" when the rate has no denominator. */
export function percent(r) {
  const value = rateOf(r);
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

/** A score or a number of hours with one decimal, or `none` when there is none. */
export const decimal = (n, none = '—') => (n === null || n === undefined ? none : n.toFixed(1));

const pct = (r) => (rateOf(r) === null ? null : Math.round(rateOf(r) * 1000) / 10);
export const esc = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const axisText = (f) => ({ fontSize: f * 0.8, color: C.muted });
const splitLine = { lineStyle: { color: C.line } };
export const tooltip = (f, extra) => ({ confine: true, textStyle: { fontSize: f * 0.85 }, ...extra });
const rateTooltip = { valueFormatter: (v) => (v === null || v === undefined ? '—' : `${v.toFixed(1)}%`) };

const RATES = [
  ['closureRate', '结案率', C.navy],
  ['onTimeResolutionRate', '按时办结率', C.green],
  ['satisfactionRate', '满意率', C.amber],
];

// ---- (a) districts by score ----

function rankingTip(item) {
  const rows = [
    ['综合得分', decimal(item.score, '暂无')], ['受理', `${item.received} 件`],
    ['当前超期', `${item.overdue ?? '—'} 件`], ['结案率', percent(item.closureRate)],
    ['按时办结率', percent(item.onTimeResolutionRate)], ['满意率', percent(item.satisfactionRate)],
  ];
  return `<strong>第 ${item.rank} 名 · ${esc(item.name)}</strong><br>${rows.map(([k, v]) => `${k}：${v}`).join('<br>')}`;
}

const scored = (item) => item.score !== null && item.score !== undefined;

/** Districts as ranked, rank 1 on top; `selected` (a district code) stands out. */
export function renderRanking(ranking, selected) {
  const f = unit();
  const items = ranking.items;
  const color = (i) => {
    if (!scored(i)) return C.grey;
    if (i.code === selected) return C.amber;
    return i.rank <= 3 ? C.navy : C.blue;
  };
  const badge = (bg) => ({ width: f * 1.3, height: f * 1.3, borderRadius: f, align: 'center', backgroundColor: bg, color: '#fff', fontSize: f * 0.75 });
  chart('chart-ranking').setOption({
    grid: { left: 4, right: f * 2.8, top: 4, bottom: 4, containLabel: true },
    tooltip: tooltip(f, { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (ps) => rankingTip(items[ps[0].dataIndex]) }),
    xAxis: { type: 'value', min: 0, max: 100, splitLine, axisLabel: axisText(f) },
    yAxis: {
      type: 'category', inverse: true, data: items.map((i) => i.name),
      axisTick: { show: false }, axisLine: { lineStyle: { color: C.line } },
      axisLabel: {
        fontSize: f * 0.85, color: C.text,
        formatter: (name, index) => {
          const i = items[index];
          return `{${i.rank <= 3 && scored(i) ? 'top' : 'rank'}|${i.rank}} ${name}`;
        },
        rich: { top: badge(C.navy), rank: { ...badge('#eef1f5'), color: C.muted } },
      },
    },
    series: [{
      type: 'bar', barMaxWidth: f * 1.1, barCategoryGap: '30%',
      data: items.map((i) => ({ value: i.score ?? 0, score: i.score, itemStyle: { color: color(i), borderRadius: [0, 3, 3, 0] } })),
      label: {
        show: true, position: 'right', fontSize: f * 0.8, color: C.text,
        formatter: (p) => decimal(p.data.score, '暂无'),
      },
    }],
  });
}

// ---- (b) trend ----

/** x-axis names: "11-05" for a day, "11-02~11-08" for a week, "2026-11" for a month. */
function periodName(interval, point) {
  if (interval === 'month') return point.from.slice(0, 7);
  if (interval === 'week') return `${point.from.slice(5)}~${point.to.slice(5)}`;
  return point.from.slice(5);
}

export function renderTrend(trend) {
  const f = unit();
  const points = trend.points;
  chart('chart-trend').setOption({
    legend: { top: 0, textStyle: { fontSize: f * 0.85, color: C.text }, itemWidth: f * 1.4, itemHeight: f * 0.7 },
    tooltip: tooltip(f, { trigger: 'axis' }),
    grid: { left: 4, right: 4, top: f * 3.2, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => periodName(trend.interval, p)), axisLabel: axisText(f), axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', name: '件', minInterval: 1, splitLine, axisLabel: axisText(f), nameTextStyle: axisText(f) },
      { type: 'value', min: 0, max: 100, splitLine: { show: false }, axisLabel: { ...axisText(f), formatter: '{value}%' } },
    ],
    series: [
      {
        name: '受理量', type: 'bar', data: points.map((p) => p.received), barMaxWidth: f * 2.2,
        itemStyle: { color: C.sky, borderRadius: [3, 3, 0, 0] }, tooltip: { valueFormatter: (v) => `${v} 件` },
      },
      ...RATES.map(([key, name, color]) => ({
        name, type: 'line', yAxisIndex: 1, data: points.map((p) => pct(p[key])), color,
        symbol: 'circle', symbolSize: f * 0.45, lineStyle: { width: f * 0.16 }, tooltip: rateTooltip,
      })),
    ],
  });
}

// ---- (c) categories ----

export function renderCategories(categories) {
  const f = unit();
  const items = [...categories.items].sort((a, b) => b.received - a.received);
  chart('chart-categories').setOption({
    legend: { top: 0, right: 0, textStyle: { fontSize: f * 0.85, color: C.text }, itemWidth: f * 1.2, itemHeight: f * 0.7 },
    tooltip: tooltip(f, { trigger: 'axis', axisPointer: { type: 'shadow' } }),
    grid: { left: 4, right: f * 1.5, top: f * 3.6, bottom: 4, containLabel: true },
    yAxis: {
      type: 'category', inverse: true, data: items.map((i) => i.name),
      axisTick: { show: false }, axisLine: { lineStyle: { color: C.line } }, axisLabel: { fontSize: f * 0.8, color: C.text },
    },
    xAxis: [
      { type: 'value', minInterval: 1, splitLine, axisLabel: axisText(f) },
      { type: 'value', min: 0, max: 100, position: 'top', splitLine: { show: false }, axisLabel: { ...axisText(f), formatter: '{value}%' } },
    ],
    series: [
      {
        name: '受理量', type: 'bar', data: items.map((i) => i.received), barMaxWidth: f * 0.9,
        itemStyle: { color: C.blue, borderRadius: [0, 3, 3, 0] }, tooltip: { valueFormatter: (v) => `${v} 件` },
      },
      {
        name: '结案率', type: 'scatter', xAxisIndex: 1, data: items.map((i) => pct(i.closureRate)),
        symbol: 'diamond', symbolSize: f * 0.85, itemStyle: { color: C.amber }, tooltip: rateTooltip,
      },
    ],
  });
}

// ---- (d) backlog now ----

const BACKLOG_STATES = [
  ['DISPATCHED', '待签收', C.amber],
  ['CLAIMED', '已签收', C.blue],
  ['AWAITING_MANUAL_DISPATCH', '待人工派单', C.violet],
  ['RETURNED', '退单', C.grey],
];

export function renderBacklog(backlog) {
  const f = unit();
  const c = chart('chart-backlog');
  const counts = Object.fromEntries(BACKLOG_STATES.map(([code, name]) => [name, backlog.byState?.[code] ?? 0]));
  c.setOption({
    tooltip: tooltip(f, { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' }),
    legend: {
      bottom: 0, itemWidth: f * 0.8, itemHeight: f * 0.8, itemGap: f * 0.6,
      textStyle: { fontSize: f * 0.8, color: C.text }, formatter: (name) => `${name} ${counts[name]}`,
    },
    title: { // the total in the ring's middle
      text: String(backlog.total), subtext: `在办工单\n{late|超期 ${backlog.overdue}}`,
      left: 'center', top: c.getHeight() * 0.42 - f * 2.3, itemGap: f * 0.1,
      textStyle: { fontSize: f * 1.8, fontWeight: 700, color: C.navy, lineHeight: f * 2 },
      subtextStyle: {
        fontSize: f * 0.75, color: C.muted, lineHeight: f * 1.25,
        rich: { late: { fontSize: f * 0.8, fontWeight: 700, color: backlog.overdue ? C.red : C.muted } },
      },
    },
    series: [{
      type: 'pie', radius: ['58%', '82%'], center: ['50%', '42%'],
      label: { show: false }, itemStyle: { borderColor: '#fff', borderWidth: 2 },
      data: BACKLOG_STATES.map(([, name, color]) => ({ name, value: counts[name], itemStyle: { color } })),
    }],
  });
}
