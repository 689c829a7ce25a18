// Two panels of proactive governance (未诉先办) for the leader dashboard: the hot spots a leader picks the
// month's topic from (每月一题) and the 三率 honour roll (红黑榜). Each renders into a container the page
// owns, replacing what it drew before, so the page calls it again on every refresh.
import { el } from './dom.js';
import { decimal, percent } from './leader-charts.js';

/** Where 立为治理专题 leads unless the page says otherwise: the topic form, prefilled. */
export const TOPIC_FORM = '/topics.html';

function openTopicForm({ category, district }) {
  location.assign(`${TOPIC_FORM}?${new URLSearchParams({ category, district })}`);
}

const span = (period) => (period?.from ? `${period.from} 至 ${period.to}` : '—');
const head = (...names) => el('thead', {}, el('tr', {}, ...names.map((n) => el('th', { scope: 'col' }, n))));
const emptyRow = (columns, text) => el('tr', { class: 'empty' }, el('td', { colspan: String(columns) }, text));

/** "+12（+35.0%）", "−3（−10.0%）", "+4（新增）" when there was nothing to compare with. */
function rise(count, rate) {
  const sign = count > 0 ? '+' : count < 0 ? '−' : '';
  let ratio = '新增';
  if (rate !== null && rate !== undefined) ratio = `${rate < 0 ? '−' : '+'}${Math.abs(rate * 100).toFixed(1)}%`;
  else if (count <= 0) ratio = '—';
  const trend = count > 0 ? 'up' : count < 0 ? 'down' : 'flat';
  return el('td', { class: `num gov-rise gov-rise-${trend}` }, `${sign}${Math.abs(count)}`, el('span', { class: 'gov-ratio' }, `（${ratio}）`));
}

function hotspotRow(item, open) {
  const topic = { category: item.category, district: item.district };
  return el('tr', { 'data-category': item.category, 'data-district': item.district },
    el('td', {}, item.categoryName ?? item.category),
    el('td', {}, item.districtName ?? item.district),
    el('td', { class: 'num gov-received' }, String(item.received)),
    el('td', { class: 'num' }, String(item.previous)),
    rise(item.rise, item.riseRate),
    el('td', { class: 'num' }, String(item.yearAgo)),
    rise(item.riseOnYear, item.riseOnYearRate),
    el('td', { class: 'gov-action' }, el('button', {
      class: 'gov-open-topic', type: 'button', title: `以“${item.categoryName ?? item.category} · ${item.districtName ?? item.district}”新建治理专题`,
      onclick: () => open(topic),
    }, '立为治理专题')));
}

/**
 * 每月一题 candidates: category × district cells whose calls rose against the previous period and against
 * a year ago, most risen first (GET /api/dashboard/hotspots). onOpenTopic({category, district}) is called by
 * each row's 立为治理专题; by default it opens the topic form prefilled.
 */
export function renderHotspots(container, hotspots, { onOpenTopic = openTopicForm } = {}) {
  const items = hotspots?.items ?? [];
  const rows = items.map((item) => hotspotRow(item, onOpenTopic));
  if (!rows.length) rows.push(emptyRow(8, '本期没有比上期或去年同期明显上升的问题'));
  const table = el('div', { class: 'table-wrap gov-table-wrap' }, el('table', { class: 'rank-table gov-hotspots' },
    head('问题分类', '区域', '本期受理', '上期', '环比', '去年同期', '同比', ''),
    el('tbody', {}, ...rows)));
  const periods = el('p', { class: 'hint gov-periods' },
    `本期 ${span(hotspots)} · 环比上期 ${span(hotspots?.previous)} · 同比去年 ${span(hotspots?.yearAgo)}`);
  container.replaceChildren(...(hotspots?.from ? [periods, table] : [table]));
  container.dataset.rendered = String(items.length);
}

// ---- 三率 红黑榜 ----

const RATES = [['responseRate', '响应率'], ['solvedRate', '解决率'], ['satisfactionRate', '满意率']];

function rateCell(rate, label) {
  const fraction = rate?.denominator ? `${rate.numerator} / ${rate.denominator}` : '无可计算的工单';
  return el('td', { class: 'num', title: `${label}：${fraction}` }, percent(rate));
}

function rollTable(kind, items, noun) {
  const rows = items.map((item) => el('tr', { 'data-code': item.code },
    el('td', {}, el('span', { class: `rank gov-rank-${kind}` }, String(item.rank))),
    el('td', { class: 'unit-name' }, item.name),
    ...RATES.map(([key, label]) => rateCell(item[key], label)),
    el('td', { class: 'num score' }, decimal(item.score))));
  if (!rows.length) rows.push(emptyRow(6, '暂无参与排名的对象'));
  return el('table', { class: 'rank-table gov-roll-table' },
    head('名次', noun, ...RATES.map(([, label]) => label), '得分'), el('tbody', {}, ...rows));
}

function rollNote(ranking) {
  // The score is the weighted mean, so each weight counts as its share of their sum.
  const total = RATES.reduce((sum, [key]) => sum + (ranking.weights?.[key] ?? 0), 0);
  const weights = total ? RATES.map(([key, label]) => `${label} ${Math.round(((ranking.weights[key] ?? 0) / total) * 100)}%`) : [];
  const unranked = (ranking.items ?? []).filter((i) => !i.ranked);
  const few = unranked.filter((i) => i.dispatched < ranking.minimumVolume);
  const unscored = unranked.filter((i) => !few.includes(i));
  const parts = [
    weights.length ? `得分权重：${weights.join(' · ')}` : '',
    few.length ? `派单不足 ${ranking.minimumVolume} 件未参与排名：${few.map((i) => `${i.name}（${i.dispatched} 件）`).join('、')}` : '',
    unscored.length ? `尚无可计分的工单、未参与排名：${unscored.map((i) => i.name).join('、')}` : '',
  ];
  return el('p', { class: 'hint gov-roll-note' }, parts.filter(Boolean).join('；'));
}

/**
 * 三率 红黑榜 from GET /api/dashboard/ranking?scheme=three-rates: the five best (红榜) and the five worst
 * (黑榜, worst first) side by side, each rate with its numerator / denominator on hover; below, the
 * weights and who was not ranked for too few cases.
 */
export function renderHonourRoll(container, ranking) {
  const noun = ranking?.by === 'district' ? '区域' : '承办单位';
  const red = ranking?.red ?? [];
  const black = ranking?.black ?? [];
  container.replaceChildren(
    el('div', { class: 'gov-roll' },
      el('section', { class: 'gov-roll-side gov-roll-red', 'aria-label': '红榜' },
        el('h3', { class: 'gov-roll-title' }, '红榜', el('span', { class: 'hint' }, red.length ? ` 前 ${red.length} 名` : '')),
        rollTable('red', red, noun)),
      el('section', { class: 'gov-roll-side gov-roll-black', 'aria-label': '黑榜' },
        el('h3', { class: 'gov-roll-title' }, '黑榜', el('span', { class: 'hint' }, black.length ? ` 末 ${black.length} 名` : '')),
        rollTable('black', black, noun))),
    rollNote(ranking ?? {}));
  container.dataset.rendered = String(red.length + black.length);
}
