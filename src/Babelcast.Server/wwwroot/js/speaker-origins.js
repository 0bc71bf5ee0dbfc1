// The address phones use to join: on the server's own screen (localhost) the page shows which LAN address the QR
// code carries and lets the operator pick another one the server detected (GET /api/server/addresses).
import { api } from './api.js';

const $ = (id) => document.getElementById(id);
const ORIGIN_KEY = 'babelcast.joinOrigin';
const KIND_LABELS = { configured: 'configured public address', request: 'this page\u2019s address', lan: 'network address', local: 'this computer only' };

function onLoopbackPage() {
  const host = location.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\./.test(host);
}

function rememberedOrigin() {
  try {
    return localStorage.getItem(ORIGIN_KEY);
  } catch {
    return null;
  }
}

function remember(origin) {
  try {
    localStorage.setItem(ORIGIN_KEY, origin);
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
}

function warningFor(addresses) {
  if (!addresses.listensOnLan) {
    return 'This server listens on this computer only: phones cannot open the link. Restart it with '
      + 'BABELCAST_URL=http://0.0.0.0:5080 (or --urls http://0.0.0.0:5080); see docs/deployment.md.';
  }
  if (addresses.origins.every((o) => o.kind === 'local')) {
    return 'No network address found: connect this computer to the venue\u2019s network (Wi-Fi or cable), then reload.';
  }
  return '';
}

/**
 * Fills the origin picker and calls onChoose(origin|null) with the operator's choice (null = the server's default).
 * Errors leave the picker hidden: the link from the session still works.
 */
export async function setupJoinOrigins(token, onChoose, signal) {
  const field = $('join-origin-field');
  const select = $('join-origin');
  const warning = $('join-origin-warning');
  field.hidden = true;
  warning.hidden = true;
  let addresses;
  try {
    addresses = await api('/api/server/addresses', { token: token(), signal });
  } catch {
    return;
  }
  if (signal.aborted) return;

  const text = warningFor(addresses);
  warning.textContent = text;
  warning.hidden = !text;
  if (!onLoopbackPage() && addresses.origins.length < 2) return;

  select.replaceChildren(...addresses.origins.map((o) => {
    const option = document.createElement('option');
    option.value = o.origin;
    option.textContent = `${o.origin.replace(/^https?:\/\//, '')} (${KIND_LABELS[o.kind] || o.kind})`;
    return option;
  }));
  const saved = rememberedOrigin();
  const initial = addresses.origins.some((o) => o.origin === saved) ? saved : addresses.defaultOrigin;
  select.value = initial;
  field.hidden = false;
  onChoose(initial === addresses.defaultOrigin ? null : initial);
  select.addEventListener('change', () => {
    remember(select.value);
    onChoose(select.value === addresses.defaultOrigin ? null : select.value);
  }, { signal });
}
