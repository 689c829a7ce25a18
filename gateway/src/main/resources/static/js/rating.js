// A citizen's rating (SPEC §2 回访): 满意 / 基本满意 / 不满意, an optional 1–5 score, whether the
// problem was solved, and a comment. The same controls serve the citizen's rating page (rate.js,
// no sign-in: this module must not import session.js) and the operators' return-visit desk (visits.js).
import { el } from './dom.js';

export const SATISFACTION = { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', DISSATISFIED: '不满意' };
export const COMMENT_MAX = 1000;

/**
 * A row of toggle buttons choosing one value for an API field. `optional` lets a second press clear
 * the choice; `stars` lights every button up to the chosen one. Fires `change` on the row.
 */
export function choice(field, options, { label, optional = false, stars = false }) {
  let value = null;
  const buttons = options.map(([, text, attrs]) => el('button', { type: 'button', class: 'choice', 'aria-pressed': 'false', ...attrs }, text));
  const node = el('div', { class: `choices choices-${field}`, role: 'group', 'aria-label': label, 'data-field': field }, ...buttons);
  function set(next) {
    value = next;
    buttons.forEach((b, i) => {
      b.setAttribute('aria-pressed', String(options[i][0] === next));
      if (stars) b.classList.toggle('lit', next !== null && options[i][0] <= next);
    });
    node.dispatchEvent(new Event('change', { bubbles: true }));
  }
  buttons.forEach((b, i) => b.addEventListener('click', () => set(optional && value === options[i][0] ? null : options[i][0])));
  return { node, set, get value() { return value; } };
}

/** The rating's controls; `prefix` names the comment box (#<prefix>-comment). */
export function ratingFields(prefix) {
  const satisfaction = choice('satisfaction', Object.entries(SATISFACTION).map(([code, text]) => [code, text, { 'data-satisfaction': code }]),
    { label: '满意程度' });
  const score = choice('score', [1, 2, 3, 4, 5].map((n) => [n, '★', { 'data-score': String(n), 'aria-label': `${n} 星`, title: `${n} 星` }]),
    { label: '评分（1–5 星）', optional: true, stars: true });
  const solved = choice('solved', [[true, '已解决', { 'data-solved': 'true' }], [false, '未解决', { 'data-solved': 'false' }]],
    { label: '问题是否解决', optional: true });
  const comment = el('textarea', { id: `${prefix}-comment`, 'data-field': 'comment', rows: '3', maxlength: String(COMMENT_MAX) });
  const count = el('span', { class: 'hint' }, `0/${COMMENT_MAX}`);
  comment.addEventListener('input', () => { count.textContent = `${comment.value.length}/${COMMENT_MAX}`; });
  return {
    satisfaction, score, solved, comment, count,
    values: () => ({
      satisfaction: satisfaction.value, score: score.value, solved: solved.value, comment: comment.value.trim() || null,
    }),
  };
}

/** What to tell a person about a refused field, whatever the server's wording. */
export const FIELD_HINTS = {
  satisfaction: '请选择满意程度',
  score: '评分须为 1 至 5 星',
  solved: '请选择问题是否解决',
  comment: `意见最多 ${COMMENT_MAX} 字`,
};

export function clearFieldErrors(root) {
  root.querySelectorAll('.field-error').forEach((e) => e.remove());
  root.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

/**
 * Marks each refused field ([data-field]) with a hint, focuses the first; returns the problems no
 * field on the page could show, e.g. the token's.
 */
export function showFieldErrors(root, errors, hints = FIELD_HINTS) {
  const unplaced = [];
  let first = null;
  errors.forEach(({ field, message }) => {
    const control = root.querySelector(`[data-field="${CSS.escape(field)}"]`);
    if (!control) {
      unplaced.push(message);
      return;
    }
    control.setAttribute('aria-invalid', 'true');
    control.after(el('span', { class: 'field-error' }, hints[field] ?? message));
    first ??= control;
  });
  (first?.querySelector('button') ?? first)?.focus();
  return unplaced;
}
