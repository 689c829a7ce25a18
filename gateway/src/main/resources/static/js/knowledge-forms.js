// Form pieces of the knowledge page (知识库): the article fields editors and bureaus fill in, and a
// request that shows the server's field errors at the fields and other problems above the buttons.
import { api } from './session.js';
import { el } from './dom.js';
import { clearErrors, errorLine, field, formError, localInput, isoFromLocal, select, textarea } from './cases.js';

export { errorLine, formError };

export function input(id, fieldName, attrs = {}) {
  return el('input', { id, name: fieldName, 'data-field': fieldName, autocomplete: 'off', ...attrs });
}

/** The caller's phrasings, one a line (常见问法); blank lines left out. */
export function questionLines(text) {
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

/**
 * The fields of an article (or a proposal of one), filled from `article`: [nodes, read()] where read()
 * gives the request body's fields. options: categories [{code,name}], units [{code,name}] (null: no
 * unit field), validity (whether to show valid-from/until).
 */
export function articleFields(article, { categories, units = null, validity = false }) {
  const title = input('kb-title', 'title', { maxlength: '200', value: article?.title ?? '' });
  const questions = textarea('kb-questions', 'questions', 4, 2000);
  questions.value = (article?.questions ?? []).join('\n');
  const answer = textarea('kb-answer', 'answer', 8, 10000);
  answer.value = article?.answer ?? '';
  const source = input('kb-source', 'source', { maxlength: '500', value: article?.source ?? '', placeholder: '如: 《武汉市城市综合管理条例》第二十条' });
  const category = select('kb-category', 'category', [['', '请选择'], ...categories.map((c) => [c.code, c.name])]);
  category.value = article?.category ?? '';
  const nodes = [
    field('标题', title),
    field('常见问法 (每行一个, 用市民的说法)', questions),
    field('答复口径', answer),
    field('政策依据', source),
    field('问题分类', category),
  ];
  let unit = null;
  if (units) {
    const known = units.some((u) => u.code === article?.unitId);
    const extra = article?.unitId && !known ? [[article.unitId, article.unitId]] : [];
    unit = select('kb-unit', 'unitId', [['', '全市通用 (无责任单位)'], ...units.map((u) => [u.code, u.name]), ...extra]);
    unit.value = article?.unitId ?? '';
    nodes.push(field('责任单位', unit));
  }
  let from = null;
  let until = null;
  if (validity) {
    from = input('kb-valid-from', 'validFrom', { type: 'datetime-local', value: article?.validFrom ? localInput(article.validFrom) : '' });
    until = input('kb-valid-until', 'validUntil', { type: 'datetime-local', value: article?.validUntil ? localInput(article.validUntil) : '' });
    nodes.push(el('div', { class: 'kb-validity' }, field('生效时间 (空: 发布即生效)', from), field('失效时间 (空: 长期有效)', until)));
  }
  const read = () => ({
    title: title.value.trim(),
    questions: questionLines(questions.value),
    answer: answer.value.trim(),
    source: source.value.trim() || null,
    category: category.value || null,
    ...(unit ? { unitId: unit.value || null } : {}),
    ...(validity ? { validFrom: isoFromLocal(from.value), validUntil: isoFromLocal(until.value) } : {}),
  });
  return [nodes, read];
}

/** Marks each field the server refused (questions[2] → the questions box); the rest go above the buttons. */
function showFieldErrors(form, errors) {
  let first = null;
  const unplaced = [];
  errors.forEach(({ field: name, message }) => {
    const control = form.querySelector(`[data-field="${CSS.escape(name.split(/[.[]/)[0])}"]`);
    if (!control) {
      unplaced.push(`${name}: ${message}`);
      return;
    }
    control.setAttribute('aria-invalid', 'true');
    control.closest('.field').append(el('span', { class: 'field-error' }, message));
    first ??= control;
  });
  formError(form).textContent = [`有 ${errors.length} 项需要更正`, ...unplaced].join('；');
  first?.focus();
}

/**
 * Sends a form's request with its buttons held down meanwhile. Resolves to {ok, status, body} on
 * success; otherwise shows a 400's field errors (or the problem's detail) and resolves to
 * {ok: false, status, problem}; a 409 is left to the caller to explain.
 */
export async function send(form, method, path, body, headers = {}) {
  clearErrors(form);
  const buttons = [...form.querySelectorAll('button')];
  buttons.forEach((b) => { b.disabled = true; });
  try {
    const response = await api(path, { method, body, headers });
    if (response.ok) return { ok: true, status: response.status, body: await response.json().catch(() => ({})) };
    const problem = await response.json().catch(() => ({}));
    if (response.status === 400 && problem.errors?.length) showFieldErrors(form, problem.errors);
    else if (response.status === 403) formError(form).textContent = problem.detail || '无权进行此操作';
    else if (response.status !== 409) formError(form).textContent = problem.detail || problem.title || '操作失败，请稍后再试';
    return { ok: false, status: response.status, problem };
  } catch {
    formError(form).textContent = '网络中断，操作可能未完成，请刷新后查看';
    return { ok: false, status: 0, problem: {} };
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}
