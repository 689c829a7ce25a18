// 每月一题 治理专题: the list of governance topics and the form a leader opens one with (prefilled from a
// hot spot: topics.html?category=&district=), and one topic's page (topics.html?id=GT000001) tracking
// the calls it covers week by week before, during and after its period. Dates are Beijing calendar days.
import { api, currentUser } from './session.js';
import { el } from './dom.js';
import { clearErrors, formError, time } from './cases.js';
import { loadUnits } from './knowledge-common.js';
import { loadReference, nameOf } from './reference.js';
import { decimal, percent, rateOf } from './leader-charts.js';

const $ = (id) => document.getElementById(id);
const TOPICS = '/api/dashboard/topics';
const OFFSET_MS = 8 * 3600 * 1000; // Beijing time, no daylight saving
const DAY_MS = 24 * 3600 * 1000;
const TOPIC_DAYS = 30; // a new topic's period unless the leader changes it: one month, 每月一题

const today = () => new Date(Date.now() + OFFSET_MS).toISOString().slice(0, 10);
const shift = (day, days) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const topicPage = (id) => `/topics.html?id=${encodeURIComponent(id)}`;

function say(text) {
  $('topics-message').textContent = text;
  $('topics-message').hidden = !text;
}

async function problemDetail(response) {
  const problem = await response.json().catch(() => ({}));
  return problem.detail || problem.title || `请求失败（${response.status}）`;
}

// ---- what a topic covers ----

const names = (kind, codes, none) => (codes?.length ? codes.map((c) => nameOf(kind, c)).join('、') : none);
/** The lead unit's name from /api/units; the feedback service knows a unit's name only once a case went to it. */
function leadUnit(topic) {
  const name = nameOf('unit', topic.leadUnitId);
  return name !== topic.leadUnitId ? name : topic.leadUnitName ?? topic.leadUnitId;
}
const scope = (topic) => `${names('category', topic.categories, '—')} · ${names('district', topic.districts, '全市')}`;

function stateOf(topic) {
  const day = today();
  if (day < topic.from) return ['PLANNED', '未开始'];
  return day > topic.to ? ['FINISHED', '已结束'] : ['RUNNING', '进行中'];
}

function stateBadge(topic, attrs = {}) {
  const [code, text] = stateOf(topic);
  return el('span', { class: `gov-state gov-state-${code}`, 'data-state': code, ...attrs }, text);
}

// ---- the list ----

function fillList(items) {
  const head = el('tr', {}, ...['编号', '专题名称', '牵头单位', '问题分类 · 区域', '治理周期', '状态']
    .map((h) => el('th', { scope: 'col' }, h)));
  const rows = items.map((t) => el('tr', { 'data-topic': t.id },
    el('td', {}, t.id),
    el('td', { class: 'unit-name' }, el('a', { href: topicPage(t.id) }, t.title)),
    el('td', {}, leadUnit(t)),
    el('td', { class: 'gov-scope' }, scope(t)),
    el('td', {}, `${t.from} 至 ${t.to}`),
    el('td', {}, stateBadge(t))));
  if (!rows.length) rows.push(el('tr', { class: 'empty' }, el('td', { colspan: '6' }, '还没有治理专题：从领导驾驶舱的热点问题立项，或在右侧新建')));
  $('topic-list').replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
  $('topic-count').textContent = items.length ? `共 ${items.length} 个` : '';
}

async function loadList() {
  const response = await api(TOPICS);
  if (!response.ok) {
    say(`治理专题列表未能加载：${await problemDetail(response)}`);
    return;
  }
  fillList((await response.json()).items ?? []);
}

// ---- the create form ----

function choices(fieldset, entries, name) {
  fieldset.querySelector('.gov-choice-grid').replaceChildren(...entries.map((e) => el('label', { class: 'gov-choice' },
    el('input', { type: 'checkbox', name, value: e.code }), e.name)));
}

const checked = (fieldset) => [...fieldset.querySelectorAll('input:checked')].map((i) => i.value);

function check(fieldset, code) {
  const box = fieldset.querySelector(`input[value="${CSS.escape(code)}"]`);
  if (box) box.checked = true;
  return Boolean(box);
}

/** From a hot spot on the leader page: its category and district ticked and a title proposed. */
function prefill(query) {
  const category = query.get('category') ?? '';
  const district = query.get('district') ?? '';
  const hasCategory = category && check($('topic-categories'), category);
  const hasDistrict = district && check($('topic-districts'), district);
  if (!hasCategory && !hasDistrict) return;
  const where = hasDistrict ? nameOf('district', district) : '全市';
  const what = hasCategory ? nameOf('category', category) : '';
  $('topic-title').value = `${where}${what}问题专项治理`;
  $('topic-origin').textContent = `来自热点：${[what, where].filter(Boolean).join(' · ')}`;
  $('topic-origin').hidden = false;
  $('topic-title').focus();
}

function readForm() {
  return {
    title: $('topic-title').value.trim(),
    leadUnitId: $('topic-lead-unit').value || null,
    categories: checked($('topic-categories')),
    districts: checked($('topic-districts')),
    target: $('topic-target').value.trim(),
    from: $('topic-from').value || null,
    to: $('topic-to').value || null,
  };
}

const FIELD_NAMES = {
  title: '专题名称', leadUnitId: '牵头单位', categories: '问题分类', districts: '区域', target: '治理目标', from: '开始日期', to: '结束日期',
};
/** The API's rules in the page's words; a rule not listed is shown as the server wrote it. */
const RULES = [
  [/^is required/, () => '必填'],
  [/^must name at least one category/, () => '至少选择一项'],
  [/^must be codes from .* \(unknown: (.*)\)$/, (codes) => `不是有效的选项：${codes}`],
  [/^must be a unit id/, () => '请选择牵头单位'],
  [/^must be at most (\d+) characters/, (n) => `最多 ${n} 个字`],
  [/^must not be after 'to'/, () => '不能晚于结束日期'],
  [/^the period may cover at most (\d+) days/, (n) => `治理周期最长 ${n} 天`],
];

function rule(message) {
  for (const [pattern, words] of RULES) {
    const match = pattern.exec(message ?? '');
    if (match) return words(...match.slice(1));
  }
  return message;
}

/** Each refused field marked with its rule (categories[1] → the categories); the rest above the button. */
function showFieldErrors(form, errors) {
  const unplaced = [];
  let first = null;
  errors.forEach(({ field, message }) => {
    const name = field.split(/[.[]/)[0];
    const control = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (!control) {
      unplaced.push(`${FIELD_NAMES[name] ?? field}：${rule(message)}`);
      return;
    }
    control.setAttribute('aria-invalid', 'true');
    control.closest('.field').append(el('span', { class: 'field-error' }, rule(message)));
    first ??= control.matches('fieldset') ? control.querySelector('input') : control;
  });
  formError(form).textContent = [`有 ${errors.length} 项需要更正`, ...unplaced].join('；');
  first?.focus();
}

async function create(event) {
  event.preventDefault();
  const form = $('topic-form');
  clearErrors(form);
  $('create-topic').disabled = true;
  try {
    const response = await api(TOPICS, { method: 'POST', body: readForm() });
    if (response.ok) {
      location.assign(topicPage((await response.json()).id));
      return;
    }
    const problem = await response.json().catch(() => ({}));
    if (response.status === 400 && problem.errors?.length) showFieldErrors(form, problem.errors);
    else formError(form).textContent = problem.detail || problem.title || '立项未成功，请稍后再试';
  } catch {
    formError(form).textContent = '网络中断，立项可能未完成，请刷新列表后查看';
  } finally {
    $('create-topic').disabled = false;
  }
}

async function showList(query) {
  $('topics-list-view').hidden = false;
  const [{ districts, categories }, units] = await Promise.all([loadReference(), loadUnits()]);
  choices($('topic-categories'), categories, 'categories');
  choices($('topic-districts'), districts, 'districts');
  $('topic-lead-unit').append(...units.map((u) => el('option', { value: u.code }, u.name)));
  $('topic-from').value = today();
  $('topic-to').value = shift(today(), TOPIC_DAYS - 1);
  prefill(query);
  $('topic-form').addEventListener('submit', create);
  await loadList();
}

// ---- one topic ----

const PHASES = { BEFORE: '治理前', DURING: '治理期间', AFTER: '治理后' };
const PHASE_COLOURS = { BEFORE: 'rgba(138, 150, 163, 0.12)', DURING: 'rgba(217, 138, 28, 0.14)', AFTER: 'rgba(31, 138, 91, 0.12)' };
const C = { sky: '#9cb9e4', navy: '#0b3a7e', amber: '#d98a1c', text: '#1f2933', muted: '#52606d', line: '#e3e8ef' };

function facts(topic) {
  const rows = [
    ['编号', topic.id],
    ['牵头单位', leadUnit(topic)],
    ['问题分类', names('category', topic.categories, '—')],
    ['区域', names('district', topic.districts, '全市')],
    ['治理目标', topic.target || '—'],
    ['治理周期', `${topic.from} 至 ${topic.to}`],
    ['立项', `${topic.createdBy ?? ''} ${time(topic.createdAt)}`],
  ];
  $('topic-facts').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

/** A phase's weeks added up: received per week, and the rates over all its calls. */
function phaseTotals(weeks) {
  const sum = (f) => weeks.reduce((total, w) => total + f(w), 0);
  const rate = (key) => {
    const numerator = sum((w) => w[key]?.numerator ?? 0);
    const denominator = sum((w) => w[key]?.denominator ?? 0);
    return { numerator, denominator, rate: denominator ? numerator / denominator : null };
  };
  const received = sum((w) => w.received);
  return { weeks: weeks.length, received, perWeek: received / weeks.length, closureRate: rate('closureRate'), satisfactionRate: rate('satisfactionRate') };
}

function change(now, before) {
  if (!before?.perWeek) return '';
  const ratio = (now.perWeek - before.perWeek) / before.perWeek;
  return `较治理前 ${ratio > 0 ? '+' : ratio < 0 ? '−' : ''}${Math.abs(ratio * 100).toFixed(1)}%`;
}

/** Before, during and after side by side: calls per week and the two rates of each phase. */
function fillPhases(weeks) {
  const totals = Object.fromEntries(Object.keys(PHASES)
    .map((phase) => [phase, weeks.filter((w) => w.phase === phase)])
    .filter(([, ws]) => ws.length).map(([phase, ws]) => [phase, phaseTotals(ws)]));
  $('topic-phases').replaceChildren(...Object.entries(totals).map(([phase, t]) => el('article', {
    id: `phase-${phase}`, class: `tile tile-main gov-phase gov-phase-${phase}`, 'data-weeks': String(t.weeks), 'data-received': String(t.received),
  },
  el('h3', { class: 'tile-label' }, `${PHASES[phase]} · ${t.weeks} 周 · 受理 ${t.received} 件`),
  el('p', { class: 'tile-figure' }, el('span', { class: 'tile-value' }, decimal(t.perWeek)), el('span', { class: 'tile-unit' }, '件/周'),
    phase === 'BEFORE' ? null : el('span', { class: 'gov-change' }, change(t, totals.BEFORE))),
  el('p', { class: 'tile-fraction' }, `结案率 ${percent(t.closureRate)} · 满意率 ${percent(t.satisfactionRate)}`))));
}

const fraction = (r) => (r?.denominator ? `${r.numerator} / ${r.denominator}` : '无可计算的工单');

function fillWeeks(weeks) {
  const head = el('tr', {}, ...['周次', '阶段', '受理', '办结', '结案率', '满意率'].map((h) => el('th', { scope: 'col' }, h)));
  const rows = weeks.map((w) => el('tr', { 'data-week': w.week, 'data-phase': w.phase, class: `gov-week-${w.phase}` },
    el('td', {}, `${w.from} 至 ${w.to}`),
    el('td', {}, PHASES[w.phase] ?? w.phase),
    el('td', { class: 'num' }, String(w.received)),
    el('td', { class: 'num' }, String(w.resolved)),
    el('td', { class: 'num', title: `结案率：${fraction(w.closureRate)}` }, percent(w.closureRate)),
    el('td', { class: 'num', title: `满意率：${fraction(w.satisfactionRate)}` }, percent(w.satisfactionRate))));
  if (!rows.length) rows.push(el('tr', { class: 'empty' }, el('td', { colspan: '6' }, '暂无可统计的周')));
  $('topic-weeks').replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
}

// ---- the weekly chart: week i spans [i, i + 1] on a value axis, so that each phase's shading covers whole weeks ----

let chart = null;
const pct = (r) => (rateOf(r) === null ? null : Math.round(rateOf(r) * 1000) / 10);

function phaseAreas(weeks) {
  const spans = {};
  weeks.forEach((w, i) => {
    spans[w.phase] ??= [i, i];
    spans[w.phase][1] = i;
  });
  return Object.keys(PHASES).filter((phase) => spans[phase]).map((phase) => [
    { name: PHASES[phase], xAxis: spans[phase][0], itemStyle: { color: PHASE_COLOURS[phase] } },
    { xAxis: spans[phase][1] + 1 },
  ]);
}

function weekTip(weeks, index) {
  const w = weeks[index];
  return [`<strong>${w.from} 至 ${w.to}</strong>（${PHASES[w.phase] ?? w.phase}）`, `受理：${w.received} 件`, `办结：${w.resolved} 件`,
    `结案率：${percent(w.closureRate)}（${fraction(w.closureRate)}）`, `满意率：${percent(w.satisfactionRate)}（${fraction(w.satisfactionRate)}）`].join('<br>');
}

function drawChart(weeks) {
  const node = $('topic-chart');
  if (!chart) {
    chart = window.echarts.init(node);
    new ResizeObserver(() => chart.resize()).observe(node);
  }
  const f = parseFloat(getComputedStyle(node).fontSize);
  const axisText = { fontSize: f * 0.8, color: C.muted };
  const line = (name, key, color) => ({
    name, type: 'line', yAxisIndex: 1, color, symbol: 'circle', symbolSize: f * 0.45, lineStyle: { width: f * 0.16 },
    data: weeks.map((w, i) => [i + 0.5, pct(w[key])]),
  });
  chart.setOption({
    legend: { top: 0, textStyle: { fontSize: f * 0.85, color: C.text }, itemWidth: f * 1.4, itemHeight: f * 0.7 },
    tooltip: { trigger: 'axis', confine: true, textStyle: { fontSize: f * 0.85 }, formatter: (ps) => weekTip(weeks, ps[0].dataIndex) },
    grid: { left: 4, right: 4, top: f * 3.2, bottom: 4, containLabel: true },
    xAxis: { // a tick at each week's Monday, named by its date
      type: 'value', min: 0, max: Math.max(weeks.length, 1), interval: 1, splitLine: { show: false },
      axisLabel: { ...axisText, hideOverlap: true, formatter: (i) => weeks[i]?.week.slice(5) ?? '' },
    },
    yAxis: [
      { type: 'value', name: '件', minInterval: 1, splitLine: { lineStyle: { color: C.line } }, axisLabel: axisText, nameTextStyle: axisText },
      { type: 'value', min: 0, max: 100, splitLine: { show: false }, axisLabel: { ...axisText, formatter: '{value}%' } },
    ],
    series: [
      {
        name: '受理量', type: 'bar', barWidth: '60%', itemStyle: { color: C.sky, borderRadius: [3, 3, 0, 0] },
        data: weeks.map((w, i) => [i + 0.5, w.received]),
        markArea: { silent: true, label: { color: C.muted, fontSize: f * 0.8 }, data: phaseAreas(weeks) },
      },
      line('结案率', 'closureRate', C.navy),
      line('满意率', 'satisfactionRate', C.amber),
    ],
  }, true);
  node.dataset.rendered = 'true';
}

async function showTopic(id) {
  $('topic-view').hidden = false;
  $('all-topics').hidden = false;
  const [response] = await Promise.all([api(`${TOPICS}/${encodeURIComponent(id)}`), loadReference(), loadUnits()]);
  if (!response.ok) {
    $('topic-view').hidden = true;
    say(response.status === 404 ? `找不到治理专题 ${id}` : `治理专题未能加载：${await problemDetail(response)}`);
    return;
  }
  const topic = await response.json();
  document.title = `${topic.title} · 每月一题 · 12345 市民热线`;
  $('topic-name').textContent = topic.title;
  $('topic-state').replaceWith(stateBadge(topic, { id: 'topic-state' }));
  $('topics-scope').textContent = `${topic.id} · ${scope(topic)} · ${topic.from} 至 ${topic.to}`;
  facts(topic);
  const weeks = topic.weeks ?? [];
  fillPhases(weeks);
  drawChart(weeks);
  fillWeeks(weeks);
  $('topic-view').dataset.topic = topic.id;
}

async function start() {
  if (!currentUser()?.roles.includes('LEADER')) return; // shell.js sends the browser away
  const query = new URLSearchParams(location.search);
  try {
    if (query.get('id')) await showTopic(query.get('id'));
    else await showList(query);
  } catch {
    say('网络连接中断，请稍后刷新页面');
  }
  document.body.dataset.topicsReady = '';
}

start();
