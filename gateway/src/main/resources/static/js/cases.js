// Case work shared by the bureau workbench (bureau.js) and the dispatch desk (dispatcher.js):
// labels and reference names, deadlines with a live countdown, badges, the queue table and its
// pager, the case detail with its audit timeline, and action forms that show the server's
// field errors at the fields. Everything from the server goes in as text (dom.js), never as HTML.
import { api } from './session.js';
import { el } from './dom.js';
import { CALL_TYPE, URGENCY, codes, loadReference, nameOf, remember } from './reference.js';

export const LABELS = {
  state: {
    DISPATCHED: '待签收', CLAIMED: '办理中', AWAITING_MANUAL_DISPATCH: '待人工派单', RETURNED: '已退单',
    RESOLVED: '已办结', CLOSED: '已结案', MERGED: '已合并',
  },
  urgency: URGENCY,
  type: CALL_TYPE,
  extension: { PENDING: '待审批', APPROVED: '已同意', REJECTED: '未同意', WITHDRAWN: '已撤回' },
  action: {
    DISPATCH: '派单', ROUTE: '转人工派单', CLAIM: '签收', RESOLVE: '办结', RETURN: '退单', CLOSE: '结案',
    MERGE: '合并重复件', REOPEN: '重办', REQUEST_EXTENSION: '申请延期', DECIDE_EXTENSION: '延期审批',
    PRESS: '督办', MARK_OVERDUE: '超期',
  },
};

/** The hotline works in Beijing time (no daylight saving): datetime inputs are read and shown in it. */
const OFFSET = '+08:00';
const OFFSET_MS = 8 * 3600 * 1000;
export const PAGE_SIZE = 20;
export const REFRESH_MS = 30_000;

/** Districts, categories and return reasons, as [{code, name}] for selects; their names for codes from then on. */
export async function loadNames() {
  const [{ districts, categories }, reasons] = await Promise.all([loadReference(), codes('/api/cases/return-reasons')]);
  return { districts, categories, reasons: remember('reason', reasons) };
}

export { nameOf };
export const label = (kind, code) => LABELS[kind][code] ?? code ?? '';

export function time(iso) {
  return iso ? new Date(iso).toLocaleString('zh-CN', {
    hour12: false, timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit',
  }) : '';
}

/** "YYYY-MM-DDTHH:mm" in Beijing time, for a datetime-local input. */
export function localInput(iso) {
  return new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 16);
}

/** A datetime-local value read as Beijing time, as ISO-8601 with its offset; null when empty. */
export function isoFromLocal(value) {
  if (!value) return null;
  return `${value.length === 16 ? `${value}:00` : value}${OFFSET}`;
}

// ---- deadlines and countdowns ----

/** A length of time as "2天3小时", "1小时20分" or "35分". */
export function span(ms) {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days) return hours ? `${days}天${hours}小时` : `${days}天`;
  if (hours) return minutes % 60 ? `${hours}小时${minutes % 60}分` : `${hours}小时`;
  return `${minutes}分`;
}

/** "剩余 1小时20分" or "已超期 35分" (at least a minute once past). */
export function countdown(iso, now = Date.now()) {
  const ms = Date.parse(iso) - now;
  return ms >= 0 ? `剩余 ${span(ms)}` : `已超期 ${span(Math.max(-ms, 60_000))}`;
}

/** A deadline with its countdown; the countdown follows the clock (tickCountdowns). */
export function deadline(iso) {
  if (!iso) return el('span', { class: 'muted' }, '—');
  const clock = el('span', { class: 'countdown' });
  const node = el('span', { class: 'deadline', 'data-deadline': iso }, el('span', { class: 'deadline-time' }, time(iso)), clock);
  tick(node);
  return node;
}

/** How long a case has waited at the desk, following the clock too. */
export function waiting(iso) {
  if (!iso) return el('span', { class: 'muted' }, '—');
  const node = el('span', { class: 'waiting', 'data-since': iso, title: time(iso) });
  tick(node);
  return node;
}

function tick(node) {
  const now = Date.now();
  if (node.dataset.since) {
    node.textContent = `已等待 ${span(Math.max(now - Date.parse(node.dataset.since), 0))}`;
    return;
  }
  const late = Date.parse(node.dataset.deadline) < now;
  node.querySelector('.countdown').textContent = countdown(node.dataset.deadline, now);
  node.classList.toggle('late', late);
}

export function tickCountdowns(root = document) {
  root.querySelectorAll('[data-deadline], [data-since]').forEach(tick);
}

// ---- badges ----

function badge(kind, text, title) {
  return el('span', title ? { class: `badge badge-${kind}`, title } : { class: `badge badge-${kind}` }, text);
}

/** 超期 / 督办 / 延期待批 / 重办 / 退单 markers for a queue item or a case view. */
export function badges(item) {
  const pressCount = item.pressCount ?? item.presses?.length ?? 0;
  const lastPress = item.lastPress ?? item.presses?.at(-1);
  const returnCount = item.returnCount ?? item.returns?.length ?? 0;
  const lastReturn = item.lastReturn ?? item.returns?.at(-1);
  const out = [];
  if (item.overdue) out.push(badge('overdue', '超期'));
  if (pressCount) {
    out.push(badge('press', pressCount > 1 ? `督办×${pressCount}` : '督办',
      `督办 ${time(lastPress?.at)} ${lastPress?.actor ?? ''}：${lastPress?.note ?? ''}`));
  }
  if (item.extension?.status === 'PENDING') {
    out.push(badge('extension', '延期待批', `申请延至 ${time(item.extension.requestedDeadline)}：${item.extension.reason}`));
  }
  if (item.reopenCount) out.push(badge('reopen', item.reopenCount > 1 ? `重办×${item.reopenCount}` : '重办'));
  if (returnCount) {
    out.push(badge('return', `退单${returnCount}次`,
      `${lastReturn?.unitName ?? ''} ${nameOf('reason', lastReturn?.reason)}：${lastReturn?.note ?? ''}`));
  }
  return out;
}

export function stateTag(state) {
  return el('span', { class: `state state-${state}`, 'data-state': state }, label('state', state));
}

export function urgencyTag(urgency) {
  return el('span', { class: `urgency urgency-${urgency}` }, label('urgency', urgency));
}

/** "分类 · 区" over the address: what and where, in one cell. */
export function subject(item) {
  return el('div', { class: 'subject' },
    el('div', {}, `${nameOf('category', item.category)} · ${nameOf('district', item.district)}`),
    el('div', { class: 'muted address' }, item.address ?? ''));
}

// ---- the queue table ----

/**
 * Fills a table with one row per item: the ticket is a button (Tab reaches it, arrow keys move
 * between rows), a click anywhere on the row opens the case, overdue rows are marked.
 */
export function renderQueue(table, items, columns, { selected, onSelect }) {
  const head = el('tr', {}, el('th', { scope: 'col' }, '工单号'), ...columns.map((c) => el('th', { scope: 'col' }, c.head)));
  const rows = items.map((item) => {
    const open = el('button', { class: 'link-button ticket-button', type: 'button' }, item.ticketId);
    const row = el('tr', { 'data-ticket': item.ticketId, 'data-state': item.state },
      el('td', {}, open), ...columns.map((c) => el('td', c.class ? { class: c.class } : {}, ...[c.cell(item)].flat())));
    row.classList.toggle('overdue', Boolean(item.overdue));
    row.setAttribute('aria-selected', String(item.ticketId === selected));
    row.addEventListener('click', () => onSelect(item.ticketId));
    open.addEventListener('keydown', (event) => {
      const next = event.key === 'ArrowDown' ? row.nextElementSibling : event.key === 'ArrowUp' ? row.previousElementSibling : null;
      if (!next?.dataset.ticket) return;
      event.preventDefault();
      next.querySelector('.ticket-button').focus();
      onSelect(next.dataset.ticket);
    });
    return row;
  });
  if (!rows.length) rows.push(el('tr', { class: 'empty' }, el('td', { colspan: String(columns.length + 1) }, '暂无工单')));
  table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
}

/** "第 1/3 页 · 共 45 条" with previous and next buttons. */
export function renderPager(container, { page, size, total }, go) {
  const pages = Math.max(Math.ceil(total / size), 1);
  const prev = el('button', { class: 'button button-secondary', type: 'button', 'data-pager': 'prev', onclick: () => go(page - 1) }, '上一页');
  const next = el('button', { class: 'button button-secondary', type: 'button', 'data-pager': 'next', onclick: () => go(page + 1) }, '下一页');
  prev.disabled = page <= 0;
  next.disabled = page + 1 >= pages;
  container.replaceChildren(prev, el('span', { class: 'pager-info' }, `第 ${Math.min(page + 1, pages)}/${pages} 页 · 共 ${total} 条`), next);
}

/** A queue page as a request: the filters that are set, and the page. */
export async function fetchQueue(filters, page, size = PAGE_SIZE) {
  const params = new URLSearchParams();
  Object.entries(filters).forEach(([key, value]) => {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  });
  params.set('page', String(page));
  params.set('size', String(size));
  const response = await api(`/api/cases?${params}`);
  if (!response.ok) throw new Error(`queue ${response.status}`);
  return response.json();
}

// ---- what an action's answer says before the queue (a read model, ~1 s behind) catches up ----

/** The queue line for a case as an action returned it. */
function lineOf(view) {
  return {
    rev: view.rev, state: view.state, unitId: view.unitId, unitName: view.unitName, claimDeadline: view.claimDeadline,
    resolveDeadline: view.resolveDeadline, deadline: view.deadline, overdue: view.overdue,
    extension: view.extension?.status === 'PENDING' ? view.extension : null,
    pressCount: view.presses.length, lastPress: view.presses.at(-1) ?? null,
    returnCount: view.returns.length, lastReturn: view.returns.at(-1) ?? null, reopenCount: view.reopenCount,
  };
}

/**
 * The cases acted on in the last seconds: a queue read just after an action may still show the case
 * as it was, so for a while each such line is taken from the action's answer, and dropped where the
 * case no longer belongs to the list.
 */
export class RecentActions {
  constructor(ttlMs = 15_000) {
    this.ttlMs = ttlMs;
    this.views = new Map();
  }

  remember(view) {
    this.views.set(view.ticketId, { view, at: Date.now() });
  }

  /** {items, dropped}: the lines as the answers say, without those that left the list. */
  apply(items, belongs) {
    const now = Date.now();
    this.views.forEach((entry, ticketId) => {
      if (now - entry.at > this.ttlMs) this.views.delete(ticketId);
    });
    const patched = items.map((item) => {
      const entry = this.views.get(item.ticketId);
      if (entry && item.rev > entry.view.rev) this.views.delete(item.ticketId); // the queue caught up and moved on
      return entry && entry.view.rev >= item.rev ? { ...item, ...lineOf(entry.view) } : item;
    });
    const kept = patched.filter(belongs);
    return { items: kept, dropped: patched.length - kept.length };
  }
}

// ---- the case detail ----

function row(term, ...value) {
  return [el('dt', {}, term), el('dd', {}, ...value)];
}

function caller(view) {
  if (view.callerName === null && view.callerPhone === null) return '（保密）';
  return [view.callerName, view.callerPhone].filter(Boolean).join(' ');
}

function attachmentLink(a) {
  // The server accepts only http(s) addresses and store paths; anything else stays plain text.
  return /^(https?:\/\/|\/)/.test(a.url)
    ? el('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer' }, a.name)
    : el('span', {}, `${a.name} (${a.url})`);
}

/** The latest extension request of this round of work (a re-dispatch leaves earlier ones to the timeline). */
function extensionBlock(x) {
  return el('div', { class: `extension-box extension-${x.status}`, id: 'case-extension' },
    el('strong', {}, `延期申请 · ${label('extension', x.status)}`),
    el('div', {}, `申请延至 ${time(x.requestedDeadline)}`),
    el('div', {}, `理由：${x.reason}`),
    el('div', { class: 'muted' }, `${x.requestedBy ?? ''} ${time(x.requestedAt)} 申请`),
    x.decidedAt ? el('div', { class: 'muted' }, `${x.decidedBy ?? ''} ${time(x.decidedAt)} ${label('extension', x.status)}${x.note ? `：${x.note}` : ''}`) : null);
}

/** The audit trail, oldest first: when, what, the state after it, who, and why. */
export function timeline(audit) {
  return el('ol', { class: 'timeline case-timeline', id: 'case-timeline' }, ...audit.map((a) => el('li', { 'data-action': a.action },
    el('span', { class: 'muted' }, time(a.at)), ' ',
    el('strong', {}, label('action', a.action)), ' → ', label('state', a.state),
    a.actor ? el('span', { class: 'muted' }, ` · ${a.actor === 'system' ? '系统' : a.actor}`) : null,
    a.note ? el('div', { class: 'timeline-note' }, a.note) : null)));
}

/** Everything about a case a reader may see, as the API gives it (the phone arrives masked, or not at all). */
export function caseDetail(view) {
  const withUnit = view.state === 'DISPATCHED' || view.state === 'CLAIMED';
  const rows = [
    ...row('状态', stateTag(view.state), ...badges(view)),
    ...row('承办单位', view.unitName ?? '（在派单台）'),
    ...row('问题', `${nameOf('category', view.category)} · ${label('type', view.type)} · `, urgencyTag(view.urgency)),
    ...row('地点', [nameOf('district', view.district), view.street, view.address].filter(Boolean).join(' ')),
    ...row('诉求内容', el('span', { class: 'description' }, view.description ?? '')),
    ...row('来电人', caller(view)),
    ...row('受理时间', time(view.openedAt)),
  ];
  if (view.claimDeadline) rows.push(...row('签收时限', view.state === 'DISPATCHED' ? deadline(view.claimDeadline) : time(view.claimDeadline)));
  if (view.resolveDeadline) {
    rows.push(...row('办结时限', view.state === 'CLAIMED'
      ? el('span', { id: 'case-resolve-deadline' }, deadline(view.resolveDeadline))
      : el('span', { id: 'case-resolve-deadline' }, time(view.resolveDeadline))));
  }
  if (view.claimedAt) rows.push(...row('签收', `${view.claimedBy ?? ''} ${time(view.claimedAt)}`));
  if (view.resolvedAt) rows.push(...row('办结', time(view.resolvedAt)));
  if (view.reply) rows.push(...row('答复', el('span', { id: 'case-reply' }, view.reply)));
  if (view.attachments.length) rows.push(...row('附件', el('span', { class: 'attachments' }, ...view.attachments.map(attachmentLink))));
  return [
    el('h2', { id: 'case-title' }, `工单 ${view.ticketId}`),
    el('dl', { class: 'case-facts' }, ...rows),
    view.extension ? extensionBlock(view.extension) : null,
    view.presses.length ? el('div', { class: 'press-box', id: 'case-presses' }, el('strong', {}, '督办'),
      ...view.presses.map((p) => el('div', {}, `${time(p.at)} ${p.actor}：${p.note}`))) : null,
    view.returns.length ? el('div', { class: 'return-box', id: 'case-returns' }, el('strong', {}, '退单记录'),
      ...view.returns.map((r) => el('div', {}, `${time(r.at)} ${r.unitName ?? r.unitId} · ${nameOf('reason', r.reason)}：${r.note}`))) : null,
    !withUnit && view.state !== 'AWAITING_MANUAL_DISPATCH' && view.state !== 'RETURNED'
      ? el('p', { class: 'muted' }, `此工单${label('state', view.state)}，无需处理。`) : null,
    el('h3', {}, '办理记录'),
    timeline(view.audit),
  ];
}

// ---- action forms ----

const MESSAGES = [
  [/^is required.*/, () => '必填'],
  [/^must be at most (\d+) characters$/, (n) => `最多 ${n} 个字`],
  [/^must be later than the current resolve deadline (\S+)$/, (t) => `须晚于当前办结时限 ${time(t)}`],
  [/^must be within (\d+) days from now$/, (n) => `须在 ${n} 天之内`],
  [/^must be an http\(s\) address.*/, () => '须为 http(s):// 地址或以 / 开头的存储路径'],
  [/^at most (\d+) attachments$/, (n) => `最多 ${n} 个附件`],
  [/^is not an active unit.*/, () => '不是在用的承办单位'],
];

/** The case API's refusals (409, 404), in the words of the desk. */
const REFUSALS = [
  [/^Case \S+ is (\w+); .* is allowed only when/, (state) => `工单当前为“${label('state', state)}”，不能进行此操作（可能已被他人处理），请重新打开工单查看。`],
  [/^Case \S+ was changed by someone else meanwhile/, () => '工单刚被他人更改，请重新打开工单后再试。'],
  [/^Case \S+ already has an extension request waiting/, () => '已有延期申请在等待审批。'],
  [/^Case \S+ has no extension request waiting/, () => '没有待审批的延期申请（可能已被处理）。'],
  [/^Case \S+ is not overdue/, () => '工单尚未超期，不能督办。'],
  [/^Case \S+ is already with (.+)$/, (unit) => `工单已在${unit}，无需重复派单。`],
  [/^Case \S+ does not exist/, () => '找不到该工单，或它已不在本单位。'],
];

function say(message, table = MESSAGES) {
  for (const [pattern, text] of table) {
    const match = pattern.exec(message ?? '');
    if (match) return text(...match.slice(1));
  }
  return message;
}

/** A labelled field; `control` carries the API field name in data-field so errors find it. */
export function field(labelText, control, extra = {}) {
  return el('div', { class: `field ${extra.class ?? ''}`.trim() },
    el('label', { for: control.id }, labelText), control);
}

export function formError(form) {
  return form.querySelector('.form-error');
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  formError(form).textContent = '';
}

/** Marks each field the server refused with its rule (attachments[1].url → that line's address). */
function showFieldErrors(form, errors) {
  let first = null;
  const unplaced = [];
  errors.forEach(({ field: name, message }) => {
    const control = form.querySelector(`[data-field="${CSS.escape(name)}"]`)
      ?? form.querySelector(`[data-field="${CSS.escape(name.split(/[.[]/)[0])}"]`);
    if (!control) {
      unplaced.push(`${name}: ${say(message)}`);
      return;
    }
    control.setAttribute('aria-invalid', 'true');
    control.closest('.field, .attachment-line').append(el('span', { class: 'field-error' }, say(message)));
    first ??= control;
  });
  formError(form).textContent = [`有 ${errors.length} 项需要更正`, ...unplaced].join('；');
  first?.focus();
}

/**
 * Posts a case action from a form with its buttons held down meanwhile. Resolves to {view} on
 * success; otherwise shows the problem at the fields or above the buttons and resolves to {status, problem}.
 */
export async function postAction(form, path, body) {
  clearErrors(form);
  const buttons = [...form.querySelectorAll('button')];
  buttons.forEach((b) => { b.disabled = true; });
  try {
    const response = await api(path, { method: 'POST', body });
    if (response.ok) return { view: await response.json() };
    const problem = await response.json().catch(() => ({}));
    if (response.status === 400 && problem.errors?.length) showFieldErrors(form, problem.errors);
    else formError(form).textContent = say(problem.detail, REFUSALS) || problem.title || '操作失败，请稍后再试';
    return { status: response.status, problem };
  } catch {
    formError(form).textContent = '网络中断，操作可能未完成，请刷新后查看';
    return { status: 0, problem: {} };
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

/** An action form inside a disclosure: the summary names it, Esc closes it. */
export function actionPanel(id, title, form, open = false) {
  const panel = el('details', { class: 'action-panel', id }, el('summary', {}, title), form);
  panel.open = open;
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      panel.open = false;
      panel.querySelector('summary').focus();
    }
  });
  return panel;
}

export function textarea(id, fieldName, rows = 2, maxlength = 500) {
  return el('textarea', { id, name: fieldName, 'data-field': fieldName, rows: String(rows), maxlength: String(maxlength) });
}

export function select(id, fieldName, options) {
  return el('select', { id, name: fieldName, 'data-field': fieldName },
    ...options.map(([value, text]) => el('option', { value }, text)));
}

export function errorLine() {
  return el('p', { class: 'form-error', role: 'alert' });
}
