// 派单员工作台: the desk's four lists — 待人工派单, 退单, 延期申请, 超期 — each with its count;
// 人工派单/改派 (with an explicit confirmation for a unit that has returned the case repeatedly),
// 延期审批 and 督办, next to the case's request and audit trail. Above them the live 突发预警 banner:
// each call of a surge opens as a case, and the desk can merge the calls into the first or press their units.
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

/** The desk's actions under an alert: 合并到首件 (after a confirmation) and 督办 with a note. */
function alertActions(ws, current) {
  const results = el('div', { class: 'alert-outcome' });
  const merge = el('button', { class: 'button button-secondary', type: 'button', 'data-action': 'merge' }, '合并到首件');
  const confirmText = el('span', {});
  const confirmMerge = el('button', { class: 'button button-danger', type: 'button', 'data-action': 'confirm-merge' }, '确认合并');
  const cancel = el('button', { class: 'button button-secondary', type: 'button' }, '取消');
  const confirmBox = el('div', { class: 'confirm-box alert-confirm' }, confirmText, el('div', { class: 'actions' }, confirmMerge, cancel));
  confirmBox.hidden = true;
  const pressNote = (alert) => `突发预警：${alertSubject(alert)}，近 1 小时来电 ${alert.count} 件，请立即核查处置。`;
  const note = el('input', { class: 'alert-note', type: 'text', maxlength: '500', placeholder: pressNote(current()) });
  const press = el('button', { class: 'button button-primary', type: 'button', 'data-action': 'press' }, '督办');
  const buttons = [merge, confirmMerge, cancel, press];

  async function run(what, done, tickets, send) {
    buttons.forEach((b) => { b.disabled = true; });
    results.replaceChildren(el('p', { class: 'muted' }, `${what}处理中…`));
    try {
      showResults(results, what, done, await eachCall(tickets, send));
      ws()?.refresh();
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  merge.addEventListener('click', () => {
    const [first, ...later] = ticketsOf(current());
    if (!later.length) {
      results.replaceChildren(el('p', { class: 'muted' }, '只有一件来电，无需合并。'));
      return;
    }
    confirmText.textContent = `将其余 ${later.length} 件来电作为重复件并入首件 ${first}？已被承办单位签收的不能合并。`;
    confirmBox.hidden = false;
    confirmMerge.focus();
  });
  cancel.addEventListener('click', () => { confirmBox.hidden = true; merge.focus(); });
  confirmMerge.addEventListener('click', () => {
    confirmBox.hidden = true;
    const [first, ...later] = ticketsOf(current());
    run('合并', `已并入 ${first}`, later,
      (t) => api(`/api/complaints/${encodeURIComponent(t)}/merge`, { method: 'POST', body: { originalTicketId: first } }));
  });
  press.addEventListener('click', () => {
    const alert = current();
    const text = note.value.trim() || pressNote(alert); // the placeholder's words unless the desk wrote its own
    run('督办', '已督办承办单位', ticketsOf(alert),
      (t) => api(`/api/cases/${encodeURIComponent(t)}/press`, { method: 'POST', body: { note: text, alertId: alert.id } }));
  });
  return [
    el('div', { class: 'alert-buttons' }, merge,
      el('label', { class: 'alert-note-label' }, '督办意见', note), press),
    confirmBox, results,
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
