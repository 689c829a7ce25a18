// Session shared by every page: the token and user from sign-in, kept in sessionStorage
// so that closing the tab signs the user out.

const TOKEN_KEY = 'hotline.token';
const USER_KEY = 'hotline.user';
const EXPIRES_KEY = 'hotline.expiresAt';

export const SIGN_IN_PAGE = '/index.html';

export const LANDING_PAGES = {
  OPERATOR: '/operator.html',
  DISPATCHER: '/dispatcher.html',
  BUREAU: '/bureau.html',
  LEADER: '/leader.html',
  ADMIN: '/admin.html',
  KNOWLEDGE_EDITOR: '/knowledge.html',
};

/** body[data-role] of a page every signed-in user may open (the knowledge base, 知识库). */
export const ANY_ROLE = 'ANY';

export const ROLE_NAMES = {
  OPERATOR: '接线员',
  DISPATCHER: '派单员',
  BUREAU: '承办单位',
  LEADER: '领导',
  ADMIN: '系统管理员',
  KNOWLEDGE_EDITOR: '知识库管理员',
};

export function saveSession({ token, expiresAt, user }) {
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(USER_KEY, JSON.stringify(user));
  if (expiresAt) sessionStorage.setItem(EXPIRES_KEY, expiresAt);
}

export function clearSession() {
  sessionStorage.clear();
}

export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function getUser() {
  try {
    const user = JSON.parse(sessionStorage.getItem(USER_KEY));
    return user && Array.isArray(user.roles) ? user : null;
  } catch {
    return null;
  }
}

/** Milliseconds since the epoch at which the token expires, or null if that cannot be told. */
export function tokenExpiry(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
    const { exp } = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof exp === 'number') return exp * 1000;
  } catch {
    // Not a readable JWT: fall back to the expiry the login response gave.
  }
  const expiresAt = Date.parse(sessionStorage.getItem(EXPIRES_KEY) ?? '');
  return Number.isNaN(expiresAt) ? null : expiresAt;
}

/** The signed-in user, or null when there is no session or it has expired. */
export function currentUser() {
  const token = getToken();
  const user = getUser();
  if (!token || !user) return null;
  const expiry = tokenExpiry(token);
  if (expiry === null || expiry <= Date.now()) return null;
  return user;
}

/** The landing page of the user's first role that has one. */
export function landingPageFor(user) {
  const role = (user?.roles ?? []).find((r) => LANDING_PAGES[r]);
  return role ? LANDING_PAGES[role] : null;
}

function toSignIn() {
  clearSession();
  location.replace(SIGN_IN_PAGE);
}

/**
 * Lets the page show only to a signed-in user with the given role (any role for ANY_ROLE); otherwise
 * sends the browser to the sign-in page or the user's own landing page and returns null.
 */
export function requireRole(role) {
  const user = currentUser();
  if (!user) {
    toSignIn();
    return null;
  }
  if (role !== ANY_ROLE && !user.roles.includes(role)) {
    const own = landingPageFor(user);
    if (own) location.replace(own);
    else toSignIn();
    return null;
  }
  return user;
}

/** Sends the user to the sign-in page the moment the token expires. */
export function watchExpiry() {
  const expiry = tokenExpiry(getToken() ?? '');
  if (expiry === null) return;
  // setTimeout fires at once for delays beyond 2^31-1 ms, so cap it.
  const delay = Math.min(Math.max(expiry - Date.now(), 0), 2 ** 31 - 1);
  setTimeout(() => {
    if (!currentUser()) toSignIn();
  }, delay);
}

/**
 * fetch() for the API with the bearer token. A plain-object body is sent as JSON.
 * Resolves to the Response; on 401 the session is over, so it signs out and never resolves.
 */
export async function api(path, options = {}) {
  const headers = new Headers(options.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json'); // downloads ask for their own type
  const token = getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let body = options.body;
  if (body !== undefined && body !== null && Object.getPrototypeOf(body) === Object.prototype) {
    body = JSON.stringify(body);
    headers.set('Content-Type', 'application/json');
  }
  const response = await fetch(path, { ...options, headers, body });
  if (response.status === 401) {
    toSignIn();
    return new Promise(() => {});
  }
  return response;
}

/** A message for the user from a failed response: the problem's detail, else the fallback. */
export async function problemMessage(response, fallback = '操作失败，请稍后再试') {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || fallback;
  } catch {
    return fallback;
  }
}

export async function signOut() {
  const token = getToken();
  if (token) {
    try {
      // The server side may be slow or down; do not keep the user waiting on it.
      await fetch('/api/auth/logout', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(3000),
      });
    } catch {
      // Signing out locally is what matters.
    }
  }
  toSignIn();
}
