// Speaker page (/): sign in, choose the source language, create or continue a session, then hand over to LiveSession.
import { api } from './api.js';
import { Banners } from './banners.js';
import { intlLocales } from './i18n.js';
import { fillLanguageSelect, languageName, pickDefaultLanguage, rememberNames } from './languages.js';
import { LiveSession } from './speaker-live.js';
import { showHttpsInfo } from './speaker-https.js';
import { markTierOptions, setupLiveTier, tierHint } from './speaker-tier.js';

const $ = (id) => document.getElementById(id);
const TOKEN_KEY = 'babelcast.token';
const SESSION_KEY = 'babelcast.sessionId';

const banners = new Banners($('banners'));
let languages = { sources: [], targets: [], targetsBySource: {} };
let live = null;

const hooks = {
  get sessionId() { return live?.sessionId ?? null; },
  get transcriptFinals() { return live ? live.view.finals : []; },
  get listenerCount() { return live ? live.listenerCount : 0; },
  get languageDistribution() { return live ? live.languageDistribution : {}; },
  get state() { return live ? live.state : pageState; },
  get reconnects() { return live?.socket ? live.socket.reconnects : 0; },
  get framesSent() { return live ? live.framesSent : 0; },
  get lastAudioSeq() { return live ? live.lastAudioSeq : 0; },
  get nextAudioSeq() { return live ? live.nextSeq : 1; },
  get held() { return live ? live.hold.held : false; },
  get role() { return live ? (live.operator ? 'operator' : 'owner') : null; },
  dropConnection() { live?.socket?.drop(); },
};
window.babelcast = hooks;
let pageState = 'loading';

function setPill(state, label) {
  const pill = $('state-pill');
  pill.className = `pill ${state.toLowerCase()}`;
  pill.textContent = label;
}

function token() {
  try {
    const t = JSON.parse(sessionStorage.getItem(TOKEN_KEY) || 'null');
    return t && t.expiresAt > Date.now() + 30_000 ? t.accessToken : null;
  } catch {
    return null;
  }
}

function showOnly(id) {
  for (const section of ['signin', 'setup', 'live']) $(section).hidden = section !== id;
  $('sign-out').hidden = id === 'signin';
}

function showSignIn(message = '') {
  pageState = 'signedOut';
  $('https-info').hidden = true;
  setPill('closed', 'Signed out');
  showOnly('signin');
  $('signin-error').textContent = message;
  ($('username').value ? $('password') : $('username')).focus();
}

async function signIn(event) {
  event.preventDefault();
  const username = $('username').value.trim();
  const password = $('password').value;
  if (!username || !password) {
    $('signin-error').textContent = 'Enter your user name and password.';
    return;
  }
  $('signin-submit').disabled = true;
  try {
    const res = await api('/api/auth/token', { method: 'POST', body: { username, password } });
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify({ accessToken: res.accessToken, expiresAt: Date.now() + res.expiresIn * 1000 }));
    $('password').value = '';
    await afterSignIn();
  } catch (e) {
    $('signin-error').textContent = e.status === 401 ? 'Wrong user name or password.'
      : e.status === 429 ? `Too many attempts. Try again in ${e.retryAfter || 'a few'} seconds.` : e.message;
  } finally {
    $('signin-submit').disabled = false;
  }
}

async function afterSignIn() {
  const resumeId = sessionStorage.getItem(SESSION_KEY);
  if (live && live.sessionId === resumeId) {
    showOnly('live');
    live.reauthorised();
    return;
  }
  await showSetup();
}

async function showSetup() {
  pageState = 'setup';
  setPill('connected', 'Signed in');
  showOnly('setup');
  showHttpsInfo($('https-info'), token());
  $('create').disabled = true;
  try {
    languages = await api('/api/languages');
    rememberNames(languages.sources);
    rememberNames(languages.targets);
  } catch (e) {
    $('create-error').textContent = `Cannot load languages: ${e.message}`;
  }
  const codes = (languages.sources || []).map((l) => l.code);
  fillLanguageSelect($('source-language'), codes, pickDefaultLanguage(codes));
  $('create').disabled = codes.length === 0;
  markTierOptions($('quality-tier'), languages);
  updateTargetsHint();
  await listMySessions();
}

function updateTargetsHint() {
  const src = $('source-language').value;
  const targets = languages.targetsBySource?.[src] || [];
  $('tier-hint').textContent = tierHint(languages, $('quality-tier').value, src);
  $('targets-hint').textContent = targets.length
    ? `Listeners can choose: ${new Intl.ListFormat(intlLocales(), { type: 'conjunction' }).format(targets.map((c) => languageName(c)))}.` : '';
}

async function listMySessions() {
  const list = $('my-sessions');
  list.replaceChildren();
  let sessions = [];
  try {
    sessions = (await api('/api/sessions', { token: token() })).sessions || [];
  } catch (e) {
    if (e.status === 401) return showSignIn('Your sign-in expired. Please sign in again.');
  }
  const open = sessions.filter((s) => s.status !== 'ended' && s.role !== 'operator');
  const last = sessionStorage.getItem(SESSION_KEY);
  open.sort((a, b) => (b.sessionId === last) - (a.sessionId === last));
  listSharedSessions(sessions.filter((s) => s.status !== 'ended' && s.role === 'operator'));
  for (const s of open) {
    const li = document.createElement('li');
    const text = document.createElement('span');
    text.textContent = `${s.sessionId} · ${languageName(s.sourceLanguage)} · ${s.status}${s.sessionId === last ? ' · this tab' : ''}`;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Continue';
    button.setAttribute('aria-label', `Continue session ${s.sessionId}`);
    button.addEventListener('click', () => openLive(s));
    li.append(text, button);
    list.append(li);
  }
  $('my-sessions-empty').hidden = open.length > 0;
}

/** Sessions whose owners invited this account to operate them: each opens in the operator console. */
function listSharedSessions(shared) {
  const items = shared.map((s) => {
    const li = document.createElement('li');
    const text = document.createElement('span');
    text.textContent = `${s.sessionId} · ${languageName(s.sourceLanguage)} · ${s.status}`;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Operate';
    button.setAttribute('aria-label', `Operate session ${s.sessionId}`);
    button.addEventListener('click', () => openLive(s));
    li.append(text, button);
    return li;
  });
  $('shared-sessions').replaceChildren(...items);
  $('shared-card').hidden = shared.length === 0;
}

async function createSession() {
  $('create').disabled = true;
  $('create-error').textContent = '';
  try {
    const session = await api('/api/sessions', {
      method: 'POST',
      token: token(),
      body: { sourceLanguage: $('source-language').value, qualityTier: $('quality-tier').value },
    });
    openLive(session);
  } catch (e) {
    if (e.status === 401) showSignIn('Your sign-in expired. Please sign in again.');
    else if (e.code === 'PREMIUM_TIER_UNAVAILABLE') $('create-error').textContent = e.message;
    else if (e.code === 'CAPACITY_EXCEEDED') $('create-error').textContent = `${e.message} (try again in ${e.retryAfter || 30} s)`;
    else $('create-error').textContent = e.status === 429 ? `Too many sessions created. Try again in ${e.retryAfter || 60} s.` : e.message;
  } finally {
    $('create').disabled = false;
  }
}

function openLive(session) {
  sessionStorage.setItem(SESSION_KEY, session.sessionId);
  showOnly('live');
  live?.dispose();
  live = new LiveSession(session, {
    banners,
    token,
    setPill,
    onSignInNeeded: (message) => showSignIn(message),
    onNewSession: () => {
      live?.dispose();
      live = null;
      sessionStorage.removeItem(SESSION_KEY);
      banners.clear('ended');
      showSetup();
    },
  });
  live.start();
  if (session.role !== 'operator') {
    setupLiveTier(session, languages, token, { select: $('live-tier'), hint: $('live-tier-hint'), error: $('live-tier-error') });
  }
}

function signOut() {
  live?.dispose();
  live = null;
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(SESSION_KEY);
  for (const key of ['connection', 'ended', 'paused', 'muted', 'replaced', 'quality']) banners.clear(key);
  showSignIn();
}

$('signin-form').addEventListener('submit', signIn);
$('create').addEventListener('click', createSession);
$('source-language').addEventListener('change', updateTargetsHint);
$('quality-tier').addEventListener('change', updateTargetsHint);
$('sign-out').addEventListener('click', signOut);

if (token()) showSetup();
else showSignIn();
