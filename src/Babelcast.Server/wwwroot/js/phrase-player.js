// Plays each phrase's MP3 in seq order, back to back, never overlapping: decoding is chained so phrases are scheduled
// in arrival order, and a playhead (AudioContext time) marks where the next phrase starts. When more than
// CATCH_UP_SECONDS of audio waits ahead of the playhead, the oldest phrases that have not started are dropped.

const CATCH_UP_SECONDS = 3;
const START_MARGIN_SECONDS = 0.06;

export class PhrasePlayer {
  /** @param {(info: {skipped: number}) => void} [onCatchUp] */
  constructor({ onCatchUp } = {}) {
    this.onCatchUp = onCatchUp || (() => {});
    this.ctx = null;
    this.gain = null;
    this.volume = 1;
    this.muted = false;
    this.paused = false;
    this.playhead = 0;
    this.scheduled = []; // {seq, source, start, end}
    this.lastScheduledSeq = -1;
    this.chain = Promise.resolve();
    this.decodedCount = 0;
    this.scheduledSeconds = 0;
    this.skippedCount = 0;
    this.playedSeqs = new Set();
  }

  /** Must run inside a user gesture (the Start listening click). */
  unlock() {
    if (!this.ctx) {
      const Ctx = window.AudioContext || window.webkitAudioContext;
      this.ctx = new Ctx({ latencyHint: 'playback' });
      this.gain = this.ctx.createGain();
      this.gain.connect(this.ctx.destination);
      this.applyGain();
    }
    if (this.ctx.state === 'suspended') this.ctx.resume().catch(() => {});
  }

  setVolume(v) {
    this.volume = v;
    this.applyGain();
  }

  setMuted(m) {
    this.muted = m;
    this.applyGain();
  }

  applyGain() {
    if (this.gain) this.gain.gain.setTargetAtTime(this.muted ? 0 : this.volume, this.ctx.currentTime, 0.02);
  }

  /** Pause: stops what is queued and drops phrases until resume; captions are not affected. */
  setPaused(p) {
    this.paused = p;
    if (p) this.stopAll();
  }

  /** Queues one phrase. Duplicates and phrases older than the last scheduled one are ignored. */
  enqueue(seq, mp3) {
    if (!this.ctx || this.playedSeqs.has(seq)) return;
    this.playedSeqs.add(seq);
    this.chain = this.chain
      .then(() => this.ctx.decodeAudioData(mp3))
      .then((buffer) => {
        this.decodedCount += 1;
        this.schedule(seq, buffer);
      })
      .catch((e) => console.warn('babelcast: cannot decode phrase', seq, e));
  }

  schedule(seq, buffer) {
    if (this.paused || seq <= this.lastScheduledSeq) return;
    const now = this.ctx.currentTime;
    this.scheduled = this.scheduled.filter((s) => s.end > now);
    if (this.playhead - now > CATCH_UP_SECONDS) this.catchUp(now);
    const start = Math.max(this.playhead, now + START_MARGIN_SECONDS);
    const source = this.ctx.createBufferSource();
    source.buffer = buffer;
    source.connect(this.gain);
    source.start(start);
    const item = { seq, source, start, end: start + buffer.duration };
    source.onended = () => {
      this.scheduled = this.scheduled.filter((s) => s !== item);
    };
    this.scheduled.push(item);
    this.playhead = item.end;
    this.lastScheduledSeq = seq;
    this.scheduledSeconds += buffer.duration;
  }

  /** Drops every queued phrase that has not started yet; the one playing now finishes. */
  catchUp(now) {
    const waiting = this.scheduled.filter((s) => s.start > now);
    for (const s of waiting) this.cancel(s);
    this.scheduled = this.scheduled.filter((s) => s.start <= now);
    this.playhead = this.scheduled.reduce((t, s) => Math.max(t, s.end), now);
    this.skippedCount += waiting.length;
    if (waiting.length) this.onCatchUp({ skipped: waiting.length });
  }

  stopAll() {
    for (const s of this.scheduled) this.cancel(s);
    this.scheduled = [];
    this.playhead = 0;
  }

  cancel(item) {
    try {
      item.source.onended = null;
      item.source.stop();
    } catch {
      // never started
    }
  }

  /** Seconds of audio queued ahead of now. */
  get backlogSeconds() {
    return this.ctx ? Math.max(0, this.playhead - this.ctx.currentTime) : 0;
  }
}
