// Small HTTP helpers for the Babelcast API: JSON in/out, problem+json errors as ApiError with a stable code.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem?.code || `HTTP_${status}`;
    this.problem = problem || {};
    this.retryAfter = problem?.retryAfter;
  }
}

async function readProblem(response) {
  try {
    return await response.json();
  } catch {
    return { title: response.statusText };
  }
}

/** fetch + JSON. options: {method, body (object), token}. Returns the parsed body or null for 204. */
export async function api(path, { method = 'GET', body, token, signal } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
    cache: 'no-store',
  });
  if (!response.ok) {
    const problem = await readProblem(response);
    if (problem && problem.retryAfter === undefined) {
      const retry = Number(response.headers.get('Retry-After'));
      if (Number.isFinite(retry) && retry > 0) problem.retryAfter = retry;
    }
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

/** Downloads a protected file (Bearer header) by turning the response into a blob link. */
export async function downloadWithToken(path, token, fallbackName) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const name = match ? decodeURIComponent(match[1]) : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** ws:// or wss:// URL on this origin. */
export function wsUrl(path) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path}`;
}
