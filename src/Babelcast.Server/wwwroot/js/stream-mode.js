// "Keep playing with the screen off": phones suspend Web Audio when the screen locks, but keep an <audio> element
// playing. In stream mode the phrase player is paused and an <audio> element plays the session's endless MP3 stream of
// the chosen language (/api/sessions/{id}/stream/{lang}.mp3); captions keep arriving over the WebSocket while the page
// is visible. Media Session metadata names the session and language on the lock screen, with play/pause there.
import { onUiLanguageChange, t } from './i18n.js';

export class StreamMode {
  /**
   * @param {{audio: HTMLAudioElement, button: HTMLButtonElement, hint: HTMLElement, player: {setPaused(p: boolean): void},
   *   sessionId: string, languageName: (code: string) => string}} options
   */
  constructor({ audio, button, hint, player, sessionId, languageName }) {
    Object.assign(this, { audio, button, hint, player, sessionId, languageName });
    this.on = false;
    this.language = null;
    this.waits = 0;
    button.addEventListener('click', () => (this.on ? this.stop() : this.start()));
    audio.addEventListener('waiting', () => { this.waits += 1; });
    onUiLanguageChange(() => this.label());
    this.label();
  }

  get active() { return this.on; }

  /** Must run in a user gesture (the button's click): browsers allow play() then. */
  start() {
    if (!this.language) return;
    this.on = true;
    this.player.setPaused(true);
    this.play();
    this.label();
  }

  stop() {
    this.on = false;
    this.audio.pause();
    this.audio.removeAttribute('src');
    this.audio.load();
    this.player.setPaused(false);
    if ('mediaSession' in navigator) navigator.mediaSession.playbackState = 'none';
    this.label();
  }

  /** The caption language changed: the stream follows it. */
  setLanguage(code) {
    const changed = code !== this.language;
    this.language = code;
    if (this.on && changed) this.play();
    this.metadata();
  }

  /** The session ended: nothing more will come. */
  end() {
    if (this.on) this.stop();
    this.button.disabled = true;
  }

  play() {
    // A fresh request starts at the live edge (after a pause on the lock screen too).
    this.audio.src = `/api/sessions/${encodeURIComponent(this.sessionId)}/stream/${encodeURIComponent(this.language)}.mp3`;
    this.audio.play().catch((e) => console.warn('babelcast: stream playback refused', e));
    this.metadata();
    if ('mediaSession' in navigator) {
      navigator.mediaSession.playbackState = 'playing';
      navigator.mediaSession.setActionHandler('play', () => this.play());
      navigator.mediaSession.setActionHandler('pause', () => {
        this.audio.pause();
        navigator.mediaSession.playbackState = 'paused';
      });
    }
  }

  metadata() {
    if (!this.on || !('mediaSession' in navigator) || typeof MediaMetadata === 'undefined') return;
    navigator.mediaSession.metadata = new MediaMetadata({
      title: t('stream.title'),
      artist: this.sessionId,
      album: this.languageName(this.language),
    });
  }

  label() {
    this.button.textContent = this.on ? t('stream.stop') : t('stream.keepPlaying');
    this.button.setAttribute('aria-pressed', String(this.on));
    this.hint.hidden = !this.on;
    this.hint.textContent = t('stream.hint');
    this.metadata();
  }
}
