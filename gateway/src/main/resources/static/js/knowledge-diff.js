// Two versions of a knowledge article (知识库) side by side: one row per field, the changed ones marked,
// and in changed texts what was taken out (del) and put in (ins), character by character.
import { el } from './dom.js';
import { nameOf } from './reference.js';
import { time } from './cases.js';
import { STATUS, unitName } from './knowledge-common.js';

/** [field, label, how a value reads]; texts are diffed within, the others compared whole. */
export const FIELDS = [
  ['title', '标题', (v) => v ?? '', true],
  ['questions', '常见问法', (v) => (v ?? []).join('\n'), true],
  ['answer', '答复口径', (v) => v ?? '', true],
  ['source', '政策依据', (v) => v ?? '', true],
  ['category', '问题分类', (v) => (v ? nameOf('category', v) : '')],
  ['unitId', '责任单位', (v) => unitName(v)],
  ['validFrom', '生效时间', (v) => time(v)],
  ['validUntil', '失效时间', (v) => time(v)],
  ['status', '状态', (v) => STATUS[v] ?? v ?? ''],
];

/** The largest middle part (after the common start and end) compared character by character. */
const MAX_CELLS = 4_000_000;

/**
 * The edit from a to b as [{kind: 'same'|'del'|'ins', text}]: the common start and end are kept
 * whole, the middle is diffed by longest common subsequence (or replaced whole when too long).
 */
export function textDiff(a, b) {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  const parts = [{ kind: 'same', text: a.slice(0, start) }];
  parts.push(...middleDiff(a.slice(start, a.length - end), b.slice(start, b.length - end)));
  parts.push({ kind: 'same', text: a.slice(a.length - end) });
  return merge(parts.filter((p) => p.text));
}

function middleDiff(a, b) {
  if (!a || !b || a.length * b.length > MAX_CELLS) return [{ kind: 'del', text: a }, { kind: 'ins', text: b }];
  const n = a.length;
  const m = b.length;
  const lcs = new Uint16Array((n + 1) * (m + 1)); // lcs[i][j]: of a[i..] and b[j..]
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lcs[i * (m + 1) + j] = a[i] === b[j]
        ? lcs[(i + 1) * (m + 1) + j + 1] + 1
        : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
    }
  }
  const parts = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      parts.push({ kind: 'same', text: a[i] });
      i += 1;
      j += 1;
    } else if (lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) {
      parts.push({ kind: 'del', text: a[i] });
      i += 1;
    } else {
      parts.push({ kind: 'ins', text: b[j] });
      j += 1;
    }
  }
  if (i < n) parts.push({ kind: 'del', text: a.slice(i) });
  if (j < m) parts.push({ kind: 'ins', text: b.slice(j) });
  return parts;
}

function merge(parts) {
  return parts.reduce((merged, part) => {
    const last = merged.at(-1);
    if (last?.kind === part.kind) last.text += part.text;
    else merged.push({ ...part });
    return merged;
  }, []);
}

/** One side of a diffed text: what it shares with the other side plain, its own part marked. */
function side(parts, own) {
  const tag = own === 'del' ? 'del' : 'ins';
  return parts.filter((p) => p.kind === 'same' || p.kind === own)
    .map((p) => (p.kind === 'same' ? document.createTextNode(p.text) : el(tag, {}, p.text)));
}

/**
 * A table comparing two versions (or a version and a proposal): field, left, right; changed rows
 * carry class "changed" and data-changed, texts show their deletions and insertions.
 */
export function diffTable(left, right, { leftLabel, rightLabel, fields = FIELDS, id = 'version-diff' } = {}) {
  const rows = fields.map(([name, label, read, isText]) => {
    const a = read(left[name]);
    const b = read(right[name]);
    const changed = a !== b;
    let cells = [a, b];
    if (changed && isText) {
      const parts = textDiff(a, b);
      cells = [side(parts, 'del'), side(parts, 'ins')];
    }
    const row = el('tr', { 'data-field': name },
      el('th', { scope: 'row' }, label),
      el('td', { class: 'diff-text' }, ...[cells[0]].flat()),
      el('td', { class: 'diff-text' }, ...[cells[1]].flat()));
    if (changed) {
      row.classList.add('changed');
      row.dataset.changed = '';
    }
    return row;
  });
  return el('table', { id, class: 'diff-table' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, '字段'), el('th', { scope: 'col' }, leftLabel),
      el('th', { scope: 'col' }, rightLabel))),
    el('tbody', {}, ...rows));
}
