// Hold during music on the speaker page: a toggle (and the H key outside text fields) that stops captions and speech
// from the microphone without pausing or ending the session. Typed lines still go out while held.
import { api } from './api.js';

const $ = (id) => document.getElementById(id);

/** True when a key press belongs to a text field (typing an "h" must not toggle the hold). */
function typing(event) {
  const el = event.target;
  return el instanceof HTMLElement && (el.isContentEditable || el.matches('input, textarea, select'));
}

export class SpeakerHold {
  /** @param {import('./speaker-live.js').LiveSession} live */
  constructor(live) {
    this.live = live;
    this.held = !!live.session.held;
  }

  start(signal) {
    $('hold-section').hidden = false;
    $('hold').addEventListener('click', () => this.toggle(), { signal });
    document.addEventListener('keydown', (e) => {
      if (e.key.toLowerCase() !== 'h' || e.ctrlKey || e.metaKey || e.altKey || e.repeat || typing(e)) return;
      if ($('hold').disabled) return;
      e.preventDefault();
      this.toggle();
    }, { signal });
  }

  /** `connected` and `statusChanged` carry the server's word on the hold. */
  update(msg) {
    if (typeof msg.held === 'boolean') this.held = msg.held;
  }

  /** Over the socket when it is open, else through PATCH (the same path on the server). */
  async toggle() {
    const next = !this.held;
    const { banners, socket, sessionId, token } = this.live;
    if (!socket.send({ type: next ? 'hold' : 'unhold' })) {
      try {
        await api(`/api/sessions/${encodeURIComponent(sessionId)}`, { method: 'PATCH', token: token(), body: { held: next } });
      } catch (e) {
        banners.set('control', `Could not ${next ? 'hold' : 'end the hold'}: ${e.message}`, 'error');
        return;
      }
    }
    banners.clear('control');
    this.held = next;
    this.live.syncControls();
  }

  sync(ended) {
    const button = $('hold');
    button.disabled = ended;
    button.textContent = this.held ? 'End music hold' : 'Hold for music';
    button.classList.toggle('on', this.held);
    button.setAttribute('aria-pressed', String(this.held));
    $('hold-status').textContent = this.held
      ? 'On hold: the microphone makes no captions or speech; listeners see “Music”. Typed lines still go out.'
      : 'Live: your speech is captioned and translated.';
    if (this.held && !ended) this.live.banners.set('held', 'On hold for music: nothing from the microphone is captioned or spoken.', 'info');
    else this.live.banners.clear('held');
  }
}
