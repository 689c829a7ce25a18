// 突发预警 banner of the leader dashboard and the dispatch desk: the open surge alerts, live. It reads the
// current alerts (GET /api/dashboard/alerts), then follows the stream (GET /api/dashboard/alerts/stream,
// server-sent events read with fetch, as a browser's EventSource cannot send the bearer token), and
// connects again when the stream breaks, falls silent (no heartbeat) or the network comes back. No sound: an
// open alert stands out by colour and by its place at the top of the page; a newly opened alert's headline is
// a role=alert for screen readers, announced once. Each alert names what, where, how many against the
// baseline, its window and the calls behind it; 知道了 acknowledges it. An alert keeps its element while it
// lives and only a card whose place changed is moved, so focus and what the user is typing next to it stay.
import { api } from './session.js';
import { el } from './dom.js';

const LIST = '/api/dashboard/alerts';
const STREAM = '/api/dashboard/alerts/stream';
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
/** The service's hotline.alerts.stream-heartbeat: a comment line at least this often on a working stream. */
const HEARTBEAT_MS = 15_000;
/** Three heartbeats missed: the connection is dead though nothing said so (a proxy, a sleeping laptop). */
const SILENT_STREAM_MS = 3 * HEARTBEAT_MS;
/** A stream that lasted this long counts as working even with nothing but its opening line. */
const HEALTHY_AFTER_MS = 30_000;
/** Before connecting again after a working stream ended: a short random pause, so screens do not reconnect at once. */
const REJOIN_MS = [500, 3_000];
const OPENED = 'open'; // the service's first comment line on a stream

const clock = (iso) => (iso ? new Date(iso).toLocaleTimeString('zh-CN', {
  hour12: false, timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit',
}) : '');
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
 * Reads server-sent events from a response body: onChunk() for anything received, onComment(text) for a
 * comment line (the opening line, a heartbeat) and onEvent(name, data) for each complete event; an event that
 * cannot be handled is skipped, not the stream. Resolves when the stream ends; the body is let go either way.
 */
async function readEvents(body, { onEvent, onComment, onChunk }) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let name = 'message';
  let data = [];
  const line = (text) => {
    if (text === '') {
      try {
        if (data.length) onEvent(name, data.join('\n'));
      } catch (error) {
        console.warn('突发预警: an event could not be shown', error);
      }
      name = 'message';
      data = [];
    } else if (text.startsWith(':')) {
      onComment(text.slice(1).trim());
    } else {
      const colon = text.indexOf(':');
      const field = colon < 0 ? text : text.slice(0, colon);
      const value = colon < 0 ? '' : text.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    }
  };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      onChunk();
      const lines = (buffer + value).split(/\r\n|\r|\n/);
      buffer = lines.pop();
      lines.forEach(line);
    }
  } finally {
    reader.cancel().catch(() => {}); // a stream given up on (silent, aborted) is closed, not left open
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

  function callItem(ticket) {
    return el('li', { 'data-ticket': ticket }, onTicket
      ? el('button', { class: 'link-button', type: 'button', title: `打开工单 ${ticket}`, onclick: () => onTicket(ticket) }, ticket)
      : ticket);
  }

  /** The calls in order; only a new call gets an item, so a button being used stays as it is. */
  function showCalls(box, tickets) {
    const have = new Map([...box.children].map((li) => [li.dataset.ticket, li]));
    tickets.forEach((ticket, i) => {
      const item = have.get(ticket) ?? callItem(ticket);
      if (box.children[i] !== item) box.insertBefore(item, box.children[i] ?? null);
    });
    while (box.children.length > tickets.length) box.lastElementChild.remove();
    [...box.children].forEach((li, i) => li.classList.toggle('alert-first', i === 0));
  }

  function fill(entry) {
    const { alert, node, parts } = entry;
    const open = alert.state === 'OPEN';
    Object.assign(node.dataset, {
      alert: alert.id, state: alert.state, kind: alert.kind, category: alert.category, district: alert.district,
      count: String(alert.count),
    });
    node.classList.toggle('alert-open', open);
    if (!open) parts.title.removeAttribute('role'); // announced when it opened; not again
    parts.badge.textContent = open ? '突发预警' : '已知悉';
    parts.figures.textContent = `近 ${minutes(alert) || '1 小时'}内 ${alert.count} 件 · 往周同期基线 ${oneDecimal(alert.baseline)} 件`
      + (alert.threshold ? ` · 预警线 ${alert.threshold} 件` : '');
    parts.window.textContent = `窗口 ${clock(alert.windowStart)}–${clock(alert.windowEnd)} · 发现于 ${clock(alert.detectedAt)}`;
    parts.ack.hidden = !open;
    parts.acked.hidden = open;
    parts.acked.textContent = open ? '' : `${alert.acknowledgedBy ?? ''} ${clock(alert.acknowledgedAt)} 已知悉`;
    const tickets = ticketsOf(alert);
    parts.callsTitle.textContent = `涉及来电 ${tickets.length} 件`;
    showCalls(parts.calls, tickets);
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
      // The headline never changes, so a screen reader announces an open alert once, not at every further call.
      title: el('p', alert.state === 'OPEN' ? { class: 'alert-title', role: 'alert' } : { class: 'alert-title' }, alertSubject(alert)),
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

  /** Open alerts first, then the acknowledged; newest first within each. */
  const ordered = () => [...shown.values()].sort((a, b) => ((a.alert.state === 'OPEN') !== (b.alert.state === 'OPEN')
    ? (a.alert.state === 'OPEN' ? -1 : 1) : String(b.alert.detectedAt).localeCompare(String(a.alert.detectedAt))));

  function showContainer() {
    container.hidden = shown.size === 0 && status.hidden;
  }

  /**
   * Puts one card where the order wants it, the others being in order already: only a card whose place changed
   * moves (moving a card takes the focus out of it and plays its arrival again).
   */
  function place(entry) {
    const order = ordered();
    const next = order[order.indexOf(entry) + 1]?.node ?? null;
    if (entry.node.parentNode !== list || entry.node.nextSibling !== next) list.insertBefore(entry.node, next);
  }

  /** Every card in order, from the last up: a card already before its successor stays (after a reconnect). */
  function arrange() {
    const order = ordered();
    for (let i = order.length - 1; i >= 0; i -= 1) {
      const next = order[i + 1]?.node ?? null;
      if (order[i].node.parentNode !== list || order[i].node.nextSibling !== next) list.insertBefore(order[i].node, next);
    }
  }

  function changed() {
    showContainer();
    const order = ordered();
    container.dataset.open = String(order.filter((e) => e.alert.state === 'OPEN').length);
    onChange?.(order.map((e) => e.alert));
  }

  function remove(id) {
    const entry = shown.get(id);
    if (!entry) return;
    shown.delete(id);
    entry.node.remove();
    changed();
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
    place(entry);
    changed();
  }

  /** The alerts as they are now replace those shown (one may have ended while the stream was down). */
  async function snapshot() {
    const response = await api(LIST);
    if (!response.ok) return response.status;
    const { items } = await response.json();
    const ids = new Set(items.map((a) => a.id));
    [...shown.keys()].filter((id) => !ids.has(id)).forEach(remove);
    items.forEach(upsert);
    arrange(); // each was put before its successor; those that changed while the stream was down may need more
    return 200;
  }

  function connected(live) {
    container.dataset.stream = live ? 'live' : 'retrying';
    status.hidden = live;
    const text = live ? '' : '预警推送连接中断，正在重新连接…';
    if (status.textContent !== text) status.textContent = text; // a live region: said once, not at every retry
    showContainer();
  }

  let connection = null; // the AbortController of the stream being read
  let wake = () => {}; // ends the pause before the next connection
  const pause = (ms) => new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => { clearTimeout(timer); resolve(); };
  });
  window.addEventListener('online', () => { // the network is back: a stream from before it went is likely dead
    connection?.abort();
    wake();
  });

  /** Reads one stream until it ends, breaks or stays silent too long; whether it was working. */
  async function listen() {
    const controller = new AbortController();
    connection = controller;
    let watchdog = null;
    const kick = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => controller.abort(), SILENT_STREAM_MS);
    };
    let openedAt = null;
    let heard = false; // an event, or a heartbeat after the opening line
    try {
      kick();
      const response = await api(STREAM, { headers: { Accept: 'text/event-stream' }, signal: controller.signal });
      if (!response.ok) return false;
      openedAt = Date.now();
      connected(true);
      await readEvents(response.body, {
        onChunk: kick,
        onComment: (text) => { if (text !== OPENED) heard = true; },
        onEvent: (name, data) => {
          heard = true;
          if (name === 'alert') upsert(JSON.parse(data));
        },
      });
    } catch {
      // broken, silent or aborted: connect again
    } finally {
      clearTimeout(watchdog);
      connection = null;
    }
    return heard || (openedAt !== null && Date.now() - openedAt >= HEALTHY_AFTER_MS);
  }

  async function follow() {
    let wait = FIRST_RETRY_MS;
    for (;;) {
      let working = false;
      try {
        const listed = await snapshot();
        if (listed === 403) { // this role sees no alerts: nothing to follow
          container.dataset.stream = 'forbidden';
          return;
        }
        working = await listen();
      } catch {
        // the service is away: connect again below
      }
      if (working) { // it was working: the server closed it (a time limit, a restart) or the network changed
        wait = FIRST_RETRY_MS;
        await pause(REJOIN_MS[0] + Math.random() * (REJOIN_MS[1] - REJOIN_MS[0]));
        continue;
      }
      connected(false);
      await pause(wait * (0.75 + Math.random() / 2)); // spread the reconnects of many screens
      wait = Math.min(wait * 2, MAX_RETRY_MS);
    }
  }

  follow();
  return { alerts: () => [...shown.values()].map((e) => e.alert) };
}
