// The frame of both case pages (bureau workbench, dispatch desk): a queue on the left that
// refreshes itself, the selected case on the right with the actions its state allows. The page
// says which queue (filters, belongs), how its lines look (columns) and what can be done (actions).
import { api, problemMessage } from './session.js';
import {
  PAGE_SIZE, REFRESH_MS, RecentActions, caseDetail, fetchQueue, postAction, renderPager, renderQueue, tickCountdowns,
} from './cases.js';

const $ = (id) => document.getElementById(id);
/** The queue is a read model about a second behind an action; look again once it has caught up. */
const CATCH_UP_MS = 1500;

/**
 * config: filters() → query for the queue; belongs(item) → whether a line still belongs to it;
 * columns() → [{head, cell, class?}]; actions(view, workspace) → nodes; gone → text when a case can
 * no longer be read; showTotal(total) → shows the list's size; afterRefresh(ws)? and readyFlag (the body data
 * attribute set once loaded).
 */
export function startWorkspace(config) {
  const recent = new RecentActions();
  const ws = { page: 0, items: [], total: 0, selected: null, view: null };
  let asked = 0; // only the newest queue answer is shown
  let loads = 0; // #queue[data-loads]: how many answers have been shown, so a test can wait for the next one
  let catchUp = null;
  let opening = 0; // only the case chosen last is shown

  function render() {
    renderQueue($('queue'), ws.items, config.columns(), { selected: ws.selected, onSelect: open });
    renderPager($('pager'), { page: ws.page, size: PAGE_SIZE, total: ws.total }, (page) => {
      ws.page = page;
      refresh();
    });
    config.showTotal(ws.total);
  }

  async function refresh() {
    const number = ++asked;
    try {
      const page = await fetchQueue(config.filters(), ws.page);
      if (number !== asked) return;
      const lastPage = Math.max(Math.ceil(page.total / PAGE_SIZE) - 1, 0);
      if (ws.page > lastPage) { // cases left the queue meanwhile: show its last page
        ws.page = lastPage;
        await refresh();
        return;
      }
      const { items, dropped } = recent.apply(page.items, config.belongs);
      ws.items = items;
      ws.total = Math.max(page.total - dropped, 0);
      $('queue-error').textContent = '';
      render();
      const line = ws.items.find((i) => i.ticketId === ws.selected);
      if (ws.view && line && line.rev > ws.view.rev) {
        open(ws.selected); // someone else changed the case: show it as it is now, not stale actions
      }
      await config.afterRefresh?.(ws);
      $('queue').dataset.loads = String(++loads);
      document.body.dataset[config.readyFlag] = '';
    } catch {
      if (number === asked) $('queue-error').textContent = '工单队列加载失败，将自动重试';
    }
  }

  /** Applies an action's answer to the lines now and looks at the queue again once it has caught up. */
  function actedOn(view) {
    recent.remember(view);
    const { items, dropped } = recent.apply(ws.items, config.belongs);
    ws.items = items;
    ws.total = Math.max(ws.total - dropped, 0);
    render();
    clearTimeout(catchUp);
    catchUp = setTimeout(refresh, CATCH_UP_MS);
  }

  function show(view) {
    ws.view = view;
    ws.selected = view.ticketId;
    const detail = $('case-detail');
    detail.dataset.ticket = view.ticketId;
    detail.dataset.state = view.state;
    detail.replaceChildren(...caseDetail(view).filter(Boolean));
    const actions = $('case-actions');
    const version = `${view.ticketId}@${view.rev}`;
    if (actions.dataset.version !== version) { // the same picture again keeps what the user is typing
      actions.replaceChildren(...config.actions(view, ws).filter(Boolean));
      actions.dataset.version = version;
    }
    document.querySelectorAll('#queue tr[data-ticket]').forEach((tr) => {
      tr.setAttribute('aria-selected', String(tr.dataset.ticket === view.ticketId));
    });
  }

  async function open(ticketId) {
    const mine = ++opening;
    status('');
    const response = await api(`/api/cases/${encodeURIComponent(ticketId)}`);
    if (mine !== opening) return; // another case was chosen meanwhile (e.g. arrow keys held down)
    if (response.ok) {
      show(await response.json());
      return;
    }
    ws.view = null;
    ws.selected = null;
    const detail = $('case-detail');
    delete detail.dataset.ticket;
    delete detail.dataset.state;
    $('case-actions').replaceChildren();
    delete $('case-actions').dataset.version;
    detail.textContent = response.status === 404 ? config.gone : await problemMessage(response, '工单加载失败');
    refresh();
  }

  function status(text) {
    $('case-status').textContent = text;
  }

  /**
   * Posts an action for the selected case from its form. On success the case and its line show the
   * answer at once, with `done(view)` as the message; problems stay at the form.
   */
  async function act(form, action, body, done) {
    status('');
    const result = await postAction(form, `/api/cases/${encodeURIComponent(ws.selected)}/${action}`, body);
    if (result.view) {
      show(result.view);
      actedOn(result.view);
      status(done(result.view));
    }
    return result;
  }

  ws.refresh = refresh;
  ws.act = act;
  ws.open = open;
  ws.status = status;
  /** Back to the first page, e.g. when the filters change. */
  ws.restart = () => {
    ws.page = 0;
    refresh();
  };

  $('refresh-button').addEventListener('click', refresh);
  setInterval(refresh, REFRESH_MS);
  setInterval(tickCountdowns, REFRESH_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') refresh();
  });
  document.addEventListener('keydown', (event) => {
    if (event.altKey && event.key === '1') {
      event.preventDefault();
      (document.querySelector('#queue tr[aria-selected="true"] .ticket-button')
        ?? document.querySelector('#queue .ticket-button'))?.focus();
    } else if (event.altKey && event.key === '2') {
      event.preventDefault();
      $('case-detail').focus();
    } else if (event.ctrlKey && event.key === 'Enter') {
      const form = event.target.closest?.('form.action-form');
      if (form) {
        event.preventDefault();
        form.requestSubmit();
      }
    }
  });
  return ws;
}
