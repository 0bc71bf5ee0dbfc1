// Caption display (/display/{sessionId}?lang=es,fr): large live captions for a room screen or a video mixer's browser
// source (&background=transparent). No controls: it joins by itself, shows one column per language, and recovers
// by itself from a server restart or a dropped link. Settings come from the address (display-options.js).
import { api } from './api.js';
import { DisplayColumn } from './display-column.js';
import { readDisplayOptions } from './display-options.js';
import { browserUiLanguage, onUiLanguageChange, setUiLanguage, supportedUiLanguage, t } from './i18n.js';
import { autonym, rememberNames } from './languages.js';

const $ = (id) => document.getElementById(id);
const options = readDisplayOptions(location);
document.documentElement.classList.add(options.transparent ? 'transparent' : 'opaque');

let columns = [];
let state = 'loading';
let problem = null; // () => string
let loadAttempt = 0;

window.babelcast = {
  get state() { return state; },
  get problem() { return $('problem').hidden ? '' : $('problem').textContent; },
  get columns() { return columns.map((c) => c.snapshot()); },
  get languages() { return columns.map((c) => c.language); },
  sessionId: options.sessionId,
  dropConnection() { for (const c of columns) c.socket.drop(); },
};

function showProblem(text) {
  problem = text;
  $('problem').textContent = text();
  $('problem').hidden = false;
}

function clearProblem() {
  problem = null;
  $('problem').hidden = true;
}

/** The page's one status line: what every column is doing, worst first. */
function updateStatus() {
  const states = columns.map((c) => c.state);
  if (states.length && states.every((s) => s === 'ended' || s === 'stopped')) {
    state = states.includes('ended') ? 'ended' : 'stopped';
  } else if (states.some((s) => s === 'reconnecting' || s === 'connecting')) {
    state = states.includes('reconnecting') ? 'reconnecting' : 'connecting';
  } else if (states.length) {
    state = columns.some((c) => c.paused) ? 'paused' : 'live';
  }
  const text = {
    ended: () => t('display.ended'),
    reconnecting: () => t('display.reconnecting'),
    paused: () => t('display.paused'),
  }[state];
  $('status').textContent = text ? text() : '';
  $('status').dataset.state = state;
}

async function load() {
  if (!options.validSession) {
    state = 'notFound';
    showProblem(() => t('error.invalidSessionId'));
    return;
  }
  let session;
  try {
    session = await api(`/api/sessions/${encodeURIComponent(options.sessionId)}`);
  } catch (e) {
    if (e.status === 404 || e.status === 400) {
      state = 'notFound';
      showProblem(() => t('error.sessionNotFound'));
      return;
    }
    // The screen may start before the server: keep trying with a growing pause, as the sockets do.
    state = 'reconnecting';
    showProblem(() => t('card.unreachable'));
    $('status').textContent = t('display.reconnecting');
    const delay = Math.min(15_000, 1000 * 2 ** loadAttempt++);
    setTimeout(load, delay / 2 + Math.random() * (delay / 2));
    return;
  }
  clearProblem();
  try {
    const langs = await api('/api/languages');
    rememberNames(langs.targets);
    rememberNames(langs.sources);
  } catch {
    // names come from the browser
  }
  if (session.status === 'ended') {
    state = 'ended';
    $('status').textContent = t('display.ended');
    return;
  }
  start(session);
}

function start(session) {
  const offered = (session.targetLanguages?.length ? session.targetLanguages : [session.sourceLanguage]).map((c) => c.toLowerCase());
  const wanted = options.languages.length ? options.languages : [session.sourceLanguage.toLowerCase()];
  const shown = wanted.filter((c) => offered.includes(c));
  const missing = [...options.malformed, ...wanted.filter((c) => !offered.includes(c))];
  if (missing.length) {
    showProblem(() => t('display.unsupported', { languages: missing.join(', '), offered: offered.join(', ') }));
  }
  $('columns').dataset.count = String(shown.length);
  columns = shown.map((language) => new DisplayColumn({
    sessionId: session.sessionId,
    language,
    label: shown.length > 1 ? autonym(language) : null,
    waitingText: () => t('display.waiting'),
    onChange: updateStatus,
    onStop,
  }));
  $('columns').replaceChildren(...columns.map((c) => c.element));
  for (const column of columns) column.start();
  if (options.showJoin && session.joinUrl && shown.length) showJoin(session);
  updateStatus();
}

function onStop(error, language) {
  if (error.code === 'SESSION_ENDED') return;
  if (error.code === 'UNSUPPORTED_LANGUAGE') {
    const offered = (error.supportedLanguages || []).join(', ');
    showProblem(() => t('display.unsupported', { languages: language, offered }));
  } else {
    // The session vanished: every column gets the same answer.
    showProblem(() => t('error.sessionNotFound'));
  }
}

function showJoin(session) {
  const qr = $('join-qr');
  qr.addEventListener('error', () => { qr.hidden = true; }, { once: true });
  qr.src = `/api/sessions/${encodeURIComponent(session.sessionId)}/qr.svg`;
  $('join-text').textContent = t('display.joinAt', { url: session.joinUrl });
  $('join').dataset.url = session.joinUrl;
  $('join').hidden = false;
}

function rerender() {
  if (problem) $('problem').textContent = problem();
  if (!$('join').hidden) $('join-text').textContent = t('display.joinAt', { url: $('join').dataset.url });
  for (const column of columns) column.showWaiting();
  updateStatus();
}

window.addEventListener('online', () => { for (const c of columns) c.socket.retryNow(); });
await setUiLanguage(supportedUiLanguage(options.ui) || browserUiLanguage());
onUiLanguageChange(rerender);
document.title = `Babelcast – ${options.sessionId}`;
load();
