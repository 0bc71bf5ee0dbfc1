// One language of the caption display: its own caption-only listener socket (audio=false: the language is translated
// for it, no audio is sent) and the last few lines. A partial revises its phrase's line in place, a final closes it;
// after a reconnect the column resumes after its last final, so a dropped link loses and repeats nothing.
import { wsUrl } from './api.js';
import { markLanguage } from './i18n.js';
import { ReconnectingSocket } from './reconnecting-socket.js';

/** Finals kept in the DOM; the CSS shows the newest that fit, pinned to the bottom. */
const KEEP_FINALS = 6;
const STOP_CODES = new Set(['SESSION_NOT_FOUND', 'INVALID_SESSION_ID', 'MISSING_SESSION_ID', 'SESSION_ENDED', 'UNSUPPORTED_LANGUAGE']);

export class DisplayColumn {
  /**
   * @param {object} o
   * @param {string} o.sessionId
   * @param {string} o.language  an offered target language (the source language too)
   * @param {string | null} o.label  shown above the lines when several languages share the screen
   * @param {number} o.maxLines  lines shown at most (an overlay keeps to a few; older ones are hidden)
   * @param {() => string} o.waitingText
   * @param {() => void} o.onChange  the column's state changed (the page recomputes its status line)
   * @param {(error: object, language: string) => void} o.onStop  the server refused or ended the connection for good
   */
  constructor({ sessionId, language, label, maxLines, waitingText, onChange, onStop }) {
    this.language = language;
    this.maxLines = maxLines;
    this.waitingText = waitingText;
    this.onChange = onChange;
    this.onStop = onStop;
    this.state = 'connecting';
    this.paused = false;
    this.joined = false;
    this.lines = new Map(); // seq -> <p>
    this.finals = []; // [{seq, text}] in arrival order (test hook)
    this.lastSeq = -1;
    this.partialCount = 0;
    this.audioMessages = 0;
    this.binaryFrames = 0;

    this.element = document.createElement('section');
    this.element.className = 'column';
    this.element.dataset.language = language;
    markLanguage(this.element, language);
    if (label) {
      const heading = document.createElement('h2');
      heading.className = 'label';
      heading.textContent = label;
      this.element.append(heading);
    }
    this.body = document.createElement('div');
    this.body.className = 'lines';
    this.element.append(this.body);
    this.showWaiting();

    const query = `sessionId=${encodeURIComponent(sessionId)}&targetLanguage=${encodeURIComponent(language)}&audio=false`;
    this.socket = new ReconnectingSocket({
      url: () => wsUrl(`/ws/listen?${query}`),
      onMessage: (msg) => this.onMessage(msg),
      // Never expected (audio=false); counted so that a test sees it if the server sent audio anyway.
      onBinary: () => { this.binaryFrames += 1; },
      onState: (state) => {
        if (state !== 'open') this.setState(state);
      },
    });
  }

  start() {
    this.socket.start();
  }

  stop() {
    this.socket.stop();
  }

  get reconnects() {
    return this.socket.reconnects;
  }

  setState(state) {
    this.state = state;
    this.onChange();
  }

  onMessage(msg) {
    switch (msg.type) {
      case 'sessionJoined':
        this.socket.markHealthy();
        // Back after a drop: ask for the finals missed meanwhile (the server then skips the late-join replay).
        if (this.joined && this.lastSeq >= 0) this.socket.send({ type: 'resume', afterSeq: this.lastSeq });
        this.joined = true;
        this.paused = msg.status === 'paused';
        this.setState('live');
        break;
      case 'caption':
        // A Bible passage shows its reference first (the listener page marks it the same way).
        if (msg.final) this.final(msg.seq, msg.ref ? `${msg.ref}: ${msg.text}` : msg.text);
        else this.partial(msg.seq, msg.text);
        break;
      case 'captionCorrected': this.corrected(msg.seq, msg.text); break;
      case 'audio': this.audioMessages += 1; break;
      case 'broadcastPaused': this.paused = true; this.onChange(); break;
      case 'broadcastResumed': this.paused = false; this.onChange(); break;
      case 'sessionEnded':
        this.stop();
        this.setState('ended');
        break;
      case 'error': this.onError(msg); break;
      default: break; // heartbeatAck, mute notices and future messages
    }
  }

  onError(msg) {
    if (STOP_CODES.has(msg.code)) {
      this.stop();
      this.setState(msg.code === 'SESSION_ENDED' ? 'ended' : 'stopped');
      this.onStop(msg, this.language);
      return;
    }
    // A full session or too many joins: keep trying, but no faster than the server asks.
    if (msg.code === 'RATE_LIMIT_EXCEEDED') this.socket.delayNextAttempt(msg.retryAfter || 5);
    if (msg.code === 'SESSION_FULL') this.socket.delayNextAttempt(30);
    console.warn('babelcast display: server error', msg);
  }

  partial(seq, text) {
    if (seq <= this.lastSeq) return;
    if (!text) {
      // The phrase turned out to have no words.
      this.lines.get(seq)?.remove();
      this.lines.delete(seq);
      return;
    }
    this.partialCount += 1;
    const line = this.lineFor(seq);
    line.className = 'line partial';
    line.textContent = text;
    // When the finals lag behind (a busy server), only the newest interim line shows: a stack of half-phrases is
    // hard to read from the back of a room. An earlier phrase reappears when its final arrives.
    for (const [s, el] of this.lines) {
      if (s < seq && el.classList.contains('partial')) el.classList.add('superseded');
    }
    this.limitLines();
  }

  final(seq, text) {
    if (seq <= this.lastSeq) return;
    this.lastSeq = seq;
    this.finals.push({ seq, text });
    const line = this.lineFor(seq);
    line.className = 'line final';
    line.textContent = text;
    // A phrase without words leaves no empty line behind (it would take one of an overlay's few places).
    if (!text?.trim()) {
      line.remove();
      this.lines.delete(seq);
    }
    // Partials of earlier phrases that never became final (dropped phrases) would otherwise stay forever.
    for (const [s, el] of this.lines) {
      if (s < seq && el.classList.contains('partial')) {
        el.remove();
        this.lines.delete(s);
      }
    }
    const finals = [...this.lines.keys()].filter((s) => s <= seq).sort((a, b) => a - b);
    for (const s of finals.slice(0, Math.max(0, finals.length - KEEP_FINALS))) {
      this.lines.get(s).remove();
      this.lines.delete(s);
    }
    this.limitLines();
  }

  /** An operator's correction: a final line still on screen takes the new text (no mark: a room screen stays clean). */
  corrected(seq, text) {
    const line = this.lines.get(seq);
    if (!line || !line.classList.contains('final') || !text?.trim()) return;
    line.textContent = text;
    const entry = this.finals.find((f) => f.seq === seq);
    if (entry) entry.text = text;
  }

  /** Hides all but the newest maxLines lines that are meant to show. */
  limitLines() {
    const shown = [...this.lines.entries()].sort((a, b) => b[0] - a[0]).map(([, el]) => el)
      .filter((el) => !el.classList.contains('superseded'));
    shown.forEach((el, i) => el.classList.toggle('overflow', i >= this.maxLines));
  }

  lineFor(seq) {
    let line = this.lines.get(seq);
    if (line) return line;
    this.body.querySelector(':scope > .waiting')?.remove();
    line = document.createElement('p');
    line.dataset.seq = String(seq);
    const after = [...this.lines.entries()].filter(([s]) => s > seq).sort((a, b) => a[0] - b[0])[0];
    this.body.insertBefore(line, after ? after[1] : null);
    this.lines.set(seq, line);
    return line;
  }

  showWaiting() {
    if (this.lines.size > 0) return;
    let p = this.body.querySelector(':scope > .waiting');
    if (!p) {
      p = document.createElement('p');
      p.className = 'waiting';
      this.body.append(p);
    }
    p.textContent = this.waitingText();
    markLanguage(p, document.documentElement.lang);
  }

  /** Plain data for the test hooks. */
  snapshot() {
    return {
      language: this.language,
      state: this.state,
      paused: this.paused,
      lastSeq: this.lastSeq,
      reconnects: this.reconnects,
      finals: this.finals,
      partialCount: this.partialCount,
      audioMessages: this.audioMessages,
      binaryFrames: this.binaryFrames,
    };
  }
}
