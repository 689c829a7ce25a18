// 承办单位工作台: the unit's open cases (待签收, 办理中) soonest deadline first, with a live
// countdown; a case's request, deadlines and audit trail; 签收, 办结回复, 退单 and 延期申请.
import { currentUser } from './session.js';
import { el } from './dom.js';
import {
  LABELS, actionPanel, badges, deadline, errorLine, field, isoFromLocal, loadNames, localInput, select, stateTag,
  subject, textarea, time, urgencyTag,
} from './cases.js';
import { startWorkspace } from './workspace.js';

const $ = (id) => document.getElementById(id);
const MAX_ATTACHMENTS = 10;
const user = currentUser();
let reasons = [];

function filters() {
  return {
    state: $('filter-state').value,
    urgency: $('filter-urgency').value,
    category: $('filter-category').value,
    overdue: $('filter-overdue').checked ? 'true' : '',
  };
}

/** Whether a case (as an action left it) still belongs in the list as filtered. */
function belongs(item) {
  const f = filters();
  return item.unitId === user?.unitId && (item.state === 'DISPATCHED' || item.state === 'CLAIMED')
    && (!f.state || item.state === f.state) && (!f.overdue || item.overdue);
}

const COLUMNS = [
  { head: '状态', cell: (i) => stateTag(i.state) },
  { head: '诉求', cell: subject, class: 'col-subject' },
  { head: '紧急', cell: (i) => urgencyTag(i.urgency) },
  { head: '时限', cell: (i) => deadline(i.deadline), class: 'col-deadline' },
  { head: '标记', cell: badges, class: 'col-badges' },
];

function actionForm(id, ...children) {
  return el('form', { id, class: 'action-form', novalidate: '' }, ...children, errorLine());
}

function submitButton(id, text) {
  return el('button', { id, class: 'button button-primary', type: 'submit' }, text);
}

// ---- 签收 ----

function claimForm(ws) {
  const form = actionForm('claim-form',
    el('p', { class: 'muted' }, '签收后开始计算办结时限。'),
    submitButton('claim-button', '签收'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { view } = await ws.act(form, 'claim', undefined, () => '已签收，请在办结时限内处理并答复。');
    if (view) $('resolve-reply')?.focus();
  });
  return form;
}

// ---- 办结 ----

function attachmentLine() {
  const line = el('div', { class: 'attachment-line' },
    el('input', { class: 'attachment-name', 'aria-label': '附件名称', placeholder: '名称，如 现场照片', maxlength: '200' }),
    el('input', { class: 'attachment-url', 'aria-label': '附件地址', placeholder: 'https://… 或 /files/…', maxlength: '1000' }),
    el('button', { class: 'button button-secondary', type: 'button', 'aria-label': '删除此附件', onclick: () => line.remove() }, '删除'));
  return line;
}

/** The attachment lines someone filled in, numbered as the server will name them in its errors. */
function attachments(form) {
  const filled = [];
  form.querySelectorAll('.attachment-line').forEach((line) => {
    const [name, url] = line.querySelectorAll('input');
    name.removeAttribute('data-field');
    url.removeAttribute('data-field');
    if (!name.value.trim() && !url.value.trim()) return;
    name.dataset.field = `attachments[${filled.length}].name`;
    url.dataset.field = `attachments[${filled.length}].url`;
    filled.push({ name: name.value.trim(), url: url.value.trim() });
  });
  return filled;
}

function resolveForm(ws) {
  const reply = textarea('resolve-reply', 'reply', 4, 2000);
  const count = el('span', { class: 'hint' }, '0/2000');
  reply.addEventListener('input', () => { count.textContent = `${reply.value.length}/2000`; });
  const lines = el('div', { id: 'attachment-lines', class: 'attachment-lines', 'data-field': 'attachments' });
  const add = el('button', {
    id: 'add-attachment', class: 'button button-secondary', type: 'button',
    onclick: () => {
      if (lines.children.length >= MAX_ATTACHMENTS) return;
      lines.append(attachmentLine());
      lines.lastElementChild.querySelector('input').focus();
    },
  }, '添加附件');
  const form = actionForm('resolve-form',
    el('div', { class: 'field' }, el('label', { for: 'resolve-reply' }, '答复内容 ', count), reply),
    el('div', { class: 'field' }, el('span', { class: 'field-label' }, `附件（最多 ${MAX_ATTACHMENTS} 个，填写文件地址）`), lines, add),
    submitButton('resolve-button', '办结'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ws.act(form, 'resolve', { reply: reply.value.trim(), attachments: attachments(form) },
      () => '已办结，等待话务员回访。');
  });
  return form;
}

// ---- 延期申请 ----

function extensionForm(ws, view) {
  const reason = textarea('extension-reason', 'reason');
  const until = el('input', {
    id: 'extension-deadline', type: 'datetime-local', 'data-field': 'requestedDeadline', min: localInput(view.resolveDeadline),
  });
  until.value = localInput(new Date(Date.parse(view.resolveDeadline) + 24 * 3600 * 1000).toISOString());
  const form = actionForm('extension-form',
    el('p', { class: 'muted' }, `当前办结时限 ${time(view.resolveDeadline)}，延期需派单员审批。`),
    field('延期理由', reason),
    field('申请延至（北京时间）', until),
    submitButton('extension-button', '提交延期申请'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ws.act(form, 'extension', { reason: reason.value.trim(), requestedDeadline: isoFromLocal(until.value) },
      (v) => `已申请延期至 ${time(v.extension?.requestedDeadline)}，等待派单员审批。`);
  });
  return form;
}

// ---- 退单 ----

function returnForm(ws) {
  const reason = select('return-reason', 'reason', [['', '请选择'], ...reasons.map((r) => [r.code, r.name])]);
  const note = textarea('return-note', 'note');
  const form = actionForm('return-form',
    el('p', { class: 'muted' }, '退单后工单回到派单台，由派单员改派，本单位将不再看到它。'),
    field('退单原因', reason),
    field('说明', note),
    el('button', { id: 'return-button', class: 'button button-danger', type: 'submit' }, '退单'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ws.act(form, 'return', { reason: reason.value || null, note: note.value.trim() },
      () => '已退单，工单已回到派单台，不再显示在本单位队列中。');
  });
  return form;
}

function actions(view, ws) {
  if (view.unitId !== user?.unitId) return [];
  if (view.state === 'DISPATCHED') {
    return [claimForm(ws), actionPanel('return-panel', '退单', returnForm(ws))];
  }
  if (view.state !== 'CLAIMED') return [];
  const pending = view.extension?.status === 'PENDING';
  return [
    actionPanel('resolve-panel', '办结回复', resolveForm(ws), true),
    pending
      ? el('p', { id: 'extension-pending', class: 'muted' }, `延期申请待审批（申请延至 ${time(view.extension.requestedDeadline)}）`)
      : actionPanel('extension-panel', '申请延期', extensionForm(ws, view)),
    actionPanel('return-panel', '退单', returnForm(ws)),
  ];
}

function fill(selectNode, entries) {
  selectNode.replaceChildren(el('option', { value: '' }, '全部'), ...entries.map(([value, text]) => el('option', { value }, text)));
}

async function start() {
  if (!user) return;
  const loaded = await loadNames();
  reasons = loaded.reasons;
  fill($('filter-urgency'), Object.entries(LABELS.urgency));
  fill($('filter-category'), loaded.categories.map((c) => [c.code, c.name]));
  const ws = startWorkspace({
    filters,
    belongs,
    columns: () => COLUMNS,
    actions,
    showTotal: (total) => { $('queue-total').textContent = `共 ${total} 件`; },
    gone: '该工单已不在本单位（可能已退单或被改派）。',
    readyFlag: 'workbenchReady',
  });
  $('queue-filters').addEventListener('change', ws.restart);
  $('queue-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    ws.restart();
  });
  await ws.refresh();
}

start();
