// 市民评价: a citizen rates how their case was handled through the one-time link from an SMS,
// /rate.html#<token>, without signing in. The token stays in the fragment (never sent in a URL) and
// travels only in request bodies. Public page: plain fetch, no session.
import { el } from './dom.js';
import { clearFieldErrors, ratingFields, showFieldErrors } from './rating.js';

const $ = (id) => document.getElementById(id);
const token = decodeURIComponent(location.hash.slice(1));
const fields = ratingFields('rate');

/** Why a link cannot be used, by the status the server answers with. */
const REFUSED = {
  404: ['链接无效', '请核对短信中的链接是否完整。如有疑问，请拨打 12345 市民服务热线。'],
  410: ['链接已过期或已失效', '如仍需评价，请拨打 12345 市民服务热线。'],
  409: ['已评价或回访已结束', '此工单已完成评价或回访已结束，感谢您的支持。'],
};

function time(iso) {
  return iso ? new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }) : '';
}

async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  return { status: response.status, ok: response.ok, answer };
}

/** A message in place of the page (the link cannot be used) or under the form (try again). */
function say(title, text, retry) {
  const box = $('rate-message');
  box.replaceChildren(el('strong', {}, title), el('p', {}, text));
  if (retry) box.append(el('button', { class: 'button button-secondary', type: 'button', onclick: retry }, '重试'));
  box.hidden = false;
}

function refuse(status) {
  const [title, text] = REFUSED[status] ?? REFUSED[404];
  $('rate-form').hidden = true;
  $('rate-loading').hidden = true;
  say(title, text);
  document.body.dataset.rateState = 'refused';
}

function field(label, control, extra) {
  const id = `rate-label-${control.dataset.field}`;
  control.setAttribute('aria-labelledby', id);
  return el('div', { class: 'rate-field' }, el('span', { class: 'rate-label', id }, label, extra), control);
}

function showCase(view) {
  $('rate-ticket').textContent = view.ticketId;
  $('rate-resolved').textContent = time(view.resolvedAt) || '—';
  $('rate-reply').textContent = view.reply || '（承办单位未填写答复内容）';
  $('rate-expiry').textContent = view.linkExpiresAt ? `请在 ${time(view.linkExpiresAt)} 前完成评价` : '';
  $('rate-fields').replaceChildren(
    field('您对办理结果是否满意？', fields.satisfaction.node, el('em', { class: 'required' }, '必选')),
    field('为本次办理打分', fields.score.node, el('span', { class: 'hint' }, '（选填）')),
    field('您反映的问题是否已解决？', fields.solved.node, el('span', { class: 'hint' }, '（选填）')),
    field('意见和建议', fields.comment, el('span', { class: 'hint' }, '（选填）', fields.count)));
  $('rate-loading').hidden = true;
  $('rate-form').hidden = false;
  document.body.dataset.rateState = 'form';
}

async function lookUp() {
  $('rate-message').hidden = true;
  $('rate-loading').hidden = false;
  if (!token) {
    refuse(404);
    return;
  }
  try {
    const { ok, status, answer } = await post('/api/public/ratings/lookup', { token });
    if (ok) showCase(answer);
    else if (REFUSED[status] || status === 400) refuse(status);
    else throw new Error(`lookup ${status}`);
  } catch {
    $('rate-loading').hidden = true;
    say('暂时无法打开评价', '网络不稳定或服务繁忙，请稍后重试。', lookUp);
  }
}

function thank(view) {
  // 不满意 sends the case back to the unit: the visit waits for it to be resolved again.
  const reopened = view.outcome === 'REOPENED' || (view.outcome === null && view.state === 'AWAITING_RESOLUTION');
  $('rate-thanks-ticket').textContent = `工单号 ${view.ticketId}`;
  $('rate-thanks-text').textContent = reopened
    ? '您的意见已转交承办单位重新办理，办理后我们会再次听取您的评价。'
    : '您的评价已提交，我们将持续改进城市管理服务。';
  $('rate-form').hidden = true;
  $('rate-message').hidden = true;
  $('rate-thanks').hidden = false;
  $('rate-thanks').focus();
  document.body.dataset.rateState = reopened ? 'reopened' : 'thanks';
}

async function submit(event) {
  event.preventDefault();
  const form = $('rate-form');
  clearFieldErrors(form);
  $('rate-message').hidden = true;
  const rating = fields.values();
  if (!rating.satisfaction) {
    showFieldErrors(form, [{ field: 'satisfaction' }]);
    return;
  }
  const button = $('rate-submit');
  button.disabled = true;
  button.textContent = '正在提交…';
  try {
    const { ok, status, answer } = await post('/api/public/ratings', { token, ...rating });
    if (ok) thank(answer);
    else if (status === 400 && answer.errors?.length) {
      const unplaced = showFieldErrors(form, answer.errors);
      if (unplaced.length) refuse(404); // only the token has no field: the link is not usable
    } else if (REFUSED[status]) refuse(status);
    else throw new Error(`rating ${status}`);
  } catch {
    say('评价未能提交', '网络不稳定或服务繁忙，您的评价尚未提交，请稍后再次点击“提交评价”。');
  } finally {
    button.disabled = false;
    button.textContent = '提交评价';
  }
}

$('rate-form').addEventListener('submit', submit);
$('rate-form').addEventListener('change', (event) => {
  // a choice made clears its error
  const control = event.target.closest('[data-field]');
  if (!control?.hasAttribute('aria-invalid')) return;
  control.removeAttribute('aria-invalid');
  if (control.nextElementSibling?.classList.contains('field-error')) control.nextElementSibling.remove();
});
lookUp();
