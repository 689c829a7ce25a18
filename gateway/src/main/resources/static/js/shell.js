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
};

/**
 * The top bar every role page shares: brand and page title (the role's, unless the page names itself
 * in body[data-page-title]), the user's other workspaces, name, unit, sign-out.
 */
function renderTopbar(user, role) {
  const others = user.roles.filter((r) => r !== role && LANDING_PAGES[r]);
  const nav = el('nav', { id: 'role-nav', class: 'role-nav', 'aria-label': '切换工作台' },
    ...others.map((r) => el('a', { href: LANDING_PAGES[r] }, PAGE_TITLES[r])));
  nav.hidden = others.length === 0;
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
