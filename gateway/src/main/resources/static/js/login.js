import { landingPageFor, saveSession } from './session.js';

const form = document.getElementById('login-form');
const username = document.getElementById('username');
const password = document.getElementById('password');
const button = document.getElementById('login-button');
const error = document.getElementById('login-error');

/** Seconds to wait from a Retry-After header, which may be a number of seconds or an HTTP date. */
function retryAfterSeconds(header) {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(1, Math.ceil((date - Date.now()) / 1000));
}

async function failureMessage(response) {
  if (response.status === 401) return '用户名或密码错误';
  if (response.status === 429) {
    const seconds = retryAfterSeconds(response.headers.get('Retry-After'));
    return seconds === null ? '尝试次数过多，请稍后再试' : `尝试次数过多，请在 ${seconds} 秒后再试`;
  }
  try {
    const problem = await response.json();
    if (problem.detail) return problem.detail;
  } catch {
    // Not a problem document: use the generic message.
  }
  return `登录失败，请稍后再试（${response.status}）`;
}

function setBusy(busy) {
  button.disabled = busy;
  button.textContent = busy ? '正在登录…' : '登录';
  form.setAttribute('aria-busy', String(busy));
}

function showError(message, field) {
  error.textContent = message;
  if (field) {
    field.setAttribute('aria-invalid', 'true');
    field.focus();
  }
}

async function signIn(event) {
  event.preventDefault();
  error.textContent = '';
  username.removeAttribute('aria-invalid');
  password.removeAttribute('aria-invalid');

  const name = username.value.trim();
  if (!name) return showError('请输入用户名', username);
  if (!password.value) return showError('请输入密码', password);

  setBusy(true);
  let response;
  try {
    response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username: name, password: password.value }),
    });
  } catch {
    setBusy(false);
    return showError('无法连接服务器，请检查网络后重试');
  }

  if (!response.ok) {
    const message = await failureMessage(response);
    setBusy(false);
    password.value = '';
    return showError(message, response.status === 401 ? password : null);
  }

  const session = await response.json().catch(() => null);
  const landing = landingPageFor(session?.user);
  if (!session?.token || !landing) {
    setBusy(false);
    return showError('该账号未分配可用的角色，请联系系统管理员');
  }
  saveSession(session);
  location.replace(landing);
}

form.addEventListener('submit', signIn);

// Coming back to this page from the history must not leave the button stuck.
window.addEventListener('pageshow', (event) => {
  if (event.persisted) setBusy(false);
});
