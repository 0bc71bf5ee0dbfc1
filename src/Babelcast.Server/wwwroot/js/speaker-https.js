// The HTTPS address of this server and its certificate fingerprint, for the operator: a speaker's laptop that is not
// the server needs HTTPS for the microphone, and with a self-signed certificate the browser's warning is checked by
// comparing this fingerprint with the one the browser shows.
import { api } from './api.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function addresses(info) {
  // Opened from another machine: the same host name works over HTTPS too. On the server itself: its LAN addresses.
  if (!LOOPBACK.has(location.hostname)) return [`https://${location.hostname}:${info.port}/`];
  return info.urls?.length ? info.urls : [`https://${location.hostname}:${info.port}/`];
}

/** Fills element with "HTTPS: <links> — certificate fingerprint SHA-256 AB:CD:…", or hides it when HTTPS is off. */
export async function showHttpsInfo(element, token) {
  let info = null;
  try {
    info = await api('/api/server/https', { token });
  } catch {
    info = null;
  }
  if (!info || info.mode === 'off' || !info.sha256) {
    element.hidden = true;
    return;
  }
  const parts = ['HTTPS: '];
  addresses(info).forEach((url, i) => {
    if (i > 0) parts.push(', ');
    const link = document.createElement('a');
    link.href = url;
    link.textContent = url;
    link.rel = 'noopener';
    parts.push(link);
  });
  const fingerprint = document.createElement('code');
  fingerprint.className = 'fingerprint';
  fingerprint.textContent = info.sha256;
  parts.push(` — ${info.mode === 'self-signed' ? 'self-signed ' : ''}certificate fingerprint SHA-256 `, fingerprint);
  element.replaceChildren(...parts);
  element.hidden = false;
}
