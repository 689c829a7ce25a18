// 智能建议: the operator console's panel beside the form. While the description and address are typed
// it asks intake for the likely category, district and unit and the matching knowledge articles (知识库);
// one key (Alt+A) takes the category and district into the form, and an article opens its answer with
// "直接办结" to close a consultation citing it. The operator's choice always wins: the form is filled
// only when the operator accepts.
import { api, problemMessage } from './session.js';
import { el } from './dom.js';
import { nameOf } from './reference.js';
import { articleFacts, fetchArticle, loadUnits, unitName } from './knowledge-common.js';

/** Long enough for a typist's pause between words, short enough to feel live. */
const DELAY_MS = 300;

const $ = (id) => document.getElementById(id);
const percent = (score) => (Number.isFinite(score) ? `${Math.round(score * 100)}%` : '');

/**
 * read() → {description, address, location} as typed; onAccept({category, district}) fills the form;
 * onCite(article) registers the call closed directly with the article's answer.
 */
export function startSuggestionPanel({ read, onAccept, onCite }) {
  let timer = null;
  let controller = null;
  let asked = 0; // only the answer to the latest input is shown
  let lastProbe = '';
  let shown = null; // the top suggestion on screen: {category, district}
  let opening = 0;
  let article = null;
  const unitsReady = loadUnits();

  function status(text) {
    $('suggestion-status').textContent = text;
  }

  function showFact(id, code, name, score, extra = []) {
    const dd = $(id);
    if (!code) {
      dd.replaceChildren('—');
      delete dd.dataset.code;
      return;
    }
    dd.dataset.code = code;
    const scored = score === undefined ? [] : [el('span', { class: 'score' }, ` ${percent(score)}`)];
    dd.replaceChildren(el('strong', {}, name), ...scored, ...extra);
  }

  function render(answer) {
    const [top, ...others] = answer.categories ?? [];
    const alternatives = others.length
      ? [el('div', { class: 'meta' }, `其次: ${others.map((c) => `${nameOf('category', c.code)} ${percent(c.score)}`).join(' · ')}`)]
      : [];
    showFact('suggested-category', top?.code, nameOf('category', top?.code), top?.score, alternatives);
    showFact('suggested-district', answer.district?.code, nameOf('district', answer.district?.code), answer.district?.score);
    showFact('suggested-unit', answer.unitId, unitName(answer.unitId));
    shown = top || answer.district ? { category: top?.code ?? null, district: answer.district?.code ?? null } : null;
    $('accept-suggestion').disabled = !shown;
    const articles = answer.articles ?? [];
    $('suggested-articles').replaceChildren(...articles.map((a) => el('li', { 'data-article': a.id },
      el('button', { class: 'link-button article-link', type: 'button', onclick: () => open(a.id) }, a.title))));
    status(shown || articles.length ? '建议仅供参考, 以接线员判断为准。' : '暂无建议。');
    $('suggestion-panel').dataset.answers = String(asked);
  }

  function clear(text = '输入诉求内容后, 这里给出建议的分类、所属区和知识库条目。') {
    render({});
    status(text);
  }

  async function ask() {
    const probe = read();
    const key = JSON.stringify(probe);
    if (key === lastProbe) return;
    lastProbe = key;
    controller?.abort(); // an answer about older text is of no use any more
    const number = ++asked;
    if (!probe.description) {
      clear();
      return;
    }
    controller = new AbortController();
    try {
      const response = await api('/api/complaints/suggestions', { method: 'POST', body: probe, signal: controller.signal });
      if (number !== asked) return;
      if (!response.ok) {
        status(await problemMessage(response, '暂时无法给出建议'));
        return;
      }
      const answer = await response.json();
      await unitsReady;
      if (number === asked) render(answer);
    } catch (error) {
      if (error.name !== 'AbortError' && number === asked) status('暂时无法给出建议');
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(ask, DELAY_MS);
  }

  function accept() {
    if (shown) onAccept(shown);
  }

  async function open(id) {
    const mine = ++opening;
    const box = $('article-answer');
    const { article: found, response } = await fetchArticle(id);
    if (mine !== opening) return;
    if (!found) {
      article = null;
      box.replaceChildren(el('p', { class: 'form-error' }, response.status === 404
        ? '该条目已停用或不在有效期内。' : await problemMessage(response, '条目加载失败')));
      box.hidden = false;
      return;
    }
    article = found;
    box.dataset.article = found.id;
    box.replaceChildren(
      el('h3', { id: 'article-title' }, found.title),
      articleFacts(found),
      el('div', { class: 'actions' },
        el('button', { id: 'close-with-article', class: 'button button-primary', type: 'button', onclick: () => onCite(article) },
          '直接办结'),
        el('button', { class: 'button button-secondary', type: 'button', onclick: closeArticle }, '收起')));
    box.hidden = false;
    box.focus();
  }

  function closeArticle() {
    opening += 1;
    article = null;
    $('article-answer').hidden = true;
    delete $('article-answer').dataset.article;
  }

  function reset() {
    clearTimeout(timer);
    controller?.abort();
    asked += 1;
    lastProbe = '';
    closeArticle();
    clear();
  }

  $('accept-suggestion').addEventListener('click', accept);
  return {
    schedule,
    reset,
    accept,
    /** The top suggestion the panel shows now, sent with the registration; null when none. */
    shown: () => shown,
  };
}
