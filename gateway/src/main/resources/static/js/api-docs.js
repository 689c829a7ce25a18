// 接口文档: the merged OpenAPI contract (GET /api-docs, signed-in users), rendered with Swagger UI.
// "Try it out" sends the session's own token, so a call does exactly what this user may do.
import { api, currentUser, getToken, problemMessage } from './session.js';

const status = document.getElementById('docs-status');

function withToken(request) {
  const token = getToken();
  if (token) request.headers.Authorization = `Bearer ${token}`;
  return request;
}

function offerDownload(contract) {
  const link = document.getElementById('docs-download');
  link.href = URL.createObjectURL(new Blob([JSON.stringify(contract, null, 2)], { type: 'application/json' }));
  link.hidden = false;
}

async function load() {
  if (!currentUser()) return; // shell.js sends the visitor to sign in
  const response = await api('/api-docs');
  if (!response.ok) {
    status.textContent = `接口文档暂不可用：${await problemMessage(response, '请稍后再试')}`;
    return;
  }
  const contract = await response.json();
  offerDownload(contract);
  status.textContent = `${Object.keys(contract.paths ?? {}).length} 个路径 · OpenAPI ${contract.openapi}`;
  window.SwaggerUIBundle({
    spec: contract,
    domNode: document.getElementById('swagger-ui'),
    deepLinking: true,
    docExpansion: 'list', // each part's operations listed, each operation closed until opened
    defaultModelsExpandDepth: 0,
    requestInterceptor: withToken,
  });
}

// The bundle is a classic deferred script: it has run once the document is parsed, before this module.
load();
