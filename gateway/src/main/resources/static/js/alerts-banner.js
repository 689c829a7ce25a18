// 突发预警 banner of the leader dashboard and the dispatch desk: the open surge alerts, live. It reads the
// current alerts (GET /api/dashboard/alerts), then follows the stream (GET /api/dashboard/alerts/stream,
// server-sent events read with fetch, as a browser's EventSource cannot send the bearer token), and
// connects again with a growing pause when the stream breaks. No sound: an open alert stands out by colour
// and by its place at the top of the page; its headline is a role=alert for screen readers. Each alert
// names what, where, how many against the baseline, its window and the calls behind it; 知道了
// acknowledges it. An alert keeps its element while it lives, so what the user is typing next to it stays.
import { api } from './session.js';
import { el } from './dom.js';

const LIST = '/api/dashboard/alerts';
const STREAM = '/api/dashboard/alerts/stream';
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

const clock = (iso) => (iso ? new Date(iso).toLocaleTimeString('zh-CN', {
  hour12: false, timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit',
}) : '');
const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });
const oneDecimal = (n) => (n === null || n === undefined ? '—' : Number(n).toFixed(1));

/** The calls behind an alert, earliest first (ticket numbers grow with time). */
export const ticketsOf = (alert) => [...(alert.tickets ?? [])].sort();

/** "燃气安全 · 汉南区" (and the grid cell of a cell surge). */
export function alertSubject(alert) {
  const where = alert.districtName ?? alert.district ?? '';
  const cell = alert.kind === 'CELL' && alert.cell ? ` · 网格 ${alert.cell}` : '';
  return `${alert.categoryName ?? alert.category} · ${where}${cell}`;
}

function minutes(alert) {
  const ms = Date.parse(alert.windowEnd) - Date.parse(alert.windowStart);
  if (!(ms > 0)) return '';
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000} 小时` : `${Math.round(ms / 60_000)} 分钟`;
}

/**
 * Reads server-sent events from a response body: calls onEvent(name, data) for each complete event and
 * onChunk() for anything received (a heartbeat comment too). Resolves when the stream ends.
 */
async function readEvents(body, onEvent, onChunk) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let name = 'message';
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    onChunk();
    const lines = (buffer + value).split(/\r\n|\r|\n/);
    buffer = lines.pop();
    lines.forEach((line) => {
      if (line === '') {
        if (data.length) onEvent(name, data.join('\n'));
        name = 'message';
        data = [];
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') name = text;
        else if (field === 'data') data.push(text);
      }
    });
  }
}

/**
 * Starts the banner in `container`. options: onTicket(ticketId)? makes each call a button (the desk opens the
 * case); actions(currentAlert)? → nodes shown under an alert once, given a function returning the alert as it
 * is now; onChange(alerts)? with the live (open and acknowledged) alerts after every change.
 */
export function startAlertsBanner(container, { onTicket, actions, onChange } = {}) {
  const shown = new Map(); // id → {alert, node, parts}
  const list = el('div', { class: 'alerts-list' });
  const status = el('p', { class: 'alerts-status', role: 'status' });
  status.hidden = true;
  container.replaceChildren(list, status);
  container.hidden = true;

  function calls(alert) {
    const tickets = ticketsOf(alert);
    return tickets.map((t, index) => el('li', { 'data-ticket': t, class: index === 0 ? 'alert-first' : '' },
      onTicket ? el('button', { class: 'link-button', type: 'button', title: `打开工单 ${t}`, onclick: () => onTicket(t) }, t) : t));
  }

  function fill(entry) {
    const { alert, node, parts } = entry;
    const open = alert.state === 'OPEN';
    Object.assign(node.dataset, {
      alert: alert.id, state: alert.state, kind: alert.kind, category: alert.category, district: alert.district,
      count: String(alert.count),
    });
    node.classList.toggle('alert-open', open);
    parts.badge.textContent = open ? '突发预警' : '已知悉';
    parts.figures.textContent = `近 ${minutes(alert) || '1 小时'}内 ${alert.count} 件 · 往周同期基线 ${oneDecimal(alert.baseline)} 件`
      + (alert.threshold ? ` · 预警线 ${alert.threshold} 件` : '');
    parts.window.textContent = `窗口 ${clock(alert.windowStart)}–${clock(alert.windowEnd)} · 发现于 ${clock(alert.detectedAt)}`;
    parts.ack.hidden = !open;
    parts.acked.hidden = open;
    parts.acked.textContent = open ? '' : `${alert.acknowledgedBy ?? ''} ${clock(alert.acknowledgedAt)} 已知悉`;
    const tickets = ticketsOf(alert);
    parts.callsTitle.textContent = `涉及来电 ${tickets.length} 件`;
    if (parts.calls.dataset.tickets !== tickets.join()) {
      parts.calls.replaceChildren(...calls(alert));
      parts.calls.dataset.tickets = tickets.join();
    }
  }

  async function acknowledge(entry) {
    const button = entry.parts.ack;
    button.disabled = true;
    entry.parts.error.textContent = '';
    try {
      const response = await api(`${LIST}/${encodeURIComponent(entry.alert.id)}/acknowledge`, { method: 'POST' });
      if (response.ok) upsert(await response.json());
      else if (response.status === 404 || response.status === 409) remove(entry.alert.id); // gone, or ended meanwhile
      else entry.parts.error.textContent = `操作失败（${response.status}），请重试`;
    } catch {
      entry.parts.error.textContent = '网络中断，未能确认，请重试';
    } finally {
      button.disabled = false;
    }
  }

  function create(alert) {
    const parts = {
      badge: el('span', { class: 'alert-badge' }),
      // The headline never changes, so a screen reader announces an alert once, not at every further call.
      title: el('p', { class: 'alert-title', role: alert.state === 'OPEN' ? 'alert' : 'status' }, alertSubject(alert)),
      figures: el('span', { class: 'alert-figures' }),
      window: el('span', { class: 'alert-window' }),
      ack: el('button', { class: 'button alert-ack', type: 'button' }, '知道了'),
      acked: el('span', { class: 'alert-acked' }),
      error: el('span', { class: 'form-error alert-error', role: 'alert' }),
      callsTitle: el('span', { class: 'alert-calls-title' }),
      calls: el('ol', { class: 'alert-calls' }),
    };
    const node = el('article', { class: 'alert-card' },
      el('div', { class: 'alert-head' }, parts.badge, parts.title,
        el('div', { class: 'alert-facts' }, parts.figures, parts.window), parts.ack, parts.acked),
      parts.error,
      el('div', { class: 'alert-body' }, parts.callsTitle, parts.calls));
    const entry = { alert, node, parts };
    parts.ack.addEventListener('click', () => acknowledge(entry));
    if (actions) node.append(el('div', { class: 'alert-actions' }, ...actions(() => entry.alert)));
    return entry;
  }

  /** Open alerts first, then the acknowledged; newest first within each. Moves nodes only when the order changed. */
  function arrange() {
    const order = [...shown.values()].sort((a, b) => (a.alert.state === 'OPEN') !== (b.alert.state === 'OPEN')
      ? (a.alert.state === 'OPEN' ? -1 : 1) : String(b.alert.detectedAt).localeCompare(String(a.alert.detectedAt)));
    if (order.some((entry, i) => list.children[i] !== entry.node)) list.replaceChildren(...order.map((e) => e.node));
    container.hidden = shown.size === 0 && status.hidden;
    container.dataset.open = String(order.filter((e) => e.alert.state === 'OPEN').length);
    onChange?.(order.map((e) => e.alert));
  }

  function remove(id) {
    if (!shown.delete(id)) return;
    arrange();
  }

  function upsert(alert) {
    if (alert.state === 'ENDED') {
      remove(alert.id);
      return;
    }
    let entry = shown.get(alert.id);
    if (!entry) {
      entry = create(alert);
      shown.set(alert.id, entry);
    }
    entry.alert = alert;
    fill(entry);
    arrange();
  }

  /** The alerts as they are now replace those shown (one may have ended while the stream was down). */
  async function snapshot() {
    const response = await api(LIST);
    if (!response.ok) return response.status;
    const { items } = await response.json();
    const ids = new Set(items.map((a) => a.id));
    [...shown.keys()].filter((id) => !ids.has(id)).forEach((id) => shown.delete(id));
    items.forEach(upsert);
    arrange();
    return 200;
  }

  function connected(live) {
    container.dataset.stream = live ? 'live' : 'retrying';
    status.hidden = live;
    status.textContent = live ? '' : '预警推送连接中断，正在重新连接…';
    arrange();
  }

  async function follow() {
    let wait = FIRST_RETRY_MS;
    for (;;) {
      let heard = false; // anything at all on this stream (a heartbeat too): it was healthy
      let ended = false;
      try {
        const listed = await snapshot();
        if (listed === 403) { // this role sees no alerts: nothing to follow
          container.dataset.stream = 'forbidden';
          return;
        }
        const response = await api(STREAM, { headers: { Accept: 'text/event-stream' } });
        if (response.ok) {
          connected(true);
          await readEvents(response.body, (name, data) => {
            if (name === 'alert') upsert(JSON.parse(data));
          }, () => { heard = true; });
          ended = true;
        }
      } catch {
        // the stream broke or the service is away: connect again below
      }
      if (heard) wait = FIRST_RETRY_MS; // it was working: the pauses start afresh
      if (ended && heard) continue; // the server closed a healthy stream (a time limit, a restart): again at once
      connected(false);
      await sleep(wait * (0.75 + Math.random() / 2)); // spread the reconnects of many screens
      wait = Math.min(wait * 2, MAX_RETRY_MS);
    }
  }

  follow();
  return { alerts: () => [...shown.values()].map((e) => e.alert) };
}
