// 市民自助: a citizen checks a ticket's progress with its number and the last four digits of their phone, or
// reports a problem from the web (channel WEB), without signing in. Public page: plain fetch, no session.
// The ticket number and digits travel only in request bodies, never in a URL.
import { el } from './dom.js';

const $ = (id) => document.getElementById(id);
const DESCRIPTION_MAX = 2000;

/** What to tell a person about a refused field, whatever the server's wording. */
const FIELD_HINTS = {
  ticketId: '请输入正确的工单号（字母和数字，例如 WH20261122000123）',
  phoneLast4: '请输入手机号码的后四位数字',
  category: '请选择问题类别',
  district: '请选择所在区',
  address: '请填写详细地址（最多 200 字）',
  description: `请描述问题（最多 ${DESCRIPTION_MAX} 字）`,
  phone: '请填写正确的手机号码（11 位）或固定电话（如 027-88888888）',
  name: '称呼最多 50 字',
};
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

function time(iso) {
  return iso ? new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }) : '—';
}

async function call(method, path, body, headers = {}) {
  const response = await fetch(path, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  return { status: response.status, ok: response.ok, answer, retryAfter: Number(response.headers.get('Retry-After')) };
}

/** When to try again, from a 429's Retry-After (seconds): minutes, or hours past two. */
function later(retryAfter) {
  if (!(retryAfter > 0)) return '请稍后再试，';
  const minutes = Math.ceil(retryAfter / 60);
  return minutes > 120 ? `请 ${Math.ceil(minutes / 60)} 小时后再试，` : `请 ${minutes} 分钟后再试，`;
}

/** A key per submission, so a double tap or a retry is one ticket; made from getRandomValues (works without HTTPS). */
function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

// ---- tabs ----

const TABS = ['progress', 'report'];

function showTab(name, focus = false) {
  TABS.forEach((tab) => {
    const selected = tab === name;
    $(`tab-${tab}`).setAttribute('aria-selected', String(selected));
    $(`tab-${tab}`).tabIndex = selected ? 0 : -1;
    $(`panel-${tab}`).hidden = !selected;
  });
  if (focus) $(`tab-${name}`).focus();
}

TABS.forEach((tab, i) => {
  $(`tab-${tab}`).addEventListener('click', () => showTab(tab));
  $(`tab-${tab}`).addEventListener('keydown', (event) => {
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    showTab(TABS[(to + TABS.length) % TABS.length], true);
  });
});

// ---- messages and field errors ----

function say(box, title, text) {
  box.replaceChildren(el('strong', {}, title), text ? el('p', {}, text) : null);
  box.hidden = false;
}

function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((e) => {
    e.removeAttribute('aria-invalid');
    const described = (e.getAttribute('aria-describedby') ?? '').split(' ').filter((d) => d && !d.endsWith('-error')).join(' ');
    if (described) e.setAttribute('aria-describedby', described);
    else e.removeAttribute('aria-describedby');
  });
  form.querySelector('.track-message').hidden = true;
}

/** Marks each named field with its hint; returns the errors no field of the form carries. */
function showErrors(form, errors) {
  const unplaced = [];
  errors.forEach(({ field }) => {
    const control = form.querySelector(`[data-field="${CSS.escape(field)}"]`);
    if (!control) {
      unplaced.push(field);
      return;
    }
    if (control.getAttribute('aria-invalid') === 'true') return;
    const id = `${control.id}-error`;
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-errormessage', id);
    // aria-errormessage alone is read by few screen readers: the error joins the field's description too
    control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    control.insertAdjacentElement('afterend', el('span', { class: 'field-error', id }, FIELD_HINTS[field] ?? '请检查此项'));
  });
  form.querySelector('[aria-invalid="true"]')?.focus();
  return unplaced;
}

function busy(button, text) {
  const idle = button.textContent;
  button.disabled = true;
  button.textContent = text;
  return () => {
    button.disabled = false;
    button.textContent = idle;
  };
}

// ---- 查询进度 ----

function showProgress(progress) {
  $('progress-ticket-id').textContent = progress.ticketId;
  $('progress-status').textContent = progress.statusName;
  $('progress-category').textContent = progress.categoryName ?? '—';
  $('progress-district').textContent = progress.districtName ?? '—';
  $('progress-unit').textContent = progress.unitName ?? '待确定';
  $('progress-registered').textContent = time(progress.registeredAt);
  $('progress-updated').textContent = time(progress.updatedAt);
  $('progress-steps').replaceChildren(...[...progress.steps].reverse().map((step) => el('li', { 'data-status': step.status },
    el('time', { datetime: step.at }, time(step.at)), el('strong', {}, step.statusName), el('p', {}, step.note))));
  const result = $('progress-result');
  result.dataset.ticket = progress.ticketId;
  result.dataset.status = progress.status;
  result.hidden = false;
  result.focus();
  document.body.dataset.trackState = 'progress';
}

function progressRequest(form) {
  const ticketId = form.ticketId.value.replace(/\s+/g, '').toUpperCase();
  const phoneLast4 = form.phoneLast4.value.trim();
  const errors = [];
  if (!/^[A-Z0-9]{1,32}$/.test(ticketId)) errors.push({ field: 'ticketId' });
  if (!/^\d{4}$/.test(phoneLast4)) errors.push({ field: 'phoneLast4' });
  return { request: { ticketId, phoneLast4 }, errors };
}

async function checkProgress(event) {
  event.preventDefault();
  const form = $('progress-form');
  clearErrors(form);
  $('progress-result').hidden = true;
  const { request, errors } = progressRequest(form);
  if (errors.length) {
    showErrors(form, errors);
    return;
  }
  const done = busy($('progress-submit'), '正在查询…');
  try {
    const { ok, status, answer, retryAfter } = await call('POST', '/api/public/progress', request);
    if (ok) showProgress(answer);
    else if (status === 404) {
      // the same words for a wrong number and an unknown ticket: the server tells them apart no better
      say($('progress-message'), '没有找到相符的工单', '请核对工单号和手机号后四位后重试。');
      document.body.dataset.trackState = 'not-found';
    } else if (status === 429) {
      say($('progress-message'), '查询过于频繁', `${later(retryAfter)}您也可拨打 12345 查询办理进度。`);
      document.body.dataset.trackState = 'too-many';
    } else if (status === 400 && answer.errors?.length) showErrors(form, answer.errors);
    else throw new Error(`progress ${status}`);
  } catch {
    say($('progress-message'), '暂时无法查询', '网络不稳定或服务繁忙，请稍后重试。');
  } finally {
    done();
  }
}

// ---- 我要反映 ----

let reportKey = null; // one per submission: kept for a retry of the same report, dropped when it changes
let lastReport = null;

function reportRequest(form) {
  const value = (name) => form[name].value.trim();
  const report = {
    name: value('name') || null,
    phone: value('phone').replace(/\s+/g, ''),
    category: value('category'),
    district: value('district'),
    address: value('address'),
    description: value('description'),
    smsOptOut: form.smsOptOut.checked ? true : null,
    confidential: form.confidential.checked ? true : null,
  };
  const errors = ['category', 'district', 'address', 'description'].filter((f) => !report[f]).map((field) => ({ field }));
  if (!PHONE.test(report.phone)) errors.push({ field: 'phone' });
  return { report, errors };
}

function showReceipt(receipt, phone) {
  $('report-ticket').textContent = receipt.ticketId;
  $('report-done').dataset.ticket = receipt.ticketId;
  lastReport = { ticketId: receipt.ticketId, phoneLast4: phone.replace(/\D/g, '').slice(-4) };
  $('report-form').hidden = true;
  $('report-done').hidden = false;
  $('report-done').focus();
  document.body.dataset.trackState = 'reported';
}

async function submitReport(event) {
  event.preventDefault();
  const form = $('report-form');
  clearErrors(form);
  const { report, errors } = reportRequest(form);
  if (errors.length) {
    showErrors(form, errors);
    return;
  }
  reportKey ??= newKey();
  const done = busy($('report-submit'), '正在提交…');
  try {
    const { ok, status, answer, retryAfter } = await call('POST', '/api/public/reports', report, { 'Idempotency-Key': reportKey });
    if (ok) {
      showReceipt(answer, report.phone);
      form.reset();
      $('report-description-count').textContent = `0/${DESCRIPTION_MAX}`;
      reportKey = null;
    } else if (status === 400 && answer.errors?.length) {
      if (showErrors(form, answer.errors).length) say($('report-message'), '提交未成功', '请检查填写的内容后重试。');
    } else if (status === 429) {
      say($('report-message'), '提交过于频繁', `${later(retryAfter)}急事请直接拨打 12345 市民服务热线。`);
    } else throw new Error(`report ${status}`);
  } catch {
    say($('report-message'), '提交未成功', '网络不稳定或服务繁忙，您的反映尚未确认受理，请稍后再次点击“提交”。');
  } finally {
    done();
  }
}

function fill(select, entries) {
  select.append(...entries.map((entry) => el('option', { value: entry.code }, entry.name)));
}

async function loadReference() {
  try {
    const { ok, answer } = await call('GET', '/api/public/reference');
    if (!ok) throw new Error('reference');
    fill($('report-category'), answer.categories);
    fill($('report-district'), answer.districts);
  } catch {
    say($('report-message'), '暂时无法加载问题类别', '请刷新页面重试，或拨打 12345 市民服务热线。');
    $('report-submit').disabled = true;
  }
}

$('progress-form').addEventListener('submit', checkProgress);
$('report-form').addEventListener('submit', submitReport);
$('report-form').addEventListener('input', () => { reportKey = null; }); // a changed report is a new submission
$('report-description').addEventListener('input', (event) => {
  $('report-description-count').textContent = `${event.target.value.length}/${DESCRIPTION_MAX}`;
});
[$('progress-form'), $('report-form')].forEach((form) => form.addEventListener('input', (event) => {
  // a field being corrected loses its error
  const control = event.target.closest('[data-field]');
  if (control?.getAttribute('aria-invalid') !== 'true') return;
  control.removeAttribute('aria-invalid');
  const id = `${control.id}-error`;
  $(id)?.remove();
  const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((d) => d && d !== id).join(' ');
  if (described) control.setAttribute('aria-describedby', described);
  else control.removeAttribute('aria-describedby');
}));
$('report-track').addEventListener('click', () => {
  $('progress-ticket').value = lastReport.ticketId;
  $('progress-digits').value = lastReport.phoneLast4;
  showTab('progress');
  $('progress-form').requestSubmit();
});
$('report-again').addEventListener('click', () => {
  $('report-done').hidden = true;
  $('report-form').hidden = false;
  $('report-category').focus();
});

// track.html#WH20261122000123 (the link in a text) opens with the number filled in
let linked = '';
try {
  linked = decodeURIComponent(location.hash.slice(1)).trim();
} catch {
  // a broken link (a stray %) fills in nothing; the page works as ever
}
if (/^[A-Za-z0-9]{1,32}$/.test(linked)) $('progress-ticket').value = linked.toUpperCase();
await loadReference();
document.body.dataset.trackState = 'ready';
