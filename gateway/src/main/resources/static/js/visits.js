// 回访工作台: the resolved cases waiting for a return-visit call, oldest first, with the time left;
// the selected case with the caller's full number (operators make the call), the request and the
// unit's answer; the call's result (未接通, or 满意 / 基本满意 / 不满意 with score, solved, comment);
// and a one-time rating link to send the citizen instead. The queue refreshes itself every 30 s.
import { api, currentUser, problemMessage } from './session.js';
import { el } from './dom.js';
import { URGENCY, loadReference, nameOf } from './reference.js';
import { renderPager, span, time } from './cases.js';
import { FIELD_HINTS, SATISFACTION, choice, clearFieldErrors, ratingFields, showFieldErrors } from './rating.js';

const $ = (id) => document.getElementById(id);
const PAGE_SIZE = 20;
const REFRESH_MS = 30_000;
const SOON_MS = 4 * 3600 * 1000; // 即将超时 below this
const MAX_FAILED = 3; // 未接通 this often closes the visit as UNREACHABLE
const OUTCOME = { ...SATISFACTION, UNREACHABLE: '未接通', NO_RESPONSE: '未评价' };
const CHANNEL = { PHONE: '电话', SMS: '短信链接', LINK: '评价链接', WEB: '网页' };
const HINTS = { ...FIELD_HINTS, reached: '请选择是否接通', satisfaction: '市民已接通时须选择满意程度' };

const ws = { page: 0, items: [], total: 0, selected: null, view: null };
let asked = 0; // only the newest queue answer is shown
let loads = 0; // #visit-queue[data-loads], so a test can wait for the next refresh

// ---- time left ----

/** "剩余 1天3小时", "即将超时 · 剩余 2小时10分" or "已超时 20分", with whether it is urgent. */
function timeLeft(iso, now = Date.now()) {
  if (!iso) return { text: '—', urgent: false };
  const ms = Date.parse(iso) - now;
  if (ms < 0) return { text: `已超时 ${span(Math.max(-ms, 60_000))}`, urgent: true };
  return ms < SOON_MS ? { text: `即将超时 · 剩余 ${span(ms)}`, urgent: true } : { text: `剩余 ${span(ms)}`, urgent: false };
}

function countdown(iso) {
  const { text, urgent } = timeLeft(iso);
  return el('span', { class: urgent ? 'visit-countdown urgent' : 'visit-countdown', 'data-deadline': iso ?? '' }, text);
}

function tick() {
  document.querySelectorAll('.visit-countdown[data-deadline]').forEach((node) => {
    const { text, urgent } = timeLeft(node.dataset.deadline);
    node.textContent = text;
    node.classList.toggle('urgent', urgent);
  });
}

function badges(v) {
  return [
    v.confidential ? el('span', { class: 'badge badge-confidential' }, '保密') : null,
    v.reopenCount ? el('span', { class: 'badge badge-reopen' }, v.reopenCount > 1 ? `重办×${v.reopenCount}` : '重办') : null,
    v.ratingLink && !v.ratingLink.used ? el('span', { class: 'badge badge-link' }, '已发评价链接') : null,
  ].filter(Boolean);
}

function say(text, kind = 'ok') {
  $('visit-message').textContent = text;
  $('visit-message').dataset.kind = kind;
}

// ---- the queue ----

function queueItem(v) {
  const open = el('button', { class: 'visit-item', type: 'button' },
    el('span', { class: 'visit-item-head' }, el('span', { class: 'ticket' }, v.ticketId), ...badges(v)),
    el('span', {}, `${nameOf('district', v.district)} · ${nameOf('category', v.category)}`),
    el('span', { class: 'visit-item-meta' },
      el('span', { class: 'muted' }, `办结 ${time(v.resolvedAt)}`), countdown(v.returnVisitDeadline),
      el('span', { class: v.failedAttempts ? 'attempts attempts-failed' : 'attempts' }, `未接通 ${v.failedAttempts}/${MAX_FAILED}`)));
  open.addEventListener('click', () => select(v.ticketId));
  open.addEventListener('keydown', (event) => {
    const li = open.parentElement;
    const next = event.key === 'ArrowDown' ? li.nextElementSibling : event.key === 'ArrowUp' ? li.previousElementSibling : null;
    if (!next?.dataset.ticket) return;
    event.preventDefault();
    next.querySelector('button').focus();
    select(next.dataset.ticket);
  });
  return el('li', { 'data-ticket': v.ticketId, 'aria-current': String(v.ticketId === ws.selected) }, open);
}

function renderQueue() {
  const focused = document.activeElement?.closest('#visit-queue li')?.dataset.ticket;
  const list = $('visit-queue');
  list.replaceChildren(...(ws.items.length ? ws.items.map(queueItem) : [el('li', { class: 'empty' }, '暂无待回访工单')]));
  if (focused) list.querySelector(`li[data-ticket="${focused}"] button`)?.focus();
  $('visit-total').textContent = `共 ${ws.total} 件`;
  renderPager($('pager'), { page: ws.page, size: PAGE_SIZE, total: ws.total }, (page) => {
    ws.page = page;
    refresh();
  });
}

async function refresh() {
  const mine = ++asked;
  try {
    const response = await api(`/api/visits?page=${ws.page}&size=${PAGE_SIZE}`);
    if (!response.ok) throw new Error(`visits ${response.status}`);
    const page = await response.json();
    if (mine !== asked) return;
    const lastPage = Math.max(Math.ceil(page.total / PAGE_SIZE) - 1, 0);
    if (ws.page > lastPage) { // visits left the queue meanwhile: show its last page
      ws.page = lastPage;
      await refresh();
      return;
    }
    Object.assign(ws, { items: page.items, total: page.total });
    $('queue-error').textContent = '';
    renderQueue();
    tick();
    if (ws.view?.state === 'OPEN' && !ws.items.some((i) => i.ticketId === ws.selected)) await checkSelected();
    $('visit-queue').dataset.loads = String(++loads);
  } catch {
    if (mine === asked) $('queue-error').textContent = '回访队列加载失败，将自动重试';
  }
}

/** A visit as an action left it: its line follows, and it leaves the queue once no longer open. */
function update(view) {
  const at = ws.items.findIndex((i) => i.ticketId === view.ticketId);
  if (view.state === 'OPEN') {
    if (at >= 0) ws.items[at] = view;
  } else if (at >= 0) {
    ws.items.splice(at, 1);
    ws.total = Math.max(ws.total - 1, 0);
  }
  renderQueue();
}

// ---- the selected visit ----

function facts(v) {
  const rows = [
    ['来电人', v.callerName || '（未留姓名）', v.confidential ? el('span', { class: 'badge badge-confidential', title: '不向承办单位显示来电人' }, '保密') : null],
    ['电话', v.callerPhone
      ? el('a', { id: 'visit-caller-phone', class: 'visit-phone', href: `tel:${v.callerPhone}` }, v.callerPhone)
      : el('span', { id: 'visit-caller-phone', class: 'muted' }, '（未留电话）')],
    ['问题', `${nameOf('district', v.district)} · ${nameOf('category', v.category)} · ${URGENCY[v.urgency] ?? v.urgency ?? ''}`],
    ['地址', v.address ?? ''],
    ['诉求', el('span', { id: 'visit-description', class: 'description' }, v.description ?? '')],
    ['办结时间', time(v.resolvedAt)],
    ['回访时限', v.state === 'OPEN' ? el('span', {}, `${time(v.returnVisitDeadline)} `, countdown(v.returnVisitDeadline)) : time(v.returnVisitDeadline)],
  ];
  if (v.reopenCount) rows.push(['重办', `已重办 ${v.reopenCount} 次`]);
  if (v.state !== 'OPEN') rows.push(['回访结果', v.state === 'CLOSED' ? `已结案 · ${OUTCOME[v.outcome] ?? v.outcome ?? ''}` : '已转重办，等待承办单位重新办结']);
  return el('dl', { class: 'case-facts' }, ...rows.flatMap(([term, ...value]) => [el('dt', {}, term), el('dd', {}, ...value)]));
}

function attemptLine(a) {
  const result = a.reached
    ? [OUTCOME[a.satisfaction] ?? a.satisfaction, a.score ? `${a.score} 星` : null, a.solved === true ? '已解决' : a.solved === false ? '未解决' : null]
    : ['未接通'];
  return el('li', { class: a.reached ? 'reached' : 'unreached' },
    el('span', { class: 'muted' }, `${time(a.at)} · ${CHANNEL[a.channel] ?? a.channel ?? ''} · ${a.actor ?? ''}`), ' ',
    el('strong', {}, result.filter(Boolean).join(' · ')),
    a.comment ? el('div', { class: 'timeline-note' }, a.comment) : null);
}

function labelled(text, control, extra) {
  const id = `visit-label-${control.dataset.field}`;
  control.setAttribute('aria-labelledby', id);
  return el('div', { class: 'field' }, el('span', { class: 'field-label', id }, text, extra), control);
}

function resultForm(v) {
  const reached = choice('reached', [[true, '已接通', { id: 'visit-reached-yes' }], [false, '未接通', { id: 'visit-reached-no' }]],
    { label: '是否接通' });
  const rating = ratingFields('visit');
  const ratingPart = el('div', { id: 'visit-rating', hidden: '' },
    labelled('满意程度', rating.satisfaction.node, el('em', { class: 'required' }, '必选')),
    labelled('评分', rating.score.node, el('span', { class: 'hint' }, ' 选填')),
    labelled('问题是否解决', rating.solved.node, el('span', { class: 'hint' }, ' 选填')));
  const form = el('form', { id: 'visit-form', class: 'action-form visit-form', novalidate: '' },
    labelled('是否接通', reached.node, el('span', { class: 'hint' }, ` 此前未接通 ${v.failedAttempts}/${MAX_FAILED} 次`)),
    ratingPart,
    labelled('备注 / 市民意见', rating.comment, el('span', { class: 'hint' }, ' ', rating.count)),
    el('p', { class: 'form-error', role: 'alert' }),
    el('button', { id: 'visit-submit', class: 'button button-primary', type: 'submit' }, '保存回访结果'));
  reached.node.addEventListener('change', () => { ratingPart.hidden = reached.value !== true; });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = reached.value === true
      ? { reached: true, ...rating.values() }
      : { reached: reached.value, satisfaction: null, score: null, solved: null, comment: rating.values().comment };
    const missing = [];
    if (reached.value === null) missing.push({ field: 'reached' });
    else if (reached.value && !body.satisfaction) missing.push({ field: 'satisfaction' });
    clearFieldErrors(form);
    if (missing.length) showFieldErrors(form, missing, HINTS);
    else record(form, v.ticketId, body);
  });
  return form;
}

function linkPanel(v) {
  const link = v.ratingLink;
  const note = link
    ? `已于 ${time(link.issuedAt)} 生成评价链接，有效期至 ${time(link.expiresAt)}，${link.used ? '市民已使用' : '市民尚未使用'}。重新生成后旧链接失效。`
    : '市民不便接听或希望自行评价时，生成一次性评价链接，通过短信发送给市民。';
  const button = el('button', { id: 'visit-link-button', class: 'button button-secondary', type: 'button' }, link ? '重新生成评价链接' : '发送评价链接');
  const panel = el('div', { id: 'visit-link', class: 'visit-link' }, el('h3', {}, '评价链接'), el('p', { class: 'muted' }, note), button);
  button.addEventListener('click', () => issueLink(panel, button, v.ticketId));
  return panel;
}

function show(v) {
  ws.view = v;
  ws.selected = v.ticketId;
  const detail = $('visit-detail');
  detail.dataset.ticket = v.ticketId;
  detail.dataset.state = v.state;
  detail.replaceChildren(
    el('h2', { id: 'visit-title' }, `工单 ${v.ticketId}`),
    facts(v),
    el('h3', {}, '办理结果（承办单位答复）'),
    el('div', { id: 'visit-reply', class: 'visit-reply' }, v.reply || '（未填写答复）'),
    el('h3', {}, '回访记录'),
    v.attempts.length
      ? el('ol', { id: 'visit-attempts', class: 'timeline' }, ...v.attempts.map(attemptLine))
      : el('p', { id: 'visit-attempts', class: 'muted' }, '尚无回访记录'),
    ...(v.state === 'OPEN' ? [el('h3', {}, '本次回访结果'), resultForm(v), linkPanel(v)] : []));
  document.querySelectorAll('#visit-queue li[data-ticket]').forEach((li) => {
    li.setAttribute('aria-current', String(li.dataset.ticket === v.ticketId));
  });
}

function select(ticketId) {
  const item = ws.items.find((i) => i.ticketId === ticketId);
  if (!item || ws.selected === ticketId) return;
  say('');
  show(item);
}

async function fetchVisit(ticketId) {
  const response = await api(`/api/visits/${encodeURIComponent(ticketId)}`);
  return response.ok ? response.json() : null;
}

/** Shows the visit as the server has it now, after someone else changed it. */
async function reload(ticketId) {
  const view = await fetchVisit(ticketId);
  if (!view) return;
  show(view);
  update(view);
}

/** The selected visit is not on this page of the queue any more: if someone else finished it, say so. */
async function checkSelected() {
  const view = await fetchVisit(ws.selected);
  if (!view || view.state === 'OPEN' || view.ticketId !== ws.selected) return; // still open: maybe on another page
  show(view);
  say(`该回访已由其他接线员完成（${view.state === 'CLOSED' ? OUTCOME[view.outcome] ?? '已结案' : '已转重办'}）。`, 'warn');
}

function recorded(view) {
  if (view.state === 'OPEN') return `已记录：未接通（已 ${view.failedAttempts}/${MAX_FAILED} 次）。`;
  if (view.state === 'AWAITING_RESOLUTION') return '市民不满意，已转重办：工单退回承办单位重新办理。';
  return view.outcome === 'UNREACHABLE'
    ? `已连续 ${MAX_FAILED} 次未接通，工单按“未接通”结案。`
    : `回访完成：${OUTCOME[view.outcome] ?? view.outcome}，工单已结案。`;
}

async function record(form, ticketId, body) {
  say('');
  const button = $('visit-submit');
  button.disabled = true;
  try {
    const response = await api(`/api/visits/${encodeURIComponent(ticketId)}/attempts`, { method: 'POST', body });
    if (response.ok) {
      const view = await response.json();
      show(view);
      update(view);
      say(recorded(view), view.state === 'AWAITING_RESOLUTION' ? 'warn' : 'ok');
      return;
    }
    const problem = await response.json().catch(() => ({}));
    if (response.status === 400 && problem.errors?.length) {
      const unplaced = showFieldErrors(form, problem.errors, HINTS);
      form.querySelector('.form-error').textContent = unplaced.join('；');
    } else if (response.status === 409) {
      await reload(ticketId);
      say(`回访结果未保存：${problem.detail ?? '该回访已被他人更新'}。已重新加载，请核对后再操作。`, 'error');
    } else {
      say(problem.detail || problem.title || `保存失败（${response.status}）`, 'error');
    }
  } catch {
    say('网络中断，回访结果可能未保存，请刷新后查看。', 'error');
  } finally {
    button.disabled = false;
  }
}

async function issueLink(panel, button, ticketId) {
  say('');
  button.disabled = true;
  try {
    const response = await api(`/api/visits/${encodeURIComponent(ticketId)}/rating-link`, { method: 'POST' });
    if (response.status === 201) {
      const link = await response.json();
      const url = el('input', { id: 'visit-link-url', type: 'text', readonly: '', value: link.url, 'aria-label': '评价链接' });
      const copy = el('button', { id: 'visit-link-copy', class: 'button button-secondary', type: 'button' }, '复制');
      copy.addEventListener('click', async () => {
        url.select();
        try {
          await navigator.clipboard.writeText(link.url);
          copy.textContent = '已复制';
        } catch {
          copy.textContent = '请按 Ctrl+C 复制';
        }
      });
      panel.replaceChildren(el('h3', {}, '评价链接'),
        el('div', { class: 'visit-link-box' }, url, copy),
        el('p', { id: 'visit-link-expiry', class: 'muted' }, `有效期至 ${time(link.expiresAt)}，仅可使用一次。链接只显示这一次，请立即通过短信发送给市民。`));
      url.select();
      say('评价链接已生成。');
    } else if (response.status === 409) {
      const text = await problemMessage(response, '该回访已被他人更新');
      await reload(ticketId);
      say(`未能生成评价链接：${text}。已重新加载。`, 'error');
    } else {
      say(await problemMessage(response, '评价链接生成失败'), 'error');
    }
  } catch {
    say('网络中断，评价链接未生成，请重试。', 'error');
  } finally {
    button.disabled = false;
  }
}

// ---- wiring ----

async function start() {
  if (!currentUser()?.roles.includes('OPERATOR')) return; // shell.js sends the browser away
  await loadReference();
  document.addEventListener('keydown', (event) => {
    if (event.altKey && event.key === '1') {
      event.preventDefault();
      (document.querySelector('#visit-queue li[aria-current="true"] button') ?? document.querySelector('#visit-queue button'))?.focus();
    } else if (event.altKey && event.key === '2') {
      event.preventDefault();
      ($('visit-reached-yes') ?? $('visit-detail')).focus();
    } else if (event.ctrlKey && event.key === 'Enter' && $('visit-form')) {
      event.preventDefault();
      $('visit-form').requestSubmit();
    }
  });
  setInterval(refresh, REFRESH_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') refresh();
  });
  await refresh();
  document.body.dataset.visitsReady = '';
}

start();
