// Listener page (/join/{sessionId}): no sign-in; pick a language, start listening, live captions + translated voice.
import { api, wsUrl } from './api.js';
import { Banners } from './banners.js';
import { CaptionView } from './caption-view.js';
import { fillLanguageSelect, languageName, pickDefaultLanguage, rememberNames } from './languages.js';
import { PhrasePlayer } from './phrase-player.js';
import { ReconnectingSocket } from './reconnecting-socket.js';
import { setupDisplayControls } from './listener-display.js';

const $ = (id) => document.getElementById(id);
const LANGUAGE_KEY = 'babelcast.language';
const STOP_CODES = new Set(['SESSION_NOT_FOUND', 'INVALID_SESSION_ID', 'MISSING_SESSION_ID', 'SESSION_ENDED']);

const sessionId = sessionIdFromLocation();
const banners = new Banners($('banners'));
const view = new CaptionView($('captions'), {
  announcer: $('announcer'),
  jumpButton: $('jump-live'),
  emptyText: 'Waiting for the speaker…',
});
const player = new PhrasePlayer({ onCatchUp: ({ skipped }) => showNotice(`Skipped ${skipped} phrase${skipped > 1 ? 's' : ''} to catch up with live.`) });

let socket = null;
let language = null;
let targets = [];
let joined = false;
let playReplayAfterSeq = Infinity;
let pendingAudio = null;
let state = 'loading';
let noticeTimer = 0;

window.babelcast = {
  get finalCaptions() { return view.finals; },
  get audioScheduledSeconds() { return player.scheduledSeconds; },
  get audioDecodedCount() { return player.decodedCount; },
  get audioSkippedCount() { return player.skippedCount; },
  get state() { return state; },
  get reconnects() { return socket ? socket.reconnects : 0; },
  get lastSeq() { return view.lastFinalSeq; },
  get language() { return language; },
  sessionId,
  dropConnection() { socket?.drop(); },
};

function sessionIdFromLocation() {
  const m = /^\/join\/([^/?#]+)/.exec(location.pathname);
  if (m) return decodeURIComponent(m[1]);
  return new URLSearchParams(location.search).get('session') || '';
}

function setState(next, label = next) {
  state = next;
  const pill = $('state-pill');
  pill.className = `pill ${next.toLowerCase()}`;
  pill.textContent = label;
}

function showStateCard(title, message) {
  $('state-card').hidden = false;
  $('state-title').textContent = title;
  $('state-message').textContent = message;
}

function showNotice(text) {
  const n = $('catchup-notice');
  n.textContent = text;
  n.hidden = false;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => { n.hidden = true; }, 5000);
}

async function load() {
  $('session-id').textContent = sessionId;
  if (!/^[a-z]+-[a-z]+-[0-9]{3}$/.test(sessionId)) {
    setState('notFound', 'Not found');
    showStateCard('Session not found', 'This link does not contain a valid session id. Check the code on the screen.');
    return;
  }
  let session;
  try {
    session = await api(`/api/sessions/${encodeURIComponent(sessionId)}`);
  } catch (e) {
    if (e.status === 404 || e.status === 400) {
      setState('notFound', 'Not found');
      showStateCard('Session not found', `There is no session “${sessionId}”. Check the code on the screen.`);
    } else {
      setState('error', 'Error');
      showStateCard('Cannot reach the server', `${e.message}. Reload the page to try again.`);
    }
    return;
  }
  try {
    const langs = await api('/api/languages');
    rememberNames(langs.targets);
    rememberNames(langs.sources);
  } catch {
    // names fall back to the browser's
  }
  if (session.status === 'ended') {
    showEnded();
    return;
  }
  targets = session.targetLanguages?.length ? session.targetLanguages : [session.sourceLanguage];
  const requested = new URLSearchParams(location.search).get('lang');
  const saved = localStorage.getItem(LANGUAGE_KEY);
  language = [requested, saved].find((c) => c && targets.includes(c)) || pickDefaultLanguage(targets);
  fillLanguageSelect($('setup-language'), targets, language);
  fillLanguageSelect($('live-language'), targets, language);
  setState(session.status === 'paused' ? 'paused' : 'ready', session.status === 'paused' ? 'Paused' : 'Live');
  showStateCard(
    session.status === 'paused' ? 'The speaker has paused' : 'The session is live',
    `Spoken in ${languageName(session.sourceLanguage)}. ${session.listenerCount ?? 0} listening now.`,
  );
  $('setup').hidden = false;
}

function start() {
  language = $('setup-language').value;
  localStorage.setItem(LANGUAGE_KEY, language);
  fillLanguageSelect($('live-language'), targets, language);
  player.unlock();
  $('setup').hidden = true;
  $('state-card').hidden = true;
  $('live').hidden = false;
  socket = new ReconnectingSocket({
    url: () => wsUrl(`/ws/listen?sessionId=${encodeURIComponent(sessionId)}&targetLanguage=${encodeURIComponent(language)}`),
    onMessage,
    onBinary,
    onState,
  });
  socket.start();
}

function onState(s, info) {
  if (s === 'open') {
    playReplayAfterSeq = Infinity;
    pendingAudio = null;
  }
  if (s === 'connecting') setState('connecting', 'Connecting…');
  if (s === 'reconnecting') {
    setState('reconnecting', 'Reconnecting…');
    const secs = Math.max(1, Math.round((info.delayMs || 0) / 1000));
    banners.set('connection', `Connection lost. Reconnecting in ${secs} s… Captions will catch up.`, 'error');
  }
}

function onMessage(msg) {
  switch (msg.type) {
    case 'sessionJoined':
      socket.markHealthy();
      banners.clear('connection');
      language = msg.targetLanguage || language;
      $('live-language').value = language;
      setState(msg.status === 'paused' ? 'paused' : 'live', msg.status === 'paused' ? 'Paused' : 'Live');
      togglePaused(msg.status === 'paused');
      toggleMuted(!!msg.muted);
      if (joined && view.lastFinalSeq >= 0) {
        playReplayAfterSeq = view.lastFinalSeq;
        socket.send({ type: 'resume', afterSeq: view.lastFinalSeq });
      }
      joined = true;
      break;
    case 'caption':
      if (msg.final) view.final(msg.seq, msg.text, { replay: !!msg.replay });
      else view.partial(msg.seq, msg.text);
      break;
    case 'audio':
      pendingAudio = msg;
      break;
    case 'broadcastPaused': togglePaused(true); break;
    case 'broadcastResumed': togglePaused(false); break;
    case 'broadcastMuted': toggleMuted(true); break;
    case 'broadcastUnmuted': toggleMuted(false); break;
    case 'sessionEnded': showEnded(); break;
    case 'languageChanged':
      language = msg.targetLanguage;
      $('live-language').value = language;
      view.divider(`Now in ${languageName(language)}`);
      break;
    case 'error': onError(msg); break;
    default: break; // heartbeatAck and future messages
  }
}

function onBinary(data) {
  const header = pendingAudio;
  pendingAudio = null;
  if (!header) return;
  // A late joiner's replayed phrases are for reading; after a reconnect the missed ones are played (catch-up trims).
  if (header.replay && header.seq <= playReplayAfterSeq) return;
  player.enqueue(header.seq, data);
}

function onError(msg) {
  if (STOP_CODES.has(msg.code)) {
    socket.stop();
    if (msg.code === 'SESSION_ENDED') showEnded();
    else {
      setState('notFound', 'Not found');
      banners.set('connection', 'This session no longer exists.', 'error');
    }
    return;
  }
  if (msg.code === 'UNSUPPORTED_LANGUAGE' || msg.code === 'MISSING_TARGET_LANGUAGE') {
    if (msg.supportedLanguages?.length) {
      targets = msg.supportedLanguages;
      fillLanguageSelect($('live-language'), targets, targets.includes(language) ? language : targets[0]);
    }
    if (!joined) {
      socket.stop();
      $('live').hidden = true;
      fillLanguageSelect($('setup-language'), targets, targets[0]);
      $('setup').hidden = false;
      setState('error', 'Choose again');
    }
    showNotice(`${languageName(language)} is not available in this session. Please choose another language.`);
    return;
  }
  if (msg.code === 'RATE_LIMIT_EXCEEDED') socket.delayNextAttempt(msg.retryAfter || 5);
  if (msg.code === 'SESSION_FULL') {
    socket.delayNextAttempt(30);
    banners.set('full', 'The session is full. Trying again shortly…', 'warn');
    return;
  }
  console.warn('babelcast: server error', msg);
}

function togglePaused(paused) {
  if (paused) banners.set('paused', 'The speaker paused the broadcast.', 'warn');
  else banners.clear('paused');
  if (state === 'live' || state === 'paused') setState(paused ? 'paused' : 'live', paused ? 'Paused' : 'Live');
}

function toggleMuted(muted) {
  if (muted) banners.set('muted', 'The speaker’s microphone is muted.', 'warn');
  else banners.clear('muted');
}

function showEnded() {
  socket?.stop();
  banners.clear('connection');
  banners.clear('paused');
  banners.clear('muted');
  setState('ended', 'Ended');
  banners.set('ended', 'Session ended. Thank you for listening.', 'error');
  $('setup').hidden = true;
  $('live-language').disabled = true;
  if ($('live').hidden) showStateCard('Session ended', 'This session has ended. Thank you for listening.');
}

function changeLanguage() {
  const next = $('live-language').value;
  if (next === language) return;
  language = next;
  localStorage.setItem(LANGUAGE_KEY, next);
  if (socket?.send({ type: 'changeLanguage', targetLanguage: next })) {
    showNotice(`Switching to ${languageName(next)} from the next phrase…`);
  }
}

$('start').addEventListener('click', start);
$('live-language').addEventListener('change', changeLanguage);
window.addEventListener('online', () => socket?.retryNow());
setupDisplayControls(player);
load();
