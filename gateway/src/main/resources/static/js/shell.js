// The frame of every role page: guards it, names the user, offers the user's other
// workspaces and signs out. The page's own scripts import from session.js.
import { LANDING_PAGES, requireRole, signOut, watchExpiry } from './session.js';

const PAGE_TITLES = {
  OPERATOR: '接线员工作台',
  DISPATCHER: '派单员工作台',
  BUREAU: '承办单位工作台',
  LEADER: '领导驾驶舱',
  ADMIN: '系统管理',
};

function showUser(user, role) {
  document.getElementById('user-name').textContent = user.displayName || user.username;
  const unit = document.getElementById('user-unit');
  unit.textContent = user.unitName ?? '';
  unit.hidden = !user.unitName;

  const others = user.roles.filter((r) => r !== role && LANDING_PAGES[r]);
  const nav = document.getElementById('role-nav');
  nav.replaceChildren(...others.map((r) => {
    const link = document.createElement('a');
    link.href = LANDING_PAGES[r];
    link.textContent = PAGE_TITLES[r];
    return link;
  }));
  nav.hidden = others.length === 0;
}

function start() {
  const role = document.body.dataset.role;
  const user = requireRole(role);
  if (!user) return;
  showUser(user, role);
  document.body.dataset.ready = '';
  watchExpiry();
}

document.getElementById('logout-button').addEventListener('click', (event) => {
  event.currentTarget.disabled = true;
  signOut();
});

// A page restored from the back/forward cache skips module scripts; check it again.
window.addEventListener('pageshow', (event) => {
  if (event.persisted) {
    document.getElementById('logout-button').disabled = false;
    start();
  }
});

start();
