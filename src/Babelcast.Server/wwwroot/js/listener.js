// Listener page (/join/{sessionId}): no sign-in; pick a language, start listening, live captions + translated voice.
// Every word on the page comes from /i18n/{lang}.json (see i18n.js); texts that stay on screen are kept as functions
// so that a change of page language re-renders them.
import { api, wsUrl } from './api.js';
import { Banners } from './banners.js';
import { CaptionView } from './caption-view.js';
import { onUiLanguageChange, t, uiLanguage } from './i18n.js';
import { fillLanguageSelect, languageName, pickDefaultLanguage, rememberNames } from './languages.js';
import { errorMessage } from './listener-errors.js';
import { PageLanguage } from './listener-language.js';
import { PhrasePlayer } from './phrase-player.js';
import { ReconnectingSocket } from './reconnecting-socket.js';
import { setupDisplayControls } from './listener-display.js';
import { StreamMode } from './stream-mode.js';

const $ = (id) => document.getElementById(id);
const LANGUAGE_KEY = 'babelcast.language';
const STOP_CODES = new Set(['SESSION_NOT_FOUND', 'INVALID_SESSION_ID', 'MISSING_SESSION_ID', 'SESSION_ENDED']);

const sessionId = sessionIdFromLocation();
const banners = new Banners($('banners'));
const view = new CaptionView($('captions'), {
  announcer: $('announcer'),
  jumpButton: $('jump-live'),
  emptyText: () => t('captions.waiting'),
  uiLanguage,
});
const player = new PhrasePlayer({ onCatchUp: ({ skipped }) => showNotice(() => t('notice.skipped', { count: skipped })) });
const pageLanguage = new PageLanguage([$('setup-ui-language'), $('live-ui-language')]);
const streamMode = new StreamMode({
  audio: $('stream-audio'), button: $('stream-mode'), hint: $('stream-hint'), player, sessionId, languageName,
});

let socket = null;
let language = null;
let targets = [];
let joined = false;
let playReplayAfterSeq = Infinity;
let pendingAudio = null;
let state = 'loading';
let pillText = () => t('pill.loading');
let stateCard = null; // {title, message} functions
let notice = null;
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
  get streamMode() { return streamMode.active; },
  get streamWaits() { return streamMode.waits; },
  get uiLanguage() { return uiLanguage(); },
  get held() { return document.body.classList.contains('held'); },
  sessionId,
  dropConnection() { socket?.drop(); },
};

function sessionIdFromLocation() {
  const m = /^\/join\/([^/?#]+)/.exec(location.pathname);
  if (m) return decodeURIComponent(m[1]);
  return new URLSearchParams(location.search).get('session') || '';
}

function setState(next, label) {
  state = next;
  pillText = label;
  const pill = $('state-pill');
  pill.className = `pill ${next.toLowerCase()}`;
  pill.textContent = label();
}

function statusLabel(paused) {
  return paused ? () => t('pill.paused') : () => t('pill.live');
}

function showStateCard(title, message) {
  stateCard = { title, message };
  $('state-card').hidden = false;
  $('state-title').textContent = title();
  $('state-message').textContent = message();
}

function showNotice(text) {
  notice = text;
  const n = $('catchup-notice');
  n.textContent = text();
  n.hidden = false;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => { n.hidden = true; notice = null; }, 5000);
}

function rerender() {
  $('state-pill').textContent = pillText();
  if (stateCard) showStateCard(stateCard.title, stateCard.message);
  if (notice) $('catchup-notice').textContent = notice();
  banners.refresh();
  view.refreshEmpty();
  if (targets.length) {
    fillLanguageSelect($('setup-language'), targets, $('setup-language').value || language);
    fillLanguageSelect($('live-language'), targets, language);
  }
}

async function load() {
  $('session-id').textContent = sessionId;
  if (!/^[a-z]+-[a-z]+-[0-9]{3}$/.test(sessionId)) {
    setState('notFound', () => t('pill.notFound'));
    showStateCard(() => t('card.notFound'), () => t('card.invalidLink'));
    return;
  }
  let session;
  try {
    session = await api(`/api/sessions/${encodeURIComponent(sessionId)}`);
  } catch (e) {
    if (e.status === 404 || e.status === 400) {
      setState('notFound', () => t('pill.notFound'));
      showStateCard(() => t('card.notFound'), () => t('card.noSuchSession', { id: sessionId }));
    } else {
      console.warn('babelcast: cannot load the session', e);
      setState('error', () => t('pill.error'));
      showStateCard(() => t('card.unreachable'), () => t('card.unreachableHint'));
    }
    return;
  }
  try {
    const langs = await api('/api/languages');
    rememberNames(langs.targets);
    rememberNames(langs.sources);
  } catch {
    // names come from the browser
  }
  if (session.status === 'ended') {
    showEnded();
    return;
  }
  targets = session.targetLanguages?.length ? session.targetLanguages : [session.sourceLanguage];
  const chosen = [requestedLanguage(), localStorage.getItem(LANGUAGE_KEY)].find((c) => c && targets.includes(c));
  language = chosen || pickDefaultLanguage(targets);
  if ((chosen || null) !== pageLanguage.captionLanguage) await pageLanguage.followCaptions(chosen || null);
  fillLanguageSelect($('setup-language'), targets, language);
  fillLanguageSelect($('live-language'), targets, language);
  const paused = session.status === 'paused';
  setState(paused ? 'paused' : 'ready', statusLabel(paused));
  const source = session.sourceLanguage;
  const count = session.listenerCount ?? 0;
  showStateCard(
    () => (paused ? t('card.paused') : t('card.live')),
    () => `${t('card.spokenIn', { language: languageName(source) })} ${t('card.listening', { count })}`,
  );
  $('setup').hidden = false;
}

function requestedLanguage() {
  return new URLSearchParams(location.search).get('lang');
}

function start() {
  language = $('setup-language').value;
  localStorage.setItem(LANGUAGE_KEY, language);
  pageLanguage.followCaptions(language);
  fillLanguageSelect($('live-language'), targets, language);
  view.setLanguage(language);
  streamMode.setLanguage(language);
  player.unlock();
  $('setup').hidden = true;
  $('state-card').hidden = true;
  stateCard = null;
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
  if (s === 'connecting') setState('connecting', () => t('pill.connecting'));
  if (s === 'reconnecting') {
    setState('reconnecting', () => t('pill.reconnecting'));
    const seconds = Math.max(1, Math.round((info.delayMs || 0) / 1000));
    banners.set('connection', () => t('banner.reconnecting', { seconds }), 'error');
  }
}

function onMessage(msg) {
  switch (msg.type) {
    case 'sessionJoined':
      socket.markHealthy();
      banners.clear('connection');
      banners.clear('error');
      setCaptionLanguage(msg.targetLanguage || language);
      setState(msg.status === 'paused' ? 'paused' : 'live', statusLabel(msg.status === 'paused'));
      togglePaused(msg.status === 'paused');
      toggleMuted(!!msg.muted);
      toggleHeld(!!msg.held);
      if (joined && view.lastFinalSeq >= 0) {
        playReplayAfterSeq = view.lastFinalSeq;
        socket.send({ type: 'resume', afterSeq: view.lastFinalSeq });
      }
      joined = true;
      break;
    case 'caption':
      if (msg.final) {
        view.final(msg.seq, msg.text, {
          replay: !!msg.replay, origin: msg.origin, reference: msg.ref, machineTranslated: !!msg.machineTranslated,
          labels: { scripture: t('captions.scripture'), machineTranslated: t('captions.machineTranslated') },
        });
      } else view.partial(msg.seq, msg.text);
      break;
    case 'audio':
      pendingAudio = msg;
      break;
    case 'broadcastPaused': togglePaused(true); break;
    case 'broadcastResumed': togglePaused(false); break;
    case 'broadcastMuted': toggleMuted(true); break;
    case 'broadcastUnmuted': toggleMuted(false); break;
    case 'broadcastHeld': toggleHeld(true); break;
    case 'broadcastUnheld': toggleHeld(false); break;
    case 'captionCorrected': view.correct(msg.seq, msg.text, () => t('caption.corrected')); break;
    case 'sessionEnded': showEnded(); break;
    case 'languageChanged':
      setCaptionLanguage(msg.targetLanguage);
      view.divider(t('captions.nowIn', { language: languageName(language) }));
      break;
    case 'error': onError(msg); break;
    default: break; // heartbeatAck and future messages
  }
}

function setCaptionLanguage(code) {
  language = code;
  streamMode.setLanguage(code);
  $('live-language').value = code;
  view.setLanguage(code);
  pageLanguage.followCaptions(code);
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
  const text = () => errorMessage(msg, language);
  if (STOP_CODES.has(msg.code)) {
    socket.stop();
    if (msg.code === 'SESSION_ENDED') showEnded();
    else {
      setState('notFound', () => t('pill.notFound'));
      banners.set('connection', text, 'error');
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
      setState('error', () => t('pill.chooseAgain'));
    }
    showNotice(text);
    return;
  }
  if (msg.code === 'RATE_LIMIT_EXCEEDED') socket.delayNextAttempt(msg.retryAfter || 5);
  if (msg.code === 'SESSION_FULL') socket.delayNextAttempt(30);
  banners.set(msg.code === 'SESSION_FULL' ? 'full' : 'error', text, 'warn');
  console.warn('babelcast: server error', msg);
}

function togglePaused(paused) {
  if (paused) banners.set('paused', () => t('banner.paused'), 'warn');
  else banners.clear('paused');
  if (state === 'live' || state === 'paused') setState(paused ? 'paused' : 'live', statusLabel(paused));
}

function toggleMuted(muted) {
  if (muted) banners.set('muted', () => t('banner.muted'), 'warn');
  else banners.clear('muted');
}

/** Hold for music: a banner, and the caption area dimmed with a music mark (css: body.held). */
function toggleHeld(held) {
  if (held) banners.set('held', () => t('banner.held'), 'info');
  else banners.clear('held');
  document.body.classList.toggle('held', held);
}

function showEnded() {
  socket?.stop();
  streamMode.end();
  for (const key of ['connection', 'paused', 'muted', 'held', 'full', 'error']) banners.clear(key);
  document.body.classList.remove('held');
  setState('ended', () => t('pill.ended'));
  banners.set('ended', () => t('banner.ended'), 'error');
  $('setup').hidden = true;
  $('live-language').disabled = true;
  if ($('live').hidden) showStateCard(() => t('card.ended'), () => t('card.endedMessage'));
}

function changeLanguage() {
  const next = $('live-language').value;
  if (next === language) return;
  language = next;
  localStorage.setItem(LANGUAGE_KEY, next);
  pageLanguage.followCaptions(next);
  if (socket?.send({ type: 'changeLanguage', targetLanguage: next })) {
    showNotice(() => t('notice.switching', { language: languageName(next) }));
  }
}

$('start').addEventListener('click', start);
$('setup-language').addEventListener('change', () => pageLanguage.followCaptions($('setup-language').value));
$('live-language').addEventListener('change', changeLanguage);
window.addEventListener('online', () => socket?.retryNow());
onUiLanguageChange(rerender);
// A caption language chosen before (or in the link) is the listener's choice until the session says otherwise.
pageLanguage.captionLanguage = requestedLanguage() || localStorage.getItem(LANGUAGE_KEY);
await pageLanguage.apply();
setupDisplayControls(player);
load();
