// The speaker page's prepared-text panel: the operator pastes or opens a script (one line per cue, Markdown headings
// for sections); the server translates every line ahead (POST /api/sessions/{id}/script) and each cue sent on the
// socket ({type: 'cue', index}) reaches listeners at once, translated and spoken. With "Follow the speaker" on
// ({type: 'follow', on}), the lines the speaker reads aloud are sent by the server itself; followStatus says where
// the speaker is (the next line is outlined, the last one sent highlighted).
import { api } from './api.js';

const $ = (id) => document.getElementById(id);
const POLL_MS = 2000;

export class ScriptPanel {
  /** @param {{ sessionId: string, send: (message: object) => boolean, token: () => string, signal: AbortSignal }} o */
  constructor({ sessionId, send, token, signal }) {
    this.path = `/api/sessions/${encodeURIComponent(sessionId)}/script`;
    this.send = send;
    this.token = token;
    this.signal = signal;
    this.cues = [];
    this.current = -1;
    this.next = -1;
    this.following = false;
    this.enabled = false;
    this.pollTimer = 0;
    signal.addEventListener('abort', () => clearTimeout(this.pollTimer));
  }

  start() {
    const signal = this.signal;
    $('script-cues').replaceChildren();
    $('script-status').textContent = 'No prepared text loaded.';
    $('script-error').textContent = '';
    $('script-submit').addEventListener('click', () => this.load(), { signal });
    $('script-file').addEventListener('change', () => this.readFile(), { signal });
    $('cue-next').addEventListener('click', () => this.go(this.current + 1), { signal });
    $('cue-previous').addEventListener('click', () => this.go(this.current - 1), { signal });
    $('script-follow').addEventListener('change', () => this.setFollow($('script-follow').checked), { signal });
    document.addEventListener('keydown', (e) => this.onKey(e), { signal });
    this.refresh(true);
  }

  /** Alt+N / Alt+P anywhere on the page; PageDown / PageUp while the cue list has focus (never plain keys: they type). */
  onKey(e) {
    if (!this.cues.length) return;
    const key = e.key.toLowerCase();
    const inList = $('script-cues').contains(document.activeElement);
    if ((e.altKey && !e.ctrlKey && !e.metaKey && key === 'n') || (inList && e.key === 'PageDown')) {
      e.preventDefault();
      this.go(this.current + 1);
    } else if ((e.altKey && !e.ctrlKey && !e.metaKey && key === 'p') || (inList && e.key === 'PageUp')) {
      e.preventDefault();
      this.go(this.current - 1);
    }
  }

  async readFile() {
    const file = $('script-file').files[0];
    if (!file) return;
    $('script-text').value = await file.text();
    $('script-file').value = '';
  }

  async load() {
    const text = $('script-text').value;
    $('script-error').textContent = '';
    if (!text.trim()) {
      $('script-error').textContent = 'Paste or open a script first.';
      return;
    }
    $('script-submit').disabled = true;
    try {
      this.current = -1;
      this.show(await api(this.path, { method: 'POST', body: { text }, token: this.token(), signal: this.signal }));
      this.onFollowStatus({ on: false, next: 0, sent: -1 }); // A new script starts at its first line, follow off.
      $('script-load').open = false;
    } catch (e) {
      if (e.name !== 'AbortError') $('script-error').textContent = e.message;
    } finally {
      $('script-submit').disabled = false;
    }
  }

  /** Reads the session's script (a reloaded page finds the one loaded before) and polls while it is being translated. */
  async refresh(first = false) {
    clearTimeout(this.pollTimer);
    try {
      this.show(await api(this.path, { token: this.token(), signal: this.signal }), !first);
    } catch (e) {
      if (e.name === 'AbortError' || e.code === 'CUE_NOT_FOUND') return;
      this.pollTimer = setTimeout(() => this.refresh(), POLL_MS * 2);
    }
  }

  show(script, keepList = false) {
    if (!keepList || script.cueCount !== this.cues.length) {
      this.cues = script.cues;
      this.render();
    }
    if (!keepList && script.follow) this.onFollowStatus(script.follow);
    const progress = script.languages.map((l) => `${l.language} ${l.translated}/${script.cueCount}`).join(', ');
    $('script-status').textContent = script.translated
      ? `${script.cueCount} cues, translated ahead (${progress}).`
      : `${script.cueCount} cues; translating ahead: ${progress}…`;
    if (!script.translated) this.pollTimer = setTimeout(() => this.refresh(), POLL_MS);
  }

  render() {
    const list = $('script-cues');
    const items = [];
    let section;
    for (const cue of this.cues) {
      if (cue.section && cue.section !== section) {
        section = cue.section;
        const heading = document.createElement('li');
        heading.className = 'section';
        heading.textContent = section;
        items.push(heading);
      }
      const li = document.createElement('li');
      li.dataset.index = String(cue.index);
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = cue.text;
      button.addEventListener('click', () => this.go(cue.index));
      li.append(button);
      items.push(li);
    }
    list.replaceChildren(...items);
    this.highlight();
  }

  /** Sends cue index and makes it the current one. */
  go(index) {
    if (index < 0 || index >= this.cues.length || !this.enabled) return;
    $('script-error').textContent = '';
    if (!this.send({ type: 'cue', index })) {
      $('script-error').textContent = 'Not connected: the cue was not sent.';
      return;
    }
    this.current = index;
    document.querySelector(`#script-cues li[data-index="${index}"]`)?.classList.add('sent');
    this.highlight();
  }

  /** Turns following the speaker on or off; the server acknowledges with followStatus. */
  setFollow(on) {
    $('script-error').textContent = '';
    if (!this.send({ type: 'follow', on })) {
      $('script-error').textContent = 'Not connected: follow was not changed.';
      $('script-follow').checked = this.following;
    }
  }

  /** The server's word on following: on or off, the line expected next, the last line sent (by hand or followed). */
  onFollowStatus(msg) {
    this.following = !!msg.on;
    $('script-follow').checked = this.following;
    this.next = Number(msg.next ?? -1);
    const sent = Number(msg.sent ?? -1);
    if (sent >= 0) this.current = sent;
    this.highlight();
  }

  /** A final transcript carrying prepared lines (sent by hand or followed): marks exactly those as sent. */
  markSent(cues) {
    for (const i of cues) document.querySelector(`#script-cues li[data-index="${i}"]`)?.classList.add('sent');
  }

  highlight() {
    for (const li of document.querySelectorAll('#script-cues li[data-index]')) {
      li.classList.toggle('next', this.following && Number(li.dataset.index) === this.next);
      const current = Number(li.dataset.index) === this.current;
      if (current) {
        li.setAttribute('aria-current', 'true');
        li.scrollIntoView({ block: 'nearest' });
      } else li.removeAttribute('aria-current');
    }
    this.syncButtons();
  }

  setEnabled(enabled) {
    this.enabled = enabled;
    this.syncButtons();
  }

  syncButtons() {
    $('cue-previous').disabled = !this.enabled || this.current <= 0;
    $('cue-next').disabled = !this.enabled || this.current >= this.cues.length - 1;
    for (const button of document.querySelectorAll('#script-cues li[data-index] button')) button.disabled = !this.enabled;
    $('script-follow').disabled = !this.enabled || !this.cues.length;
  }

  /** Shows the server's refusal of a cue; false for codes that are not the panel's. */
  onError(msg) {
    if (msg.code !== 'CUE_NOT_FOUND') return false;
    $('script-error').textContent = msg.message;
    $('script-follow').checked = this.following;
    return true;
  }
}
