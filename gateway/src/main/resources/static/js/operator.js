// 接线员工作台: register a call (受理), see likely duplicates (重复件) while typing, merge, and
// look up where a ticket stands (查询进度), with the suggestion panel (智能建议, suggestion-panel.js) beside
// the form. Keyboard first: Ctrl+Enter saves, Alt+1 / Alt+2 jump, Alt+A takes the suggestion.
import { api, problemMessage } from './session.js';
import { el } from './dom.js';
import { CALL_TYPE, URGENCY, loadReference, nameOf } from './reference.js';
import { startSuggestionPanel } from './suggestion-panel.js';

const LABELS = {
  channel: { PHONE: '电话', WEB: '网站', APP: 'App', WECHAT: '微信', SMS: '短信', EMAIL: '邮件' },
  type: CALL_TYPE,
  urgency: { NORMAL: URGENCY.NORMAL, URGENT: URGENCY.URGENT, EMERGENCY: URGENCY.EMERGENCY }, // the form's order
  status: {
    REGISTERED: '已受理', DISPATCHED: '已派单', AWAITING_MANUAL_DISPATCH: '待人工派单', RETURNED: '已退单, 待重新派单', CLAIMED: '已签收',
    RESOLVED: '已办结', CLOSED: '已结案', MERGED: '重复件已合并',
  },
  reason: { SAME_PHONE: '同一来电号码', SAME_ADDRESS: '同一地址同类问题', NEARBY: '附近同类问题' },
};
const TICKET = /^[A-Z]{2}\d{14}$/;
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const CHECK_DELAY_MS = 400;
/** Fields of the request whose errors are shown at another input. */
const FIELD_INPUTS = { location: 'coordinates', knowledgeArticleId: 'answer' };

const $ = (id) => document.getElementById(id);
const form = $('register-form');
let attemptKey = newKey();
let mergeTarget = null;
let checkTimer = null;
let checkNumber = 0; // only the answer to the latest check is shown: an older one may be about the previous call
let cited = null; // the knowledge article (知识库) a consultation closed directly cites: {id, title}
let filledAnswer = null; // the article's answer put into the answer box, to tell it from what the operator typed

/** A fresh Idempotency-Key: a retried save after a network failure reuses it and never makes a second ticket. */
function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function time(iso) {
  return iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) : '';
}

function fillSelect(select, entries, blank) {
  const options = entries.map(([value, text]) => el('option', { value }, text));
  if (blank) options.unshift(el('option', { value: '' }, blank));
  select.replaceChildren(...options);
}

async function fillPickers() {
  const { districts, categories } = await loadReference();
  fillSelect($('district'), districts.map((d) => [d.code, d.name]), '请选择');
  fillSelect($('category'), categories.map((c) => [c.code, c.name]), '请选择');
  fillSelect($('channel'), Object.entries(LABELS.channel));
  fillSelect($('type'), Object.entries(LABELS.type));
  fillSelect($('urgency'), Object.entries(LABELS.urgency));
  fillSelect($('filter-status'), Object.entries(LABELS.status), '全部');
}

// ---- registration ----

/** "经度,纬度" as typed or pasted from a map; the server checks the ranges. */
function point() {
  const text = $('coordinates').value.trim();
  if (text === '') return null;
  const [longitude, latitude] = text.split(/[,，\s]+/).map((part) => (part === '' ? null : Number(part)));
  return { longitude: longitude ?? null, latitude: latitude ?? null };
}

function collect() {
  const attachments = $('attachments').value.split(/\s+/).filter(Boolean);
  const body = {
    callerPhone: $('callerPhone').value.trim(),
    callerName: $('callerName').value.trim(),
    confidential: $('confidential').checked,
    channel: $('channel').value,
    type: $('type').value,
    urgency: $('urgency').value,
    category: $('category').value,
    district: $('district').value,
    street: $('street').value.trim() || null,
    address: $('address').value.trim(),
    location: point(),
    description: $('description').value.trim(),
    attachments,
  };
  if ($('closeDirectly').checked) {
    body.closeDirectly = true;
    const answer = $('answer').value.trim();
    // citing an article, an answer left out (or longer than a registration keeps) is recorded as the citation
    if (!cited || (answer && answer.length <= answerLimit())) body.answer = answer;
    if (cited) body.knowledgeArticleId = cited.id;
  }
  if ($('smsOptOut').checked) body.smsOptOut = true; // 不发送短信: left out otherwise, so the default stays the service's
  if (mergeTarget) body.duplicateOf = mergeTarget;
  const suggestion = panel.shown();
  if (suggestion) body.suggestion = suggestion;
  return body;
}

function clearErrors() {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  $('register-error').textContent = '';
}

/** Marks each field the server refused, with its rule; the first one gets the focus. */
function showFieldErrors(errors) {
  let first = null;
  errors.forEach(({ field, message }) => {
    // location.latitude → the coordinates box, attachments[2].<list element> → attachments, the cited article → the answer
    const id = FIELD_INPUTS[field.split(/[.[]/)[0]] ?? field.split(/[.[]/)[0];
    const input = $(id);
    if (!input) return;
    input.setAttribute('aria-invalid', 'true');
    input.closest('.field').append(el('span', { class: 'field-error' }, message));
    first ??= input;
  });
  $('register-error').textContent = `有 ${errors.length} 项需要更正`;
  first?.focus();
}

async function register(event) {
  event.preventDefault();
  clearErrors();
  const button = $('register-button');
  button.disabled = true;
  try {
    const response = await api('/api/complaints', {
      method: 'POST', body: collect(), headers: { 'Idempotency-Key': attemptKey },
    });
    if (response.status === 201) {
      showRegistered(await response.json());
      resetForm();
    } else if (response.status === 400) {
      showFieldErrors((await response.json()).errors ?? []);
    } else {
      $('register-error').textContent = await problemMessage(response);
    }
  } catch {
    $('register-error').textContent = '网络中断，工单尚未确认保存。请再次点击“登记工单”，不会重复登记。';
  } finally {
    button.disabled = false;
  }
}

function showRegistered(ticket) {
  const result = $('register-result');
  const lines = [el('div', {}, '工单号 ', el('span', { class: 'ticket', id: 'registered-ticket' }, ticket.ticketId),
    ' · ', el('span', { id: 'registered-status', 'data-status': ticket.status }, LABELS.status[ticket.status] ?? ticket.status))];
  if (ticket.knowledgeArticleId) lines.push(el('div', {}, `已引用知识库条目 ${ticket.knowledgeArticleId} 答复并办结。`));
  if (ticket.mergedInto) lines.push(el('div', {}, `已作为重复件并入 ${ticket.mergedInto}，不再派单。`));
  if (ticket.status !== 'MERGED' && ticket.likelyDuplicates?.length) {
    lines.push(el('div', {}, '疑似重复：', ...ticket.likelyDuplicates.map((original) => el('button', {
      class: 'button button-secondary', type: 'button', onclick: () => mergeAfter(ticket.ticketId, original),
    }, `并入 ${original}`))));
  }
  result.replaceChildren(...lines);
  result.hidden = false;
}

async function mergeAfter(ticketId, original) {
  const response = await api(`/api/complaints/${ticketId}/merge`, { method: 'POST', body: { originalTicketId: original } });
  if (response.ok) showRegistered(await response.json());
  else $('register-error').textContent = await problemMessage(response);
}

function resetForm() {
  clearTimeout(checkTimer);
  checkNumber += 1; // a check still under way was about the call just saved
  form.reset();
  chooseMerge(null);
  attemptKey = newKey();
  $('description-count').textContent = '0/2000';
  $('closeDirectly').disabled = true;
  $('answer-field').hidden = true;
  filledAnswer = null;
  cite(null);
  panel.reset();
  $('duplicates').replaceChildren();
  $('duplicates-empty').hidden = false;
  $('callerPhone').focus();
}

// ---- duplicates (重复件) ----

function chooseMerge(ticketId) {
  mergeTarget = ticketId;
  $('merge-choice').hidden = !ticketId;
  $('merge-target').textContent = ticketId ?? '';
  $('register-button').textContent = ticketId ? '合并登记为重复件' : '登记工单';
}

function scheduleCheck() {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(checkDuplicates, CHECK_DELAY_MS);
}

async function checkDuplicates() {
  const probe = {
    callerPhone: PHONE.test($('callerPhone').value.trim()) ? $('callerPhone').value.trim() : null,
    category: $('category').value || null,
    district: $('district').value || null,
    address: $('address').value.trim() || null,
    location: null,
  };
  const at = point();
  if (at && Number.isFinite(at.longitude) && Number.isFinite(at.latitude)) probe.location = at;
  if (!probe.callerPhone && !probe.address && !probe.location) return;
  const asked = ++checkNumber;
  const response = await api('/api/complaints/duplicate-check', { method: 'POST', body: probe });
  if (!response.ok || asked !== checkNumber) return;
  const candidates = await response.json();
  if (asked !== checkNumber) return;
  renderCandidates(candidates);
  if (mergeTarget && !candidates.some((c) => c.ticketId === mergeTarget)) chooseMerge(null);
}

function renderCandidates(candidates) {
  $('duplicates-empty').hidden = candidates.length > 0;
  $('duplicates').replaceChildren(...candidates.map((c) => el('li', { class: 'duplicate', 'data-ticket': c.ticketId },
    el('div', {}, el('button', { class: 'link-button', type: 'button', onclick: () => showTicket(c.ticketId) }, c.ticketId),
      ' ', LABELS.status[c.status] ?? c.status),
    el('div', {}, ...c.reasons.map((r) => el('span', { class: 'tag' },
      r === 'NEARBY' ? `${LABELS.reason[r]} ${c.distanceMeters} 米` : LABELS.reason[r]))),
    el('div', { class: 'meta' }, `${nameOf('district', c.district)} · ${nameOf('category', c.category)} · ${c.address}`),
    el('div', { class: 'meta' }, `${time(c.registeredAt)} · ${c.description.slice(0, 60)}`),
    el('button', { class: 'button button-secondary', type: 'button', onclick: () => chooseMerge(c.ticketId) },
      '合并至此工单'))));
}

// ---- suggestions and knowledge (智能建议, 知识库) ----

/** Chooses an option the select has (a code the reference data knows); tells listeners as a user's choice would. */
function choose(select, code) {
  if (!code || ![...select.options].some((o) => o.value === code)) return;
  select.value = code;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function cite(article) {
  cited = article ? { id: article.id, title: article.title } : null;
  $('cited-article').hidden = !cited;
  $('cited-title').textContent = cited?.title ?? '';
  if (!cited) $('answer').placeholder = '';
}

/** The most a registration's answer holds (the box's maxlength, as the server's rule); an article's may be longer. */
function answerLimit() {
  const max = $('answer').maxLength; // -1 if the page ever drops the attribute: then the server's rule decides
  return max >= 0 ? max : Infinity;
}

/**
 * 直接办结: a consultation answered on the phone with the article's answer, registered as closed. An answer longer
 * than a registration holds is not copied: the work order then records the citation of the article, or what the
 * operator typed in the box themselves.
 */
function closeWithArticle(article) {
  $('type').value = 'CONSULTATION';
  $('type').dispatchEvent(new Event('change'));
  $('closeDirectly').checked = true;
  $('answer-field').hidden = false;
  const box = $('answer');
  const answer = article.answer ?? '';
  if (answer.length <= answerLimit()) {
    box.value = answer;
    box.placeholder = '';
    filledAnswer = answer;
  } else {
    if (box.value === filledAnswer) box.value = ''; // another article's answer, not the operator's words
    filledAnswer = null;
    box.placeholder = `条目答复超过 ${answerLimit()} 字，登记为引用该条目；也可在此填写简要答复`;
  }
  cite(article);
  form.requestSubmit();
}

const panel = startSuggestionPanel({
  read: () => {
    const at = point();
    const located = at && Number.isFinite(at.longitude) && Number.isFinite(at.latitude);
    return {
      description: $('description').value.trim(),
      address: $('address').value.trim(),
      ...(located ? { location: at } : {}),
    };
  },
  onAccept: ({ category, district }) => {
    choose($('category'), category);
    choose($('district'), district);
  },
  onCite: closeWithArticle,
});

// ---- look-up (查询进度) ----

async function lookup(event) {
  event.preventDefault();
  $('lookup-error').textContent = '';
  const text = $('lookup').value.trim();
  if (TICKET.test(text)) {
    $('lookup-results').replaceChildren();
    $('lookup-summary').textContent = '';
    await showTicket(text);
    return;
  }
  const params = new URLSearchParams();
  if (PHONE.test(text)) params.set('phone', text);
  else {
    if (text) params.set('q', text);
    if ($('filter-status').value) params.set('status', $('filter-status').value);
    if ($('filter-from').value) params.set('from', $('filter-from').value);
    if ($('filter-to').value) params.set('to', $('filter-to').value);
  }
  const response = await api(`/api/complaints?${params}`);
  if (!response.ok) {
    $('lookup-error').textContent = await problemMessage(response, '查询失败');
    return;
  }
  const answer = await response.json();
  const items = Array.isArray(answer) ? answer : answer.items;
  $('lookup-summary').textContent = Array.isArray(answer)
    ? `该号码近期工单 ${items.length} 条`
    : `共 ${answer.total} 条${answer.complete ? '' : '（仅检索了最近的部分，请缩小范围）'}`;
  $('lookup-results').replaceChildren(...items.map((t) => el('li', {},
    el('button', { class: 'link-button', type: 'button', onclick: () => showTicket(t.ticketId) }, t.ticketId),
    ' ', LABELS.status[t.status] ?? t.status,
    el('div', { class: 'meta' }, `${time(t.registeredAt)} · ${nameOf('category', t.category)} · ${t.address}`))));
}

async function showTicket(ticketId) {
  const response = await api(`/api/complaints/${ticketId}`);
  const detail = $('ticket-detail');
  if (!response.ok) {
    $('lookup-error').textContent = await problemMessage(response, '查询失败');
    detail.hidden = true;
    return;
  }
  const t = await response.json();
  const rows = [
    ['工单号', t.ticketId], ['状态', LABELS.status[t.status] ?? t.status],
    ['来电人', `${t.callerName ?? '（保密）'} ${t.callerPhone ?? ''}`],
    ['分类', `${nameOf('category', t.category)} · ${LABELS.urgency[t.urgency] ?? t.urgency}`],
    ['地点', `${nameOf('district', t.district)} ${t.street ?? ''} ${t.address}`],
    ['内容', t.description],
  ];
  if (t.mergedInto) rows.push(['并入', t.mergedInto]);
  if (t.knowledgeArticleId) rows.push(['知识库', t.knowledgeArticleId]);
  detail.replaceChildren(
    el('h3', {}, `工单 ${t.ticketId}`),
    el('dl', {}, ...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    el('h3', {}, '办理进度'),
    el('ol', { class: 'timeline', id: 'timeline' }, ...t.timeline.map((s) => el('li', {},
      [time(s.at), s.status && (LABELS.status[s.status] ?? s.status), s.note].filter(Boolean).join(' · ')))),
    t.duplicateCalls.length ? el('h3', {}, '重复来电') : null,
    t.duplicateCalls.length ? el('ul', { class: 'timeline', id: 'duplicate-calls' }, ...t.duplicateCalls.map((d) => el('li', {},
      `${d.ticketId} · ${d.callerName ?? '（保密）'} ${d.callerPhone ?? ''} · ${time(d.at)}`))) : null,
  );
  detail.hidden = false;
}

// ---- wiring ----

form.addEventListener('submit', register);
$('reset-button').addEventListener('click', resetForm);
$('merge-cancel').addEventListener('click', () => chooseMerge(null));
$('lookup-form').addEventListener('submit', lookup);
['callerPhone', 'address', 'category', 'district', 'coordinates'].forEach((id) => {
  $(id).addEventListener('input', scheduleCheck);
  $(id).addEventListener('change', scheduleCheck);
});
$('description').addEventListener('input', () => {
  $('description-count').textContent = `${$('description').value.length}/2000`;
});
['description', 'address', 'coordinates'].forEach((id) => $(id).addEventListener('input', panel.schedule));
$('type').addEventListener('change', () => {
  const consultation = $('type').value === 'CONSULTATION';
  $('closeDirectly').disabled = !consultation;
  if (!consultation) $('closeDirectly').checked = false;
  $('answer-field').hidden = !$('closeDirectly').checked;
  if (!$('closeDirectly').checked) cite(null);
});
$('closeDirectly').addEventListener('change', () => {
  $('answer-field').hidden = !$('closeDirectly').checked;
  if (!$('closeDirectly').checked) cite(null);
});
$('cited-cancel').addEventListener('click', () => cite(null));
document.addEventListener('keydown', (event) => {
  if (event.ctrlKey && event.key === 'Enter') form.requestSubmit();
  else if (event.altKey && event.key === '1') { event.preventDefault(); $('callerPhone').focus(); }
  else if (event.altKey && event.key === '2') { event.preventDefault(); $('lookup').focus(); }
  else if (event.altKey && event.code === 'KeyA') { event.preventDefault(); panel.accept(); }
  else if (event.key === 'Escape' && mergeTarget) chooseMerge(null);
});

fillPickers().then(() => {
  document.body.dataset.consoleReady = '';
  $('callerPhone').focus();
});
