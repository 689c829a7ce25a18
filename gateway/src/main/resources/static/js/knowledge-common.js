// The knowledge base (知识库) as every page shows it: article statuses, validity, unit names, the
// article's facts, and search snippets. Shared by the knowledge page and the operator's panel.
import { api } from './session.js';
import { el } from './dom.js';
import { nameOf, remember } from './reference.js';
import { time } from './cases.js';

export const STATUS = { DRAFT: '草稿', PUBLISHED: '已发布', RETIRED: '已停用' };
export const PROPOSAL_STATUS = { PENDING: '待处理', ACCEPTED: '已采纳', REJECTED: '已驳回' };
export const ACTION = { CREATED: '新建', EDITED: '修改', PUBLISHED: '发布', RETIRED: '停用', SEEDED: '初始导入' };

let units = null;

/** Unit names from dispatch (/api/units, active units), remembered for unitName; [] when it cannot be had. */
export async function loadUnits() {
  if (units) return units;
  try {
    const response = await api('/api/units');
    const list = response.ok ? await response.json() : [];
    units = remember('unit', list.map((u) => ({ code: u.id, name: u.name })))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  } catch {
    units = [];
  }
  return units;
}

/** A unit's name; a city-wide article (no unit) says so. */
export const unitName = (unitId) => (unitId ? nameOf('unit', unitId) : '全市通用');

/** "长期有效", "2026/01/01 00:00 起", "至 2026/12/31 00:00" or both. */
export function validity(article) {
  const from = article.validFrom ? `${time(article.validFrom)} 起` : '';
  const until = article.validUntil ? `至 ${time(article.validUntil)}` : '';
  return [from, until].filter(Boolean).join(' ') || '长期有效';
}

/** The article's facts for reading it during a call or on the knowledge page. */
export function articleFacts(article) {
  const rows = [
    ['答复口径', el('div', { class: 'article-text', id: 'article-answer-text' }, article.answer ?? '')],
    ['政策依据', article.source || '—'],
    ['有效期', validity(article)],
    ['问题分类', nameOf('category', article.category) || '—'],
    ['责任单位', unitName(article.unitId)],
  ];
  if (article.questions?.length) {
    rows.splice(1, 0, ['常见问法', el('ul', { class: 'questions' }, ...article.questions.map((q) => el('li', {}, q)))]);
  }
  return el('dl', { class: 'article-facts' }, ...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

/**
 * A search snippet as nodes: the server escapes everything except the <mark> around matched words;
 * parsed in an inert template and rebuilt from text and <mark> alone, so nothing else can get in.
 */
export function snippetNodes(html) {
  const template = document.createElement('template');
  template.innerHTML = html ?? '';
  return Array.from(template.content.childNodes, (node) => (node.nodeName === 'MARK'
    ? el('mark', {}, node.textContent)
    : document.createTextNode(node.textContent)));
}

/** GET an article; {article} or {status} when it cannot be read (404: not in force, or unknown). */
export async function fetchArticle(id) {
  const response = await api(`/api/knowledge/articles/${encodeURIComponent(id)}`);
  if (!response.ok) return { status: response.status, response };
  const article = await response.json();
  const etag = response.headers.get('ETag');
  if (etag && article.version == null) article.version = Number(etag.replace(/\D/g, ''));
  return { article };
}
