// The frame of every role page: guards it, names the user, offers the user's other
// workspaces and signs out. The page's own scripts import from session.js.
import { LANDING_PAGES, requireRole, signOut, watchExpiry } from './session.js';
import { el } from './dom.js';

const PAGE_TITLES = {
  OPERATOR: '接线员工作台',
  DISPATCHER: '派单员工作台',
  BUREAU: '承办单位工作台',
  LEADER: '领导驾驶舱',
  ADMIN: '系统管理',
  KNOWLEDGE_EDITOR: '知识库',
};
/** Every signed-in role may search the knowledge base (知识库), so every page links to it. */
const KNOWLEDGE_PAGE = '/knowledge.html';
/**
 * A role's pages that link to each other: the leader's dashboard and governance topics (每月一题); the admin's
 * console and the API contract (接口文档) partners integrate against.
 */
const ROLE_PAGES = {
  LEADER: [{ id: 'leader-link', href: '/leader.html', text: PAGE_TITLES.LEADER }, { id: 'topics-link', href: '/topics.html', text: '每月一题' }],
  ADMIN: [{ id: 'admin-link', href: '/admin.html', text: PAGE_TITLES.ADMIN }, { id: 'api-docs-link', href: '/api-docs.html', text: '接口文档' }],
};

/** Links to the role's other pages, the user's workspaces other than this page, and the knowledge base. */
function navLinks(user, role) {
  const here = location.pathname;
  const links = (ROLE_PAGES[role] ?? []).filter((p) => p.href !== here).map((p) => el('a', { id: p.id, href: p.href }, p.text));
  links.push(...user.roles.filter((r) => r !== role && LANDING_PAGES[r] && LANDING_PAGES[r] !== here)
    .map((r) => el('a', { href: LANDING_PAGES[r] }, PAGE_TITLES[r])));
  if (here !== KNOWLEDGE_PAGE && !user.roles.some((r) => LANDING_PAGES[r] === KNOWLEDGE_PAGE)) {
    links.push(el('a', { id: 'knowledge-link', href: KNOWLEDGE_PAGE }, '知识库'));
  }
  return links;
}

/**
 * The top bar every role page shares: brand and page title (the role's, unless the page names itself
 * in body[data-page-title]), the user's other workspaces and the knowledge base, name, unit, sign-out.
 */
function renderTopbar(user, role) {
  const links = navLinks(user, role);
  const nav = el('nav', { id: 'role-nav', class: 'role-nav', 'aria-label': '切换工作台' }, ...links);
  nav.hidden = links.length === 0;
  const unit = el('span', { id: 'user-unit', class: 'user-unit' }, user.unitName ?? '');
  unit.hidden = !user.unitName;
  const logout = el('button', {
    id: 'logout-button', class: 'button button-secondary', type: 'button',
    onclick: () => {
      logout.disabled = true;
      signOut();
    },
  }, '退出登录');
  document.querySelector('header.topbar').replaceChildren(
    el('div', { class: 'topbar-title' },
      el('span', { class: 'brand' }, '12345 市民热线 · 城市管理工单平台'),
      el('h1', { id: 'page-title' }, document.body.dataset.pageTitle ?? PAGE_TITLES[role])),
    nav,
    el('div', { class: 'topbar-user' },
      el('span', { id: 'user-name', class: 'user-name' }, user.displayName || user.username), unit, logout));
}

function start() {
  const role = document.body.dataset.role;
  const user = requireRole(role);
  if (!user) return;
  renderTopbar(user, role);
  document.body.dataset.ready = '';
  watchExpiry();
}

// A page restored from the back/forward cache skips module scripts; check it again.
window.addEventListener('pageshow', (event) => {
  if (event.persisted) start();
});

start();
