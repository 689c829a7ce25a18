// Proposals (提议) to the knowledge base: a bureau proposes a new article or a correction of one of its
// own unit's articles; an editor accepts or rejects it (knowledge-editor.js). Both read it here, a
// correction side by side with the article as it stands.
import { el } from './dom.js';
import { nameOf } from './reference.js';
import { time } from './cases.js';
import { PROPOSAL_STATUS, fetchArticle, unitName } from './knowledge-common.js';
import { diffTable } from './knowledge-diff.js';
import { PROPOSED_FIELDS, proposalDecision } from './knowledge-editor.js';
import { articleFields, errorLine, send } from './knowledge-forms.js';

/** The form of a proposal: a new article (base null) or a correction of `base`, for the caller's unit. */
export function proposalForm(base, kb) {
  const [fields, read] = articleFields(base, { categories: kb.categories });
  const note = el('textarea', { id: 'kb-note', name: 'note', 'data-field': 'note', rows: '2', maxlength: '1000' });
  const form = el('form', { id: 'proposal-form', class: 'action-form kb-form', novalidate: '' },
    el('h2', {}, base ? `提议修改: ${base.title}` : '提议新条目'),
    el('p', { class: 'muted' }, `以${kb.user.unitName ?? '本单位'}名义提交, 知识库管理员审核采纳后生效。`),
    ...fields,
    el('div', { class: 'field' }, el('label', { for: 'kb-note' }, base ? '修改说明 (改了什么, 为什么)' : '说明'), note),
    errorLine(),
    el('div', { class: 'actions' },
      el('button', { id: 'submit-proposal', class: 'button button-primary', type: 'submit' }, '提交提议'),
      el('button', { class: 'button button-secondary', type: 'button', onclick: () => (base ? kb.showArticle(base.id) : kb.clearDetail()) }, '取消')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { articleId: base?.id ?? null, ...read(), note: note.value.trim() || null };
    const result = await send(form, 'POST', '/api/knowledge/proposals', body);
    if (result.ok) {
      kb.openSection('proposals');
      kb.showProposal({ ...body, correction: Boolean(base), id: result.body.id, status: result.body.status, unitId: kb.user.unitId,
        proposedBy: kb.user.displayName ?? kb.user.username, proposedAt: new Date().toISOString() }, `提议已提交 (${result.body.id}), 等待知识库管理员审核`);
    }
  });
  return form;
}

function facts(proposal) {
  const rows = [
    ['类型', proposal.correction ? `修改条目 ${proposal.articleId}` : '新条目'],
    ['提议单位', unitName(proposal.unitId)],
    ['提议人', `${proposal.proposedBy ?? ''} ${time(proposal.proposedAt)}`],
    ['状态', PROPOSAL_STATUS[proposal.status] ?? proposal.status],
  ];
  if (proposal.note) rows.push(['说明', proposal.note]);
  if (proposal.decidedBy || proposal.decidedAt) rows.push(['处理', `${proposal.decidedBy ?? ''} ${time(proposal.decidedAt)}`]);
  if (proposal.reason) rows.push(['驳回理由', proposal.reason]);
  if (proposal.resultVersion) rows.push(['结果', `条目 ${proposal.articleId ?? ''} 第 ${proposal.resultVersion} 版`]);
  return el('dl', { class: 'article-facts' }, ...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

function proposedContent(proposal) {
  return el('dl', { class: 'article-facts' },
    el('dt', {}, '标题'), el('dd', {}, proposal.title ?? ''),
    el('dt', {}, '常见问法'), el('dd', {}, el('ul', { class: 'questions' }, ...(proposal.questions ?? []).map((q) => el('li', {}, q)))),
    el('dt', {}, '答复口径'), el('dd', { class: 'article-text' }, proposal.answer ?? ''),
    el('dt', {}, '政策依据'), el('dd', {}, proposal.source || '—'),
    el('dt', {}, '问题分类'), el('dd', {}, nameOf('category', proposal.category) || '—'));
}

/** A proposal's detail nodes; a correction is compared with its article, a pending one offers an editor's decision. */
export async function proposalDetail(proposal, kb) {
  const nodes = [
    el('h2', { id: 'proposal-heading' }, `提议: ${proposal.title ?? ''}`),
    facts(proposal),
  ];
  const current = proposal.correction && proposal.status === 'PENDING' ? (await fetchArticle(proposal.articleId)).article : null;
  if (current) {
    nodes.push(el('h3', {}, '与现行条目对比'), diffTable(current, proposal, {
      leftLabel: `现行 第 ${current.version} 版`, rightLabel: '提议', fields: PROPOSED_FIELDS, id: 'proposal-diff',
    }));
  } else {
    nodes.push(el('h3', {}, '提议内容'), proposedContent(proposal));
  }
  if (kb.editor && proposal.status === 'PENDING') nodes.push(proposalDecision(proposal, kb));
  return nodes;
}
