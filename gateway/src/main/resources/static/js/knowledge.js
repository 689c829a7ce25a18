// 知识库: every signed-in role searches the knowledge base (ranked, with the matched words marked) and
// reads an article. Knowledge editors also have drafts, proposals and all articles by status, and create,
// edit, publish and retire (knowledge-editor.js); bureau users propose new articles and corrections of
// their unit's articles and follow their unit's proposals (knowledge-proposals.js).
import { api, currentUser, problemMessage } from './session.js';
import { el } from './dom.js';
import { loadReference, nameOf } from './reference.js';
import { renderPager, time } from './cases.js';
import { PROPOSAL_STATUS, STATUS, articleFacts, fetchArticle, loadUnits, snippetNodes, unitName } from './knowledge-common.js';
import { articleActions, articleForm, versionHistory } from './knowledge-editor.js';
import { proposalDetail, proposalForm } from './knowledge-proposals.js';

const PAGE_SIZE = 20;
const $ = (id) => document.getElementById(id);
const user = currentUser();
const roles = user?.roles ?? [];

/** The page as the editor and proposal modules see it. */
const kb = {
  user,
  editor: roles.includes('KNOWLEDGE_EDITOR'),
  bureau: roles.includes('BUREAU'),
  categories: [],
  units: [],
};

// Each section of the list: which filters it shows and where its page comes from.
const SECTIONS = {
  search: { query: true, status: kb.editor, load: (page) => articles({ q: $('search-q').value.trim(), status: statusFilter() }, page) },
  drafts: { load: (page) => articles({ status: 'DRAFT' }, page) },
  articles: { status: true, load: (page) => articles({ status: statusFilter() }, page) },
  proposals: { proposals: true, load: (page) => proposals(page) },
};

let section = 'search';
let page = 0;
let asked = 0; // only the newest list answer is shown
let loads = 0; // #kb-list[data-loads], so a test can wait for the next answer
let opening = 0; // only the item chosen last is shown

const statusFilter = () => (kb.editor ? $('search-status').value : '');

function query(filters, pageNumber) {
  const params = new URLSearchParams();
  Object.entries(filters).forEach(([key, value]) => { if (value) params.set(key, value); });
  params.set('page', String(pageNumber));
  params.set('size', String(PAGE_SIZE));
  return params;
}

async function fetchPage(path) {
  const response = await api(path);
  if (!response.ok) throw new Error(await problemMessage(response, '加载失败'));
  return response.json();
}

function articles(filters, pageNumber) {
  return fetchPage(`/api/knowledge/articles?${query({ ...filters, category: $('search-category').value }, pageNumber)}`);
}

function proposals(pageNumber) {
  return fetchPage(`/api/knowledge/proposals?${query({ status: $('proposal-status').value }, pageNumber)}`);
}

// ---- the list ----

function statusTag(status, labels = STATUS) {
  return el('span', { class: `state kb-state-${status}` }, labels[status] ?? status);
}

function articleLine(item) {
  return el('li', { 'data-article': item.id, 'data-status': item.status ?? '' },
    el('button', { class: 'kb-item', type: 'button', onclick: () => showArticle(item.id) },
      el('span', { class: 'kb-title' }, item.title), kb.editor && item.status ? statusTag(item.status) : null),
    item.snippet ? el('p', { class: 'snippet' }, ...snippetNodes(item.snippet)) : null,
    el('div', { class: 'meta' }, [nameOf('category', item.category), unitName(item.unitId), `第 ${item.version} 版`]
      .filter(Boolean).join(' · ')));
}

function proposalLine(item) {
  return el('li', { 'data-proposal': item.id, 'data-status': item.status },
    el('button', { class: 'kb-item', type: 'button', onclick: () => showProposal(item) },
      el('span', { class: 'kb-title' }, item.title), statusTag(item.status, PROPOSAL_STATUS)),
    el('div', { class: 'meta' }, [item.correction ? `修改 ${item.articleId}` : '新条目', unitName(item.unitId),
      item.proposedBy, time(item.proposedAt)].filter(Boolean).join(' · ')));
}

async function refresh() {
  const number = ++asked;
  try {
    const answer = await SECTIONS[section].load(page);
    if (number !== asked) return;
    const items = answer.items ?? [];
    const line = section === 'proposals' ? proposalLine : articleLine;
    $('kb-list').replaceChildren(...items.map(line));
    if (!items.length) $('kb-list').append(el('li', { class: 'empty' }, section === 'search' && $('search-q').value.trim() ? '没有找到相关条目, 换个说法试试' : '暂无条目'));
    $('list-summary').textContent = section === 'search' && $('search-q').value.trim() ? `找到 ${answer.total} 条, 按相关程度排列` : `共 ${answer.total} 条`;
    $('list-error').textContent = '';
    renderPager($('pager'), { page: answer.page ?? page, size: PAGE_SIZE, total: answer.total ?? items.length }, (to) => {
      page = to;
      refresh();
    });
    $('kb-list').dataset.loads = String(++loads);
    document.body.dataset.knowledgeReady = '';
  } catch (error) {
    if (number === asked) $('list-error').textContent = error.message || '加载失败';
  }
  countTabs();
}

/** The counts on the editor's tabs (drafts, pending proposals) and a bureau's pending proposals. */
async function countTabs() {
  const count = async (id, path) => {
    try {
      $(id).textContent = String((await fetchPage(path)).total);
    } catch {
      $(id).textContent = '?';
    }
  };
  if (kb.editor) count('count-drafts', '/api/knowledge/articles?status=DRAFT&page=0&size=1');
  if (kb.editor || kb.bureau) count('count-proposals', '/api/knowledge/proposals?status=PENDING&page=0&size=1');
}

function openSection(name) {
  section = name;
  page = 0;
  document.querySelectorAll('#kb-tabs .tab').forEach((tab) => {
    tab.setAttribute('aria-selected', String(tab.dataset.section === name));
  });
  $('kb-list').setAttribute('aria-labelledby', `tab-${name}`);
  const s = SECTIONS[name];
  $('search-q').closest('.field').hidden = !s.query;
  $('status-filter').hidden = !s.status;
  $('search-category').closest('.field').hidden = Boolean(s.proposals);
  $('proposal-filter').hidden = !s.proposals;
  refresh();
}

// ---- the detail pane ----

function status(text, kind = 'info') {
  $('kb-status').textContent = text ?? '';
  $('kb-status').dataset.kind = kind;
}

function forget(detail) {
  ['article', 'proposal', 'version', 'status'].forEach((key) => delete detail.dataset[key]);
}

function clearDetail() {
  opening += 1;
  forget($('kb-detail'));
  $('kb-detail').replaceChildren(el('p', { class: 'muted' }, '在左侧选择条目。'));
}

function showForm(form) {
  opening += 1;
  status('');
  forget($('kb-detail'));
  $('kb-detail').replaceChildren(form);
  form.querySelector('input, textarea, select')?.focus();
}

function bureauActions(article) {
  if (!kb.bureau || !article.unitId || article.unitId !== user.unitId) return [];
  return [el('button', { id: 'propose-change', class: 'button button-secondary', type: 'button', onclick: () => showForm(proposalForm(article, kb)) }, '提议修改')];
}

async function showArticle(id, message = '') {
  const mine = ++opening;
  status(message);
  const { article, response } = await fetchArticle(id);
  if (mine !== opening) return;
  const detail = $('kb-detail');
  if (!article) {
    clearDetail();
    detail.replaceChildren(el('p', { class: 'form-error' }, response.status === 404
      ? '该条目不存在, 或已停用、不在有效期内。' : await problemMessage(response, '条目加载失败')));
    return;
  }
  Object.assign(detail.dataset, { article: article.id, version: String(article.version), status: article.status });
  delete detail.dataset.proposal;
  const actions = [...(kb.editor ? articleActions(article, kb) : []), ...bureauActions(article)].filter(Boolean);
  detail.replaceChildren(
    el('h2', { id: 'article-heading' }, article.title, ' ', statusTag(article.status),
      article.status === 'PUBLISHED' && article.inForce === false ? el('span', { class: 'state' }, '不在有效期内') : null),
    el('p', { class: 'meta' }, [article.id, `第 ${article.version} 版`, article.updatedAt && `${time(article.updatedAt)} ${article.updatedBy ?? ''} 更新`]
      .filter(Boolean).join(' · ')),
    articleFacts(article),
    actions.length ? el('div', { id: 'article-actions', class: 'actions' }, ...actions) : null,
    kb.editor ? versionHistory(article) : null);
  document.querySelectorAll('#kb-list li').forEach((li) => li.setAttribute('aria-current', String(li.dataset.article === id)));
}

async function showProposal(proposal, message = '') {
  const mine = ++opening;
  status(message);
  const nodes = await proposalDetail(proposal, kb);
  if (mine !== opening) return;
  const detail = $('kb-detail');
  Object.assign(detail.dataset, { proposal: proposal.id, status: proposal.status });
  delete detail.dataset.article;
  delete detail.dataset.version;
  detail.replaceChildren(...nodes);
  document.querySelectorAll('#kb-list li').forEach((li) => li.setAttribute('aria-current', String(li.dataset.proposal === proposal.id)));
}

Object.assign(kb, { status, showArticle, showProposal, showForm, clearDetail, refresh, openSection });

// ---- wiring ----

async function start() {
  const [{ categories }, units] = await Promise.all([loadReference(), loadUnits()]);
  kb.categories = categories;
  kb.units = units;
  $('search-category').replaceChildren(el('option', { value: '' }, '全部'),
    ...categories.map((c) => el('option', { value: c.code }, c.name)));
  $('tab-drafts').hidden = !kb.editor;
  $('tab-articles').hidden = !kb.editor;
  $('tab-proposals').hidden = !(kb.editor || kb.bureau);
  $('proposals-label').textContent = kb.editor ? '提议' : '本单位提议';
  if (kb.editor) $('proposal-status').value = 'PENDING';
  $('new-article').hidden = !kb.editor;
  $('propose-new').hidden = !kb.bureau;
  $('new-article').addEventListener('click', () => showForm(articleForm(null, kb)));
  $('propose-new').addEventListener('click', () => showForm(proposalForm(null, kb)));
  document.querySelectorAll('#kb-tabs .tab').forEach((tab) => tab.addEventListener('click', () => openSection(tab.dataset.section)));
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    page = 0;
    refresh();
  });
  ['search-category', 'search-status', 'proposal-status'].forEach((id) => $(id).addEventListener('change', () => {
    page = 0;
    refresh();
  }));
  const q = new URLSearchParams(location.search).get('q');
  if (q) $('search-q').value = q;
  openSection('search');
  $('search-q').focus();
}

if (user) start();
