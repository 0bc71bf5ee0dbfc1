// One live session on the speaker page: the /ws/speak socket, microphone frames, captions and controls. A co-operator
// (session.role "operator") gets the same page as an operator console: the socket with role=operator, no microphone,
// pause, mute or end, and the same panels for typed lines, corrections, hold, prepared text and Scripture.
import { api, wsUrl } from './api.js';
import { CaptionView } from './caption-view.js';
import { ReconnectingSocket } from './reconnecting-socket.js';
import { SpeakerCorrections } from './speaker-corrections.js';
import { SpeakerHold } from './speaker-hold.js';
import { ScriptPanel } from './speaker-script.js';
import { ScripturePanel } from './speaker-scripture.js';
import { SpeakerMic } from './speaker-mic.js';
import { OperatorsPanel } from './speaker-operators.js';
import { addWarning, fillTranscriptLanguages, renderCounts, resetWarnings, setupInvite, setupTranscripts } from './speaker-panels.js';

const $ = (id) => document.getElementById(id);
// About 10 s of 60 ms frames, sent or not, kept so that after a reconnect the server's lastAudioSeq tells which to resend.
const MAX_KEPT_FRAMES = 170;

/** framing=seq: an 8-byte little-endian frame number, then the PCM. */
function numbered(seq, pcm) {
  const framed = new Uint8Array(8 + pcm.byteLength);
  new DataView(framed.buffer).setBigUint64(0, BigInt(seq), true);
  framed.set(new Uint8Array(pcm), 8);
  return framed.buffer;
}

export class LiveSession {
  constructor(session, { banners, token, setPill, onSignInNeeded, onNewSession }) {
    this.session = session;
    this.sessionId = session.sessionId;
    this.operator = session.role === 'operator';
    this.banners = banners;
    this.token = token;
    this.setPill = setPill;
    this.onSignInNeeded = onSignInNeeded;
    this.onNewSession = onNewSession;
    this.state = 'connecting';
    this.paused = session.status === 'paused';
    this.muted = !!session.muted;
    this.listenerCount = session.listenerCount || 0;
    this.languageDistribution = session.languageDistribution || {};
    this.framesSent = 0;
    this.kept = []; // { seq, pcm, sent }, oldest first
    this.nextSeq = 1;
    this.lastAudioSeq = 0; // as the last `connected` told it
    this.numberedOnce = false; // the first `connected` numbers on from what the session has (a reloaded page starts at 1)
    this.ready = false;
    this.aborter = new AbortController();
    const emptyText = this.operator ? 'The speaker\'s words appear here as they speak.' : 'Start the microphone and speak; your words appear here.';
    this.view = new CaptionView($('captions'), { emptyText });
    this.view.setLanguage(session.sourceLanguage);
    this.hold = new SpeakerHold(this);
    this.corrections = new SpeakerCorrections(this);
    this.mic = new SpeakerMic({ onFrame: (pcm) => this.onFrame(pcm), signal: this.aborter.signal });
    this.socket = new ReconnectingSocket({
      url: () => wsUrl(`/ws/speak?sessionId=${encodeURIComponent(this.sessionId)}&token=${encodeURIComponent(this.token() || '')}`
        + (this.operator ? '&role=operator' : '&framing=seq')),
      onMessage: (m) => this.onMessage(m),
      onState: (s, info) => this.onSocketState(s, info),
    });
    const panel = { send: (m) => this.socket.send(m), token: this.token, signal: this.aborter.signal };
    this.scripture = new ScripturePanel(panel);
    this.script = new ScriptPanel({ ...panel, sessionId: this.sessionId });
    this.operators = this.operator ? null : new OperatorsPanel({ sessionId: this.sessionId, token: this.token, signal: this.aborter.signal });
  }

  start() {
    const signal = this.aborter.signal;
    $('session-id').textContent = this.sessionId;
    setupInvite(this.session, signal, this.token);
    setupTranscripts(this.session, this.session.targetLanguages, this.token, signal);
    renderCounts(this.listenerCount, this.languageDistribution);
    resetWarnings();
    $('new-session').hidden = true;
    $('end').disabled = false;
    $('pause').addEventListener('click', () => this.togglePause(), { signal });
    $('mute').addEventListener('click', () => this.toggleMute(), { signal });
    $('end').addEventListener('click', () => $('end-dialog').showModal(), { signal });
    $('end-cancel').addEventListener('click', () => $('end-dialog').close(), { signal });
    $('end-confirm').addEventListener('click', () => this.end(), { signal });
    $('new-session').addEventListener('click', () => this.onNewSession(), { signal });
    $('typed-form').addEventListener('submit', (e) => { e.preventDefault(); this.sendTyped(); }, { signal });
    window.addEventListener('online', () => this.socket.retryNow(), { signal });
    this.hold.start(signal);
    this.corrections.start();
    this.scripture.start();
    this.script.start();
    for (const id of ['broadcast-section', 'mic-section', 'glossary-panel']) $(id).hidden = this.operator;
    $('operator-note').hidden = !this.operator;
    $('captions-title').textContent = this.operator ? 'Live transcript' : 'Live transcript (what you said)';
    if (this.operators) this.operators.start();
    else $('operators-panel').hidden = true;
    this.syncControls();
    if (!this.token()) {
      this.onSignInNeeded('Sign in again to continue this session.');
      return;
    }
    this.socket.start();
  }

  /** Signed in again after an expired token: connect with the new one. */
  reauthorised() {
    if (this.state !== 'ended') this.socket.start();
  }

  dispose() {
    this.aborter.abort();
    this.socket.stop();
    this.mic.stop();
    clearTimeout(this.endTimer);
  }

  setState(state) {
    this.state = state;
    const labels = { connecting: 'Connecting…', live: 'Live', paused: 'Paused', reconnecting: 'Reconnecting…', ended: 'Ended', closed: 'Disconnected' };
    this.setPill(state, labels[state] || state);
  }

  onSocketState(s, info) {
    if (s === 'open' || this.state === 'ended') return;
    this.ready = false;
    if (s === 'reconnecting') {
      const secs = Math.max(1, Math.round((info.delayMs || 0) / 1000));
      this.banners.set('connection', `Disconnected from the server. Reconnecting in ${secs} s… (your speech is kept for up to 10 s)`, 'error');
      this.setState('reconnecting');
      this.syncControls();
    } else if (s === 'connecting') {
      this.setState('connecting');
    }
  }

  onMessage(msg) {
    switch (msg.type) {
      case 'connected':
        this.socket.markHealthy();
        this.ready = true;
        this.banners.clear('connection');
        this.banners.clear('replaced');
        this.paused = msg.status === 'paused';
        this.muted = !!msg.muted;
        this.hold.update(msg);
        if (msg.targetLanguages) fillTranscriptLanguages(this.session.sourceLanguage, msg.targetLanguages);
        this.syncControls();
        if (this.operator) break; // an operator console sends no audio
        this.resumeFrom(Number(msg.lastAudioSeq ?? 0));
        this.sendKept();
        break;
      case 'transcript':
        if (msg.final) {
          this.view.final(msg.seq, msg.text, { origin: msg.origin, reference: msg.ref });
          if (Array.isArray(msg.cues)) this.script.markSent(msg.cues);
          this.corrections.add(msg.seq, msg.text);
        } else this.view.partial(msg.seq, msg.text);
        break;
      case 'transcriptCorrected':
        this.corrections.corrected(msg);
        break;
      case 'scriptureDetected':
        this.scripture.detected(msg);
        break;
      case 'followStatus':
        this.script.onFollowStatus(msg);
        break;
      case 'sessionStatus':
        this.listenerCount = msg.listenerCount ?? 0;
        this.languageDistribution = msg.languageDistribution || {};
        renderCounts(this.listenerCount, this.languageDistribution);
        break;
      case 'statusChanged':
        this.paused = msg.status === 'paused';
        this.muted = !!msg.muted;
        this.hold.update(msg);
        this.syncControls();
        break;
      case 'audioQualityWarning':
        addWarning(msg.issue, msg.message);
        break;
      case 'sessionEnded':
        this.ended();
        break;
      case 'error':
        this.onError(msg);
        break;
      default:
        break; // heartbeatAck and future messages
    }
  }

  onError(msg) {
    if (this.corrections.refused(msg)) return;
    switch (msg.code) {
      case 'SESSION_ENDED':
        this.ended();
        return;
      case 'OPERATOR_REVOKED':
        this.revoked();
        return;
      case 'SESSION_NOT_FOUND':
      case 'FORBIDDEN':
        if (this.operator && msg.code === 'FORBIDDEN' && this.ready) return; // an owner-only control, refused; the console goes on
        if (this.operator && msg.code === 'FORBIDDEN') {
          this.revoked();
          return;
        }
        this.socket.stop();
        this.setState('closed');
        this.banners.set('connection', msg.code === 'FORBIDDEN' ? 'This session belongs to another speaker.' : 'This session no longer exists.', 'error');
        return;
      case 'UNAUTHORIZED':
        this.socket.stop();
        this.onSignInNeeded('Your sign-in expired. Sign in again to continue the session.');
        return;
      case 'SPEAKER_REPLACED':
        this.socket.stop();
        this.setState('closed');
        this.showReplaced();
        return;
      case 'RATE_LIMIT_EXCEEDED':
        this.socket.delayNextAttempt(msg.retryAfter || 5);
        return;
      case 'CAPACITY_EXCEEDED':
        // No automatic retry: every speaker of a full server would keep knocking. The session is kept.
        this.socket.stop();
        this.setState('closed');
        this.syncControls();
        this.banners.set('connection', `${msg.message || 'This server is at capacity.'} Your session is kept.`, 'error',
          { label: 'Try again', onClick: () => this.retryAfterRefusal() });
        return;
      case 'INGEST_OVERLOADED':
        this.banners.set('overloaded', 'The server is overloaded; some audio was dropped.', 'warn');
        setTimeout(() => this.banners.clear('overloaded'), 5000);
        return;
      default:
        if (this.scripture.onError(msg) || this.script.onError(msg)) return;
        console.warn('babelcast: server error', msg);
    }
  }

  /** The operator asks again after a capacity refusal (never automatic: every speaker of a full server would knock). */
  retryAfterRefusal() {
    if (this.state !== 'closed') return;
    this.banners.clear('connection');
    this.setState('connecting');
    this.socket.start();
  }

  /** The owner removed this account from the session's co-operators: the console stops, its text says why. */
  revoked() {
    this.socket.stop();
    this.setState('closed');
    this.state = 'ended';
    this.syncControls();
    this.banners.set('connection', 'The session\'s owner removed you from its co-operators: this console no longer controls the session.', 'error');
    $('new-session').hidden = false;
    sessionStorage.removeItem('babelcast.sessionId');
  }

  showReplaced() {
    this.banners.set('replaced', 'This session is now broadcast from another window or device. Reload this page to take it back.', 'error');
  }

  onFrame(pcm) {
    if (this.state === 'ended' || this.paused || this.muted || this.hold.held) return;
    if (!this.ready && this.state === 'closed') return;
    this.kept.push({ seq: this.nextSeq++, pcm, sent: false });
    if (this.kept.length > MAX_KEPT_FRAMES) this.kept.shift();
    if (this.ready) this.sendKept();
  }

  /** Sends, in order, the kept frames not sent on this connection; stops at a full socket and goes on with the next frame. */
  sendKept() {
    for (const frame of this.kept) {
      if (frame.sent) continue;
      if (!this.socket.sendBinary(numbered(frame.seq, frame.pcm))) return;
      frame.sent = true;
      this.framesSent += 1;
    }
  }

  /**
   * After `connected`: the server has every frame up to lastAudioSeq, from any connection or node. Frames above it are
   * resent (those sent into a socket that died too); a page that has just loaded, or that another window's frames
   * overtook, numbers what it holds on from there.
   */
  resumeFrom(lastAudioSeq) {
    this.lastAudioSeq = lastAudioSeq;
    if (!this.numberedOnce || lastAudioSeq >= this.nextSeq) {
      this.numberedOnce = true;
      this.kept = this.kept.filter((frame) => !frame.sent);
      let seq = lastAudioSeq + 1;
      for (const frame of this.kept) frame.seq = seq++;
      this.nextSeq = seq;
      return;
    }
    this.kept = this.kept.filter((frame) => frame.seq > lastAudioSeq);
    for (const frame of this.kept) frame.sent = false;
  }

  async togglePause() {
    const next = !this.paused;
    if (!this.socket.send({ type: next ? 'pause' : 'resume' })) {
      try {
        await api(`/api/sessions/${encodeURIComponent(this.sessionId)}`, { method: 'PATCH', token: this.token(), body: { status: next ? 'paused' : 'active' } });
      } catch (e) {
        this.banners.set('control', `Could not ${next ? 'pause' : 'resume'}: ${e.message}`, 'error');
        return;
      }
    }
    this.banners.clear('control');
    this.paused = next;
    this.syncControls();
  }

  /** Sends the typed line; it stays in the box if the socket is down, so nothing typed is lost. */
  sendTyped() {
    const input = $('typed-text');
    const text = input.value.trim();
    if (!text) return;
    if (this.socket.send({ type: 'typed', text })) {
      input.value = '';
      this.banners.clear('typed');
    } else {
      this.banners.set('typed', 'Not connected: the line was not sent. It is still in the box; send it again once connected.', 'error');
    }
    input.focus();
  }

  toggleMute() {
    const next = !this.muted;
    if (this.socket.send({ type: next ? 'mute' : 'unmute' })) {
      this.muted = next;
      this.syncControls();
    }
  }

  syncControls() {
    const pause = $('pause');
    const mute = $('mute');
    const ended = this.state === 'ended';
    pause.disabled = ended;
    mute.disabled = ended || !this.socket.isOpen;
    $('typed-text').disabled = ended;
    $('typed-send').disabled = ended || !this.socket.isOpen;
    this.scripture.setEnabled(!ended && this.socket.isOpen);
    this.script.setEnabled(!ended && this.socket.isOpen);
    pause.textContent = this.paused ? 'Resume' : 'Pause';
    pause.classList.toggle('on', this.paused);
    mute.textContent = this.muted ? 'Unmute' : 'Mute';
    mute.classList.toggle('on', this.muted);
    if (this.paused) this.banners.set('paused', 'Paused: nothing is sent or translated until you resume.', 'warn');
    else this.banners.clear('paused');
    if (this.muted) this.banners.set('muted', 'Microphone muted: listeners see that you are muted.', 'warn');
    else this.banners.clear('muted');
    this.hold.sync(ended);
    this.corrections.sync(ended);
    if (!ended && this.ready) this.setState(this.paused ? 'paused' : 'live');
  }

  async end() {
    $('end-dialog').close();
    $('end').disabled = true;
    if (this.socket.send({ type: 'end' })) {
      // sessionEnded normally follows; if it does not, end it over HTTP.
      this.endTimer = setTimeout(() => this.endOverHttp(), 8000);
      return;
    }
    await this.endOverHttp();
  }

  async endOverHttp() {
    try {
      await api(`/api/sessions/${encodeURIComponent(this.sessionId)}`, { method: 'DELETE', token: this.token() });
    } catch (e) {
      if (e.status !== 404 && e.status !== 409) {
        $('end').disabled = false;
        this.banners.set('control', `Could not end the session: ${e.message}`, 'error');
        return;
      }
    }
    this.ended();
  }

  ended() {
    if (this.state === 'ended') return;
    clearTimeout(this.endTimer);
    this.socket.stop();
    this.mic.stop();
    this.kept = [];
    for (const key of ['connection', 'paused', 'muted', 'held', 'control']) this.banners.clear(key);
    this.state = 'ended';
    this.setState('ended');
    this.syncControls();
    $('end').disabled = true;
    $('mic-start').disabled = true;
    $('new-session').hidden = false;
    this.operators?.stop();
    this.banners.set('ended', 'Session ended. The transcripts stay available below.', 'info');
    sessionStorage.removeItem('babelcast.sessionId');
  }
}
