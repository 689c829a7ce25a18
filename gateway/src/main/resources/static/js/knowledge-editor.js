// The knowledge editor's workspace (知识库管理员): create and edit articles (each save a new version,
// sent with If-Match of the version loaded, so an edit based on an older one is refused), publish and
// retire, the version history with a diff of any two versions, and the bureaus' proposals to accept or
// reject. `kb` is the page (knowledge.js): status(), showArticle(), showForm(), refresh(), names.
import { api, problemMessage } from './session.js';
import { el } from './dom.js';
import { time } from './cases.js';
import { ACTION, STATUS, fetchArticle } from './knowledge-common.js';
import { FIELDS, diffTable } from './knowledge-diff.js';
import { articleFields, errorLine, formError, send } from './knowledge-forms.js';

const path = (id) => `/api/knowledge/articles/${encodeURIComponent(id)}`;

/** The create form (article null) or the edit form of the version loaded. */
export function articleForm(article, kb) {
  const [fields, read] = articleFields(article, { categories: kb.categories, units: kb.units, validity: true });
  const save = el('button', { id: 'save-article', class: 'button button-primary', type: 'submit' }, article ? '保存修改' : '保存为草稿');
  const cancel = el('button', {
    class: 'button button-secondary', type: 'button',
    onclick: () => (article ? kb.showArticle(article.id) : kb.clearDetail()),
  }, '取消');
  const form = el('form', { id: 'article-form', class: 'action-form kb-form', novalidate: '', 'data-version': String(article?.version ?? '') },
    el('h2', {}, article ? `修改条目 ${article.id} (基于第 ${article.version} 版)` : '新建条目'),
    ...fields, errorLine(), el('div', { class: 'actions' }, save, cancel));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = article
      ? await send(form, 'PUT', path(article.id), read(), { 'If-Match': `"${article.version}"` })
      : await send(form, 'POST', '/api/knowledge/articles', read());
    if (result.ok) {
      kb.refresh();
      kb.showArticle(result.body.id, article ? `已保存为第 ${result.body.version} 版` : `已新建草稿 ${result.body.id}`);
    } else if (result.status === 409 && article) {
      await stale(form, article, result.problem, kb);
    }
  });
  return form;
}

/** 409 on an edit: someone saved meanwhile (say which version is current) or the article was retired. */
async function stale(form, article, problem, kb) {
  const { article: now } = await fetchArticle(article.id);
  if (!now || now.version === article.version) {
    formError(form).textContent = problem.detail || '该条目当前不能修改';
    return;
  }
  formError(form).replaceChildren(
    el('span', { id: 'stale-version' }, `已被他人修改, 请刷新 (当前为第 ${now.version} 版, 你修改的是第 ${article.version} 版)`), ' ',
    el('button', { id: 'reload-article', class: 'link-button', type: 'button', onclick: () => kb.showArticle(now.id) }, '刷新'));
}

/** Buttons for an article as it stands: edit (not once retired), publish a draft, retire a published one. */
export function articleActions(article, kb) {
  const change = async (action, done) => {
    // If-Match: publish or retire the version on screen, not one someone saved meanwhile
    const response = await api(`${path(article.id)}/${action}`, { method: 'POST', headers: { 'If-Match': `"${article.version}"` } });
    if (response.ok) {
      const answer = await response.json();
      kb.refresh();
      kb.showArticle(article.id, `${done} (第 ${answer.version} 版)`);
    } else {
      kb.status(await problemMessage(response, '操作失败'), 'error');
    }
  };
  return [
    article.status !== 'RETIRED'
      ? el('button', { id: 'edit-article', class: 'button button-secondary', type: 'button', onclick: () => kb.showForm(articleForm(article, kb)) }, '修改')
      : null,
    article.status === 'DRAFT'
      ? el('button', { id: 'publish-article', class: 'button button-primary', type: 'button', onclick: () => change('publish', '已发布') }, '发布')
      : null,
    article.status === 'PUBLISHED'
      ? el('button', { id: 'retire-article', class: 'button button-danger', type: 'button', onclick: () => change('retire', '已停用') }, '停用')
      : null,
  ];
}

function versionOption(v) {
  return el('option', { value: String(v.version) }, `第 ${v.version} 版 · ${ACTION[v.action] ?? v.action ?? ''}`);
}

/** The versions, oldest first, and a diff of any two (by default the last two). */
export function versionHistory(article) {
  const versions = article.versions ?? [];
  const table = el('table', { id: 'version-history', class: 'queue history' },
    el('thead', {}, el('tr', {}, ...['版本', '时间', '操作人', '操作', '状态', '说明'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...versions.map((v) => el('tr', { 'data-version': String(v.version) },
      el('td', {}, `第 ${v.version} 版`), el('td', {}, time(v.at)), el('td', {}, v.by ?? ''),
      el('td', {}, ACTION[v.action] ?? v.action ?? ''), el('td', {}, STATUS[v.status] ?? v.status ?? ''),
      el('td', {}, v.note ?? '')))));
  const section = el('section', { class: 'kb-history', 'aria-labelledby': 'history-title' },
    el('h3', { id: 'history-title' }, '版本记录'), el('div', { class: 'table-wrap' }, table));
  if (versions.length < 2) return section;
  const from = el('select', { id: 'diff-from', 'aria-label': '对比的旧版本' }, ...versions.map(versionOption));
  const to = el('select', { id: 'diff-to', 'aria-label': '对比的新版本' }, ...versions.map(versionOption));
  from.value = String(versions.at(-2).version);
  to.value = String(versions.at(-1).version);
  const box = el('div', { id: 'diff-box' });
  const show = () => {
    const a = versions.find((v) => String(v.version) === from.value);
    const b = versions.find((v) => String(v.version) === to.value);
    box.replaceChildren(diffTable(a, b, { leftLabel: `第 ${a.version} 版`, rightLabel: `第 ${b.version} 版` }));
  };
  from.addEventListener('change', show);
  to.addEventListener('change', show);
  show();
  section.append(el('div', { class: 'diff-pick' }, '对比 ', from, ' 与 ', to, el('span', { class: 'hint' }, ' 有改动的字段以颜色标出')), box);
  return section;
}

/** An editor's decision on a pending proposal: accept (a draft, or a new version of the article) or reject with a reason. */
export function proposalDecision(proposal, kb) {
  const reason = el('textarea', { id: 'reject-reason', name: 'reason', 'data-field': 'reason', rows: '2', maxlength: '500' });
  const accept = el('button', { id: 'accept-proposal', class: 'button button-primary', type: 'button' }, '采纳');
  const reject = el('button', { id: 'reject-proposal', class: 'button button-danger', type: 'submit' }, '驳回');
  const form = el('form', { id: 'decision-form', class: 'action-form', novalidate: '' },
    el('div', { class: 'field' }, el('label', { for: 'reject-reason' }, '驳回理由 (驳回时必填)'), reason),
    errorLine(), el('div', { class: 'actions' }, accept, reject));
  const base = `/api/knowledge/proposals/${encodeURIComponent(proposal.id)}`;
  accept.addEventListener('click', async () => {
    const result = await send(form, 'POST', `${base}/accept`);
    if (result.ok) {
      kb.refresh();
      kb.showArticle(result.body.articleId, `已采纳提议, 条目 ${result.body.articleId} 第 ${result.body.version} 版, 请审核后发布`);
    } else if (result.status === 409) formError(form).textContent = result.problem.detail || '该提议已处理';
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await send(form, 'POST', `${base}/reject`, { reason: reason.value.trim() });
    if (result.ok) {
      kb.refresh();
      kb.showProposal({ ...proposal, status: 'REJECTED', reason: reason.value.trim() }, '已驳回提议');
    } else if (result.status === 409) formError(form).textContent = result.problem.detail || '该提议已处理';
  });
  return form;
}

/** The fields a proposal may change, compared with the article as it stands. */
export const PROPOSED_FIELDS = FIELDS.filter(([name]) => ['title', 'questions', 'answer', 'source', 'category'].includes(name));
