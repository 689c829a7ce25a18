// 领导驾驶舱: the SPEC §5 figures for a period and a district (headline tiles, the district and unit
// rankings, the trend, categories and the open backlog), refreshed every minute in place, and the
// CSV/Excel exports; and the SPEC §8.5 governance view: the live 突发预警 banner, the city map (a click
// on a district filters everything by it), the hot spots (每月一题) and the 三率 红黑榜. Periods are
// calendar days in Beijing time (yyyy-MM-dd); the filters live in the address so that a reloaded wall
// screen shows the same view.
import { api, currentUser } from './session.js';
import { el } from './dom.js';
import { codes, nameOf, remember } from './reference.js';
import { decimal, percent, renderBacklog, renderCategories, renderRanking, renderTrend } from './leader-charts.js';
import { FIGURES, updateMap } from './leader-map.js';
import { startAlertsBanner } from './alerts-banner.js';

const $ = (id) => document.getElementById(id);
const REFRESH_MS = 60_000;
const OFFSET_MS = 8 * 3600 * 1000; // Beijing time, no daylight saving
const DAY_MS = 24 * 3600 * 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INTERVALS = ['day', 'week', 'month'];

const state = { period: 'month', from: '', to: '', district: '', interval: 'day', figure: 'received' };
let asked = 0; // only the newest answers are shown
let loads = 0; // body[data-loaded]: how many complete loads have been shown
let last = {}; // the answers on screen, drawn again when the window is resized

// ---- periods ----

const today = () => new Date(Date.now() + OFFSET_MS).toISOString().slice(0, 10);
const clock = (at) => new Date(at).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
const shift = (day, days) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Quick periods as [from, to] on a given day; recomputed at each refresh so that 今日 rolls over at midnight. */
const PERIODS = {
  today: (t) => [t, t],
  '7d': (t) => [shift(t, -6), t],
  month: (t) => [`${t.slice(0, 8)}01`, t],
  lastMonth: (t) => {
    const end = shift(`${t.slice(0, 8)}01`, -1);
    return [`${end.slice(0, 8)}01`, end];
  },
  '30d': (t) => [shift(t, -29), t],
};

function query(params) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([key, value]) => {
    if (value) q.set(key, value);
  });
  return q.toString();
}

function readAddress() {
  const q = new URLSearchParams(location.search);
  if (PERIODS[q.get('period')]) state.period = q.get('period');
  else if (DATE.test(q.get('from') ?? '') && DATE.test(q.get('to') ?? '')) {
    Object.assign(state, { period: null, from: q.get('from'), to: q.get('to') });
  }
  state.district = q.get('district') ?? '';
  if (INTERVALS.includes(q.get('interval'))) state.interval = q.get('interval');
  if (Object.hasOwn(FIGURES, q.get('figure') ?? '')) state.figure = q.get('figure');
}

function writeAddress() {
  const { period, from, to, district, interval, figure } = state;
  const q = query(period ? { period, district, interval, figure } : { from, to, district, interval, figure });
  history.replaceState(null, '', `${location.pathname}?${q}`);
}

/** The inputs and switches as the state says. */
function showFilters() {
  $('filter-from').value = state.from;
  $('filter-to').value = state.to;
  $('filter-district').value = state.district;
  document.querySelectorAll('[data-period]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.period === state.period)));
  document.querySelectorAll('[data-interval]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.interval === state.interval)));
  document.querySelectorAll('[data-figure]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.figure === state.figure)));
  $('map-all').setAttribute('aria-pressed', String(!state.district));
  const where = state.district ? nameOf('district', state.district) : '全市';
  $('dashboard-scope').textContent = `${where} · ${state.from} 至 ${state.to}`;
  updateMap({ selected: state.district, figure: state.figure });
}

// ---- messages ----

const FIELDS = {
  from: '开始日期', to: '结束日期', district: '区域', interval: '统计粒度', by: '排名维度', scheme: '排名方案', format: '导出格式',
};
const RULES = [[/^must not be after 'to'/, '不能晚于结束日期'], [/^is required/, '必填']];

function fieldProblem({ field, message }) {
  const rule = RULES.find(([pattern]) => pattern.test(message ?? ''));
  $(`filter-${field}`)?.setAttribute('aria-invalid', 'true');
  return rule ? `${FIELDS[field] ?? field}${rule[1]}` : `${FIELDS[field] ?? field}：${message}`;
}

/** What a refusal says: its field errors, else its detail. */
async function problemText(response) {
  const problem = await response.json().catch(() => ({}));
  if (problem.errors?.length) return problem.errors.map(fieldProblem).join('；');
  return problem.detail || problem.title || `请求失败（${response.status}）`;
}

function say(text, kind = 'error') {
  const box = $('dashboard-message');
  box.textContent = text;
  box.dataset.kind = kind;
  box.hidden = !text;
}

// ---- tiles ----

const number = (n) => (n === null || n === undefined ? '—' : String(n));
const share = (part, whole) => (whole ? `占受理 ${percent(part / whole)}` : '');
const fraction = (r) => (r ? `${r.numerator} / ${r.denominator}` : '');

/** Each tile: where its figure comes from; a rate shows numerator / denominator, a count its context. */
const TILES = {
  main: [
    { field: 'received', label: '受理量', unit: '件', note: (s) => `结案 ${s.closed} · 办结 ${s.resolved}` },
    { field: 'closureRate', label: '结案率', rate: '结案 / 受理' },
    { field: 'onTimeResolutionRate', label: '按时办结率', rate: '按时办结 / 办结' },
    { field: 'satisfactionRate', label: '满意率', rate: '满意与基本满意 / 已评价（不含未接通、未评价）' },
    { field: 'overdue', label: '当前超期', unit: '件', backlog: true },
  ],
  minor: [
    { field: 'dispatched', label: '派单量', unit: '件', note: (s) => share(s.dispatched, s.received) },
    { field: 'claimOnTimeRate', label: '按时签收率', rate: '按时签收 / 应签收' },
    { field: 'resolutionRate', label: '办结率', rate: '办结 / 派单' },
    { field: 'returnVisitRate', label: '回访率', rate: '已评价 / 办结' },
    { field: 'returnRate', label: '退单率', rate: '退单 / 派单' },
    { field: 'reopenRate', label: '重办率', rate: '重办 / 办结' },
    { field: 'merged', label: '重复件', unit: '件', note: (s) => share(s.merged, s.received) },
    { field: 'closedDirectly', label: '直接办结', unit: '件', note: (s) => share(s.closedDirectly, s.received) },
    { field: 'knowledgeAnswerRate', label: '知识库解答率', rate: '引用知识库直接办结的咨询 / 咨询受理量' },
    { field: 'handlingHours', label: '平均办理时长', unit: '小时', value: (s) => decimal(s.handlingHours?.mean), note: (s) => `P90 ${decimal(s.handlingHours?.p90)} 小时` },
    { field: 'score', label: '综合得分', unit: '分', value: (s) => decimal(s.score) },
  ],
};

function tile(t, kind) {
  return el('article', { id: `tile-${t.field}`, class: `tile tile-${kind}`, title: t.rate ? `${t.label} = ${t.rate}` : t.label },
    el('h3', { class: 'tile-label' }, t.label),
    el('p', { class: 'tile-figure' }, el('span', { class: 'tile-value' }, '—'), t.unit ? el('span', { class: 'tile-unit' }, t.unit) : null),
    el('p', { class: 'tile-fraction' }));
}

function setTile(field, value, note) {
  const node = $(`tile-${field}`);
  node.querySelector('.tile-value').textContent = value;
  node.querySelector('.tile-fraction').textContent = note;
  return node;
}

function fillSummary(s) {
  [...TILES.main, ...TILES.minor].filter((t) => !t.backlog).forEach((t) => {
    if (t.rate) setTile(t.field, percent(s[t.field]), fraction(s[t.field]));
    else setTile(t.field, t.value ? t.value(s) : number(s[t.field]), t.note?.(s) ?? '');
  });
}

function fillBacklog(b) {
  setTile('overdue', number(b.overdue), `在办 ${b.total} 件`).classList.toggle('tile-alert', b.overdue > 0);
  $('backlog-at').textContent = b.at ? `截至 ${clock(b.at)}` : '';
  const late = (b.byUnit ?? []).filter((u) => u.overdue > 0).sort((x, y) => y.overdue - x.overdue).slice(0, 5);
  $('backlog-units').replaceChildren(...(late.length
    ? late.map((u) => el('li', { 'data-unit': u.unitId }, el('span', { class: 'unit-name' }, u.name ?? u.unitId),
      el('span', {}, el('strong', {}, `超期 ${u.overdue}`), el('span', { class: 'muted' }, ` / 在办 ${u.open}`))))
    : [el('li', { class: 'muted empty' }, '暂无超期工单')]));
}

// ---- the unit ranking table ----

function fillUnits(units) {
  const head = el('tr', {}, ...['排名', '单位', '得分', '受理', '结案率', '按时办结率', '满意率'].map((h) => el('th', { scope: 'col' }, h)));
  const rows = units.items.map((u) => el('tr', { 'data-code': u.code },
    el('td', {}, el('span', { class: u.rank <= 3 && u.score !== null ? 'rank rank-top' : 'rank' }, String(u.rank))),
    el('td', { class: 'unit-name' }, u.name),
    el('td', { class: 'num score' }, decimal(u.score)),
    el('td', { class: 'num' }, number(u.received)),
    ...['closureRate', 'onTimeResolutionRate', 'satisfactionRate'].map((k) => el('td', { class: 'num' }, percent(u[k])))));
  if (!rows.length) rows.push(el('tr', { class: 'empty' }, el('td', { colspan: '7' }, '暂无数据')));
  $('unit-ranking').replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
}

const WEIGHT_NAMES = {
  onTimeResolutionRate: '按时办结', satisfactionRate: '满意', claimOnTimeRate: '按时签收', resolutionRate: '办结', closureRate: '结案',
};

function showWeights(weights = {}) {
  const parts = Object.entries(weights).sort(([, a], [, b]) => b - a)
    .map(([key, w]) => `${WEIGHT_NAMES[key] ?? key} ${Math.round(w * 100)}%`);
  $('ranking-weights').textContent = parts.length ? `权重：${parts.join(' · ')}` : '';
}

// ---- governance panels (每月一题 hot spots, 三率 红黑榜) ----

let panels = null;
/** js/governance-panels.js, loaded on first use; should it be missing, the rest of the page works on. */
const governancePanels = () => (panels ??= import('./governance-panels.js').catch(() => null));

async function drawPanel(id, render) {
  const module = await governancePanels();
  if (module) render(module, $(id));
  else $(id).replaceChildren(el('p', { class: 'muted' }, '该面板暂不可用'));
}

// ---- loading ----

const DRAW = {
  summary: fillSummary,
  ranking: (r) => {
    renderRanking(r, state.district);
    showWeights(r.weights);
    updateMap({ ranking: r });
  },
  units: fillUnits,
  trend: renderTrend,
  categories: renderCategories,
  backlog: (b) => { fillBacklog(b); renderBacklog(b); },
  heat: (h) => {
    $('map-heat-note').hidden = true;
    updateMap({ heat: h });
  },
  hotspots: (h) => drawPanel('hotspots', (m, node) => m.renderHotspots(node, h)),
  honour: (r) => drawPanel('honour-roll', (m, node) => m.renderHonourRoll(node, r)),
};
const CHARTS = { ranking: 'chart-ranking', trend: 'chart-trend', categories: 'chart-categories', backlog: 'chart-backlog' };

/**
 * The parts a load is complete without (the governance view): a refusal shows in its own card, not above the
 * page, and body[data-loaded] still counts the load. What they showed before is gone (a resize must not draw it
 * again over the refusal): the heat layer is cleared, the panels replaced by the message.
 */
const OWN_PROBLEMS = {
  heat: (text) => {
    updateMap({ heat: null });
    $('map-heat-note').textContent = `热力图暂不可用：${text}`;
    $('map-heat-note').hidden = false;
  },
  hotspots: (text) => $('hotspots').replaceChildren(el('p', { class: 'muted' }, `热点问题暂不可用：${text}`)),
  honour: (text) => $('honour-roll').replaceChildren(el('p', { class: 'muted' }, `红黑榜暂不可用：${text}`)),
};

function draw(answers) {
  Object.entries(answers).forEach(([part, body]) => {
    DRAW[part](body);
    if (CHARTS[part]) $(CHARTS[part]).dataset.rendered = 'true';
  });
}

async function fetchPart(path) {
  try {
    const response = await api(path);
    return response.ok ? { body: await response.json() } : { problem: await problemText(response) };
  } catch {
    return { problem: '网络连接中断，数据暂未更新，将自动重试' };
  }
}

async function load() {
  if (state.period) [state.from, state.to] = PERIODS[state.period](today());
  showFilters();
  document.querySelectorAll('#dashboard-filters [aria-invalid]').forEach((n) => n.removeAttribute('aria-invalid'));
  if (!state.from || !state.to) {
    say('请选择开始日期和结束日期');
    return;
  }
  writeAddress();
  const mine = ++asked;
  const { from, to, district, interval } = state;
  const paths = {
    summary: `/api/dashboard/summary?${query({ from, to, district })}`,
    ranking: `/api/dashboard/ranking?${query({ from, to, by: 'district' })}`,
    units: `/api/dashboard/ranking?${query({ from, to, by: 'unit' })}`,
    trend: `/api/dashboard/trend?${query({ from, to, interval, district })}`,
    categories: `/api/dashboard/categories?${query({ from, to, district })}`,
    backlog: `/api/dashboard/backlog?${query({ district })}`,
    heat: `/api/dashboard/heat?${query({ from, to, district })}`,
    hotspots: `/api/dashboard/hotspots?${query({ from, to })}`,
    honour: `/api/dashboard/ranking?${query({ from, to, by: 'unit', scheme: 'three-rates', district })}`,
  };
  const parts = Object.keys(paths);
  const answers = await Promise.all(parts.map((part) => fetchPart(paths[part])));
  if (mine !== asked) return;
  const fresh = {};
  const problems = new Set();
  answers.forEach((a, i) => {
    if (a.problem && OWN_PROBLEMS[parts[i]]) {
      delete last[parts[i]];
      OWN_PROBLEMS[parts[i]](a.problem);
    } else if (a.problem) problems.add(a.problem);
    else fresh[parts[i]] = a.body;
  });
  last = { ...last, ...fresh };
  draw(fresh);
  if (problems.size) {
    say([...problems].join('；'));
    return;
  }
  say('');
  $('dashboard-updated').textContent = `数据更新于 ${clock(Date.now())}`;
  document.body.dataset.loaded = String(++loads);
}

// ---- exports ----

/** What an export button asks for: the district ranking, the units' 三率 (in the chosen district) or the cases. */
function exportOf(button) {
  const { export: kind, format, by, scheme } = button.dataset;
  const { from, to, district } = state;
  if (scheme) return { kind, params: { from, to, by, scheme, district, format }, title: '三率排名' };
  if (kind === 'ranking') return { kind, params: { from, to, by: 'district', format }, title: '排名' };
  return { kind, params: { from, to, district, format }, title: '工单明细' };
}

async function download(button) {
  const { kind, params, title } = exportOf(button);
  const name = `${title}_${params.from}_${params.to}.${params.format}`;
  button.disabled = true;
  say(`正在导出 ${name}…`, 'info');
  try {
    const response = await api(`/api/dashboard/export/${kind}?${query(params)}`, { headers: { Accept: '*/*' } });
    if (!response.ok) {
      say(`导出失败：${await problemText(response)}`);
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: name, hidden: '' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    say(`已导出 ${name}`, 'info');
  } catch {
    say('网络连接中断，导出未完成，请重试');
  } finally {
    button.disabled = false;
  }
}

// ---- wiring ----

function pick(district) {
  state.district = district;
  load();
}

function onDates() {
  state.period = null;
  state.from = $('filter-from').value;
  state.to = $('filter-to').value;
  load();
}

async function start() {
  if (!currentUser()?.roles.includes('LEADER')) return; // shell.js sends the browser away
  startAlertsBanner($('alerts-banner'), { onChange: (alerts) => updateMap({ surges: alerts }) });
  readAddress();
  $('tiles-main').append(...TILES.main.map((t) => tile(t, 'main')));
  $('tiles-minor').append(...TILES.minor.map((t) => tile(t, 'minor')));
  const districts = remember('district', await codes('/api/reference/districts'));
  $('filter-district').append(...districts.map((d) => el('option', { value: d.code }, d.name)));
  if (!districts.some((d) => d.code === state.district)) state.district = '';

  document.querySelectorAll('[data-period]').forEach((b) => b.addEventListener('click', () => {
    state.period = b.dataset.period;
    load();
  }));
  $('filter-from').addEventListener('change', onDates);
  $('filter-to').addEventListener('change', onDates);
  $('filter-district').addEventListener('change', () => {
    state.district = $('filter-district').value;
    load();
  });
  // The map picks a district (or a zone); the same one again, or 全市, is the whole city again.
  updateMap({ onPick: (code) => pick(state.district === code ? '' : code) });
  $('map-all').addEventListener('click', () => pick(''));
  document.querySelectorAll('[data-figure]').forEach((b) => b.addEventListener('click', () => {
    state.figure = b.dataset.figure;
    showFilters();
    writeAddress();
  }));
  document.querySelectorAll('[data-interval]').forEach((b) => b.addEventListener('click', () => {
    state.interval = b.dataset.interval;
    load();
  }));
  document.querySelectorAll('[data-export]').forEach((b) => b.addEventListener('click', () => download(b)));
  $('dashboard-filters').addEventListener('submit', (event) => event.preventDefault());

  let resizing = null;
  window.addEventListener('resize', () => { // the charts follow their containers; their text sizes follow the screen
    clearTimeout(resizing);
    resizing = setTimeout(() => draw(last), 150);
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') load();
  });
  setInterval(load, REFRESH_MS);
  await load();
}

start();
