// 派单员工作台: the desk's four lists — 待人工派单, 退单, 延期申请, 超期 — each with its count;
// 人工派单/改派 (with an explicit confirmation for a unit that has returned the case repeatedly),
// 延期审批 and 督办, next to the case's request and audit trail. Above them the live 突发预警 banner:
// each call of a surge opens as a case, and the desk can merge the calls into the first or press their units;
// what came of it, call by call, stays below the banner until closed.
import { api, currentUser } from './session.js';
import { el } from './dom.js';
import {
  actionPanel, badges, deadline, errorLine, fetchQueue, field, label, loadNames, nameOf, select, span, stateTag,
  subject, textarea, time, urgencyTag, waiting,
} from './cases.js';
import { startWorkspace } from './workspace.js';
import { alertSubject, startAlertsBanner, ticketsOf } from './alerts-banner.js';

const $ = (id) => document.getElementById(id);
/** The problem code of a refusal to send a case back to a unit that has returned it too often. */
const RETURNED_BY_UNIT = 'UNIT_RETURNED_CASE';

const withUnit = (i) => i.state === 'DISPATCHED' || i.state === 'CLAIMED';
const unitCell = (i) => i.unitName ?? i.unitId ?? '';

const SECTIONS = {
  manual: {
    filters: { state: 'AWAITING_MANUAL_DISPATCH' },
    belongs: (i) => i.state === 'AWAITING_MANUAL_DISPATCH',
    columns: [
      { head: '诉求', cell: subject, class: 'col-subject' },
      { head: '紧急', cell: (i) => urgencyTag(i.urgency) },
      { head: '等待', cell: (i) => waiting(i.enteredAt) },
    ],
  },
  returned: {
    filters: { state: 'RETURNED' },
    belongs: (i) => i.state === 'RETURNED',
    columns: [
      { head: '诉求', cell: subject, class: 'col-subject' },
      { head: '退单单位', cell: (i) => el('span', { class: 'return-unit' }, i.lastReturn?.unitName ?? '') },
      {
        head: '原因与说明', class: 'col-reason',
        cell: (i) => el('div', {}, el('div', { class: 'return-reason' }, nameOf('reason', i.lastReturn?.reason)),
          el('div', { class: 'muted return-note' }, i.lastReturn?.note ?? '')),
      },
      { head: '次数', cell: (i) => `${i.returnCount}` },
      { head: '等待', cell: (i) => waiting(i.enteredAt) },
    ],
  },
  extension: {
    filters: { extensionPending: 'true' },
    belongs: (i) => i.extension?.status === 'PENDING',
    columns: [
      { head: '承办单位', cell: unitCell },
      { head: '诉求', cell: subject, class: 'col-subject' },
      { head: '当前时限', cell: (i) => deadline(i.resolveDeadline), class: 'col-deadline' },
      {
        head: '申请延至', class: 'col-deadline',
        cell: (i) => el('div', {}, el('div', { class: 'requested-deadline' }, time(i.extension?.requestedDeadline)),
          el('div', { class: 'muted' }, `延长 ${span(Date.parse(i.extension?.requestedDeadline) - Date.parse(i.resolveDeadline))}`)),
      },
      { head: '理由', cell: (i) => el('span', { class: 'extension-reason' }, i.extension?.reason ?? ''), class: 'col-reason' },
    ],
  },
  overdue: {
    filters: { overdue: 'true' },
    belongs: (i) => i.overdue && withUnit(i),
    columns: [
      { head: '承办单位', cell: unitCell },
      { head: '状态', cell: (i) => stateTag(i.state) },
      { head: '诉求', cell: subject, class: 'col-subject' },
      { head: '时限', cell: (i) => deadline(i.deadline), class: 'col-deadline' },
      { head: '标记', cell: badges, class: 'col-badges' },
    ],
  },
};

let section = 'manual';
let units = null; // [{id, name}] from /api/units; null where it cannot be had: the unit is then typed as its id

async function loadUnits() {
  const response = await api('/api/units');
  if (!response.ok) return null;
  const list = await response.json();
  return list.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** The counts on the other tabs, from a one-line page each (the shown list's comes with its page). */
async function countOthers() {
  await Promise.all(Object.entries(SECTIONS).filter(([name]) => name !== section).map(async ([name, s]) => {
    try {
      $(`count-${name}`).textContent = String((await fetchQueue(s.filters, 0, 1)).total);
    } catch {
      $(`count-${name}`).textContent = '?';
    }
  }));
}

function actionForm(id, ...children) {
  return el('form', { id, class: 'action-form', novalidate: '' }, ...children, errorLine());
}

// ---- 人工派单 / 改派 ----

function unitControl(view) {
  if (!units) {
    return el('input', { id: 'dispatch-unit', 'data-field': 'unitId', placeholder: '单位编号，如 WUCHANG_CGJ', autocomplete: 'off' });
  }
  const returnsBy = {};
  view.returns.forEach((r) => { returnsBy[r.unitId] = (returnsBy[r.unitId] ?? 0) + 1; });
  return select('dispatch-unit', 'unitId', [['', '请选择承办单位'],
    ...units.filter((u) => u.id !== view.unitId)
      .map((u) => [u.id, returnsBy[u.id] ? `${u.name}（已退回 ${returnsBy[u.id]} 次）` : u.name])]);
}

function dispatchForm(ws, view) {
  const unit = unitControl(view);
  const note = textarea('dispatch-note', 'note');
  const confirm = el('input', { id: 'dispatch-confirm', type: 'checkbox' });
  const confirmText = el('span', { id: 'dispatch-confirm-text' });
  const confirmBox = el('div', { id: 'dispatch-confirm-box', class: 'confirm-box', role: 'alert' },
    confirmText, el('label', {}, confirm, ' 我已了解，仍派给该单位'));
  confirmBox.hidden = true;
  const unitName = () => units?.find((u) => u.id === unit.value)?.name ?? unit.value.trim();
  unit.addEventListener('change', () => {
    confirmBox.hidden = true;
    confirm.checked = false;
  });
  const form = actionForm('dispatch-form',
    view.state === 'DISPATCHED' ? el('p', { class: 'muted' }, `尚未签收，可改派给其他单位（当前：${view.unitName}）。`) : null,
    field('承办单位', unit),
    field('派单说明（可选）', note),
    confirmBox,
    el('button', { id: 'dispatch-button', class: 'button button-primary', type: 'submit' }, '派单'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = unitName();
    const result = await ws.act(form, 'dispatch',
      { unitId: unit.value.trim(), note: note.value.trim() || null, confirmReturnedUnit: !confirmBox.hidden && confirm.checked },
      () => `已派单至 ${name}。`);
    if (result.status === 409 && result.problem.code === RETURNED_BY_UNIT) {
      form.querySelector('.form-error').textContent = '';
      confirmText.replaceChildren(
        el('strong', {}, `${name} 已退回此工单 ${result.problem.returns} 次。`), ' 确需再派给该单位，请勾选确认后再次派单。',
        el('div', { class: 'muted' }, result.problem.detail));
      confirmBox.hidden = false;
      confirm.focus();
    }
  });
  return form;
}

// ---- 延期审批 ----

function decisionForm(ws, view) {
  const x = view.extension;
  const note = textarea('decision-note', 'note');
  const form = actionForm('decision-form',
    el('dl', { class: 'case-facts' },
      el('dt', {}, '当前时限'), el('dd', {}, time(view.resolveDeadline)),
      el('dt', {}, '申请延至'), el('dd', { id: 'decision-requested' }, time(x.requestedDeadline),
        el('span', { class: 'muted' }, `（延长 ${span(Date.parse(x.requestedDeadline) - Date.parse(view.resolveDeadline))}）`)),
      el('dt', {}, '理由'), el('dd', {}, x.reason)),
    field('审批意见（不同意时必填）', note),
    el('div', { class: 'actions' },
      el('button', { id: 'approve-button', class: 'button button-primary', type: 'submit', value: 'approve' }, '同意延期'),
      el('button', { id: 'reject-button', class: 'button button-danger', type: 'submit', value: 'reject' }, '不同意')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const decision = event.submitter?.value;
    if (decision !== 'approve' && decision !== 'reject') { // Ctrl+Enter: the choice must be made by a button
      form.querySelector('.form-error').textContent = '请点击“同意延期”或“不同意”。';
      return;
    }
    ws.act(form, `extension/${decision}`, { note: note.value.trim() || null }, (v) => (decision === 'approve'
      ? `已同意延期，办结时限改为 ${time(v.resolveDeadline)}。` : '已不同意延期，办结时限不变。'));
  });
  return form;
}

// ---- 督办 ----

function pressForm(ws) {
  const note = textarea('press-note', 'note');
  const form = actionForm('press-form',
    field('督办意见', note),
    el('button', { id: 'press-button', class: 'button button-primary', type: 'submit' }, '督办'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ws.act(form, 'press', { note: note.value.trim() }, () => '已督办，承办单位队列中会显示督办意见。');
  });
  return form;
}

function actions(view, ws) {
  const panels = [];
  const atDesk = view.state === 'AWAITING_MANUAL_DISPATCH' || view.state === 'RETURNED';
  if (view.extension?.status === 'PENDING' && view.state === 'CLAIMED') {
    panels.push(actionPanel('decision-panel', '延期审批', decisionForm(ws, view), true));
  }
  if (view.overdue && withUnit(view)) panels.push(actionPanel('press-panel', '督办', pressForm(ws), panels.length === 0));
  if (atDesk || view.state === 'DISPATCHED') {
    panels.push(actionPanel('dispatch-panel', atDesk ? '人工派单' : '改派', dispatchForm(ws, view), atDesk));
  }
  return panels;
}

// ---- 突发预警: a surge's calls merged into the first, or each call's unit pressed ----

/** Why a call could not be merged or pressed, in the desk's words (the services answer in English). */
const ALERT_REFUSALS = [
  [/no unit has claimed yet can be merged/, () => '承办单位已签收（或已合并），不能合并'],
  [/can only be merged into an open work order/, () => '首件已不在办理中，不能并入'],
  [/has calls merged into it/, () => '已有其他来电并入此件，不能再合并'],
  [/is not later than/, () => '不晚于首件，不能并入'],
  [/^Case \S+ is (\w+); .* is allowed only when/, (state) => `工单当前为“${label('state', state)}”，不能督办`],
  [/does not exist|^Ticket .* not found/i, () => '找不到该工单'],
];

async function refusal(response) {
  const problem = await response.json().catch(() => ({}));
  const text = problem.detail ?? problem.title ?? '';
  const known = ALERT_REFUSALS.find(([pattern]) => pattern.test(text));
  return `${response.status} · ${known ? known[1](...(text.match(known[0]) ?? []).slice(1)) : text || '操作失败'}`;
}

/** One request per call, one after another; what happened to each. */
async function eachCall(tickets, send) {
  const results = [];
  for (const ticket of tickets) {
    try {
      const response = await send(ticket);
      results.push({ ticket, ok: response.ok, text: response.ok ? '' : await refusal(response) });
    } catch {
      results.push({ ticket, ok: false, text: '网络中断，结果未知，请刷新后查看' });
    }
  }
  return results;
}

function showResults(box, what, done, results) {
  const failed = results.filter((r) => !r.ok);
  box.replaceChildren(
    el('p', { class: 'alert-result-summary', role: 'status' },
      `${what}：成功 ${results.length - failed.length} 件${failed.length ? `，未成功 ${failed.length} 件` : ''}`),
    el('ul', { class: 'alert-results' }, ...[...failed, ...results.filter((r) => r.ok)].map((r) => el('li', {
      'data-ticket': r.ticket, 'data-result': r.ok ? 'ok' : 'failed', class: r.ok ? 'muted' : '',
    }, `${r.ticket} ${r.ok ? done : r.text}`))));
}

const hhmm = (at) => new Date(at).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });

/**
 * Where the outcome of one of the desk's actions on an alert shows: below the banner, one box per alert, until the
 * desk closes it — an alert that ends takes its card away, and the call-by-call results must stay readable.
 */
function outcomeBox(alert, action) {
  const area = $('alert-outcomes');
  let box = [...area.children].find((n) => n.dataset.alert === alert.id);
  if (!box) {
    const close = el('button', { class: 'link-button', type: 'button', title: '关闭处理结果' }, '关闭');
    box = el('article', { class: 'alert-outcome', 'data-alert': alert.id },
      el('div', { class: 'alert-outcome-head' }, el('strong', {}, `${alertSubject(alert)} · 处理结果`), close));
    close.addEventListener('click', () => {
      box.remove();
      area.hidden = area.children.length === 0;
    });
    area.append(box);
    area.hidden = false;
  }
  let part = box.querySelector(`[data-action='${action}']`);
  if (!part) box.append(part = el('div', { class: 'alert-outcome-part', 'data-action': action }));
  return part;
}

/**
 * The desk's actions under an alert: 合并到首件 (the calls named in the confirmation, none merged before) and 督办
 * with a note (the calls not merged by this desk; asked again once pressed).
 */
function alertActions(ws, current) {
  const merged = new Set(); // calls this card merged: pressing them would press the first's unit again
  let pressedAt = null;
  let confirmed = null; // what 确认 does: the action asked about
  let asker = null; // the button that asked, focused again on 取消
  const merge = el('button', { class: 'button button-secondary', type: 'button', 'data-action': 'merge' }, '合并到首件');
  const confirmText = el('span', {});
  const confirmButton = el('button', { class: 'button button-danger', type: 'button', 'data-action': 'confirm' });
  const cancel = el('button', { class: 'button button-secondary', type: 'button' }, '取消');
  const confirmBox = el('div', { class: 'confirm-box alert-confirm' }, confirmText, el('div', { class: 'actions' }, confirmButton, cancel));
  confirmBox.hidden = true;
  const pressNote = (alert) => `突发预警：${alertSubject(alert)}，近 1 小时来电 ${alert.count} 件，请立即核查处置。`;
  const note = el('input', { class: 'alert-note', type: 'text', maxlength: '500', placeholder: pressNote(current()) });
  const press = el('button', { class: 'button button-primary', type: 'button', 'data-action': 'press' }, '督办');
  const pressed = el('span', { class: 'alert-pressed muted' });
  const buttons = [merge, confirmButton, cancel, press];

  function ask(button, text, yes, action) {
    asker = button;
    confirmText.textContent = text;
    confirmButton.textContent = yes;
    confirmed = action;
    confirmBox.hidden = false;
    confirmButton.focus();
  }

  async function run(action, what, done, tickets, send) {
    const box = outcomeBox(current(), action);
    buttons.forEach((b) => { b.disabled = true; });
    box.replaceChildren(el('p', { class: 'muted' }, `${what}处理中…`));
    try {
      const results = await eachCall(tickets, send);
      showResults(box, what, done, results);
      ws()?.refresh();
      return results;
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  async function mergeInto(first, later) {
    const results = await run('merge', '合并', `已并入 ${first}`, later,
      (t) => api(`/api/complaints/${encodeURIComponent(t)}/merge`, { method: 'POST', body: { originalTicketId: first } }));
    results.filter((r) => r.ok).forEach((r) => merged.add(r.ticket));
  }

  async function pressUnits(alert, tickets) {
    const text = note.value.trim() || pressNote(alert); // the placeholder's words unless the desk wrote its own
    await run('press', '督办', '已督办承办单位', tickets,
      (t) => api(`/api/cases/${encodeURIComponent(t)}/press`, { method: 'POST', body: { note: text, alertId: alert.id } }));
    pressedAt = Date.now();
    pressed.textContent = `已督办 ${hhmm(pressedAt)}`;
  }

  merge.addEventListener('click', () => {
    const [first, ...rest] = ticketsOf(current());
    const later = rest.filter((t) => !merged.has(t)); // the list as confirmed, whatever calls come meanwhile
    if (!later.length) {
      outcomeBox(current(), 'merge').replaceChildren(el('p', { class: 'muted' }, rest.length ? '来电均已合并。' : '只有一件来电，无需合并。'));
      return;
    }
    ask(merge, `将其余 ${later.length} 件来电作为重复件并入首件 ${first}？已被承办单位签收的不能合并。`, '确认合并',
      () => mergeInto(first, later));
  });
  press.addEventListener('click', () => {
    const alert = current();
    const tickets = ticketsOf(alert).filter((t) => !merged.has(t));
    if (pressedAt === null) pressUnits(alert, tickets);
    else ask(press, `已于 ${hhmm(pressedAt)} 督办过，再次督办这 ${tickets.length} 件来电的承办单位？`, '再次督办', () => pressUnits(alert, tickets));
  });
  confirmButton.addEventListener('click', () => {
    confirmBox.hidden = true;
    const action = confirmed;
    confirmed = null;
    action?.();
  });
  cancel.addEventListener('click', () => {
    confirmBox.hidden = true;
    confirmed = null;
    asker?.focus();
  });
  return [
    el('div', { class: 'alert-buttons' }, merge,
      el('label', { class: 'alert-note-label' }, '督办意见', note), press, pressed),
    confirmBox,
  ];
}

function choose(ws, name) {
  section = name;
  document.querySelectorAll('#desk-tabs .tab').forEach((tab) => {
    const chosen = tab.dataset.section === name;
    tab.setAttribute('aria-selected', String(chosen));
    tab.tabIndex = chosen ? 0 : -1;
  });
  $('queue-panel').setAttribute('aria-labelledby', `tab-${name}`);
  ws.restart();
}

async function start() {
  if (!currentUser()) return;
  let ws = null; // the queue and case pane, once the names are loaded; the banner starts at once
  startAlertsBanner($('alerts-banner'), { onTicket: (t) => ws?.open(t), actions: (current) => alertActions(() => ws, current) });
  const [, loadedUnits] = await Promise.all([loadNames(), loadUnits()]);
  units = loadedUnits;
  ws = startWorkspace({
    filters: () => SECTIONS[section].filters,
    belongs: (i) => SECTIONS[section].belongs(i),
    columns: () => SECTIONS[section].columns,
    actions,
    showTotal: (total) => { $(`count-${section}`).textContent = String(total); },
    afterRefresh: countOthers,
    gone: '找不到该工单。',
    readyFlag: 'deskReady',
  });
  const tabs = [...document.querySelectorAll('#desk-tabs .tab')];
  tabs.forEach((tab, index) => {
    tab.tabIndex = index === 0 ? 0 : -1;
    tab.addEventListener('click', () => choose(ws, tab.dataset.section));
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      const next = tabs[(index + step + tabs.length) % tabs.length];
      next.focus();
      choose(ws, next.dataset.section);
    });
  });
  await ws.refresh();
}

start();
