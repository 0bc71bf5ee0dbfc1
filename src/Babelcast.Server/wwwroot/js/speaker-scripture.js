// The speaker page's Scripture panel: references found in what the speaker said or typed (scriptureDetected) or
// looked up by hand are offered with their English text; "Send to listeners" sends the scripture message, and each
// listener gets the passage from the installed Bible in its language, or a marked machine translation.
import { api } from './api.js';

const $ = (id) => document.getElementById(id);
const MAX_OFFERS = 8;
const ERROR_CODES = new Set([
  'INVALID_SCRIPTURE_REFERENCE', 'SCRIPTURE_PASSAGE_TOO_LONG', 'NO_BIBLE_FOR_LANGUAGE', 'PASSAGE_NOT_IN_BIBLE', 'SCRIPTURE_UNAVAILABLE',
]);

export class ScripturePanel {
  /** @param {{ send: (message: object) => boolean, token: () => string, signal: AbortSignal }} o */
  constructor({ send, token, signal }) {
    this.send = send;
    this.token = token;
    this.signal = signal;
    this.offers = new Map(); // ref -> <li>
    this.enabled = false;
  }

  start() {
    $('scripture-offers').replaceChildren();
    $('scripture-empty').hidden = false;
    $('scripture-error').textContent = '';
    $('scripture-form').addEventListener('submit', (e) => { e.preventDefault(); this.lookUp(); }, { signal: this.signal });
    this.showBibles();
  }

  async showBibles() {
    try {
      const { bibles } = await api('/api/bibles', { signal: this.signal });
      $('scripture-bibles').textContent = bibles.length
        ? `Installed Bibles: ${bibles.map((b) => `${b.name} (${b.language})`).join(', ')}. Other languages get a marked machine translation of the English.`
        : 'No Bible is installed: passages cannot be sent.';
    } catch {
      $('scripture-bibles').textContent = '';
    }
  }

  /** A reference the server found in a final transcript. */
  detected(msg) {
    const said = msg.truncated ? `You said “${msg.text}” (${msg.display}); the first ${msg.verses} verses are offered.` : `You said “${msg.text}”.`;
    this.offer(msg.ref, said);
  }

  async lookUp() {
    const input = $('scripture-ref');
    const text = input.value.trim();
    if (!text) return;
    $('scripture-error').textContent = '';
    try {
      const passage = await api(`/api/scripture?ref=${encodeURIComponent(text)}&lang=en`, { token: this.token(), signal: this.signal });
      input.value = '';
      this.offer(passage.reference.display, 'Looked up.', passage);
    } catch (e) {
      if (e.name !== 'AbortError') $('scripture-error').textContent = e.message;
    }
  }

  offer(ref, note, passage) {
    this.offers.get(ref)?.remove();
    const li = document.createElement('li');
    li.className = 'scripture-offer';
    li.dataset.ref = ref;
    const title = document.createElement('strong');
    title.textContent = `\u{1F4D6} ${ref}`;
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = note;
    const text = document.createElement('p');
    text.className = 'passage';
    text.textContent = 'Loading the passage…';
    const sendButton = document.createElement('button');
    sendButton.type = 'button';
    sendButton.className = 'scripture-send';
    sendButton.textContent = 'Send to listeners';
    sendButton.disabled = !this.enabled;
    sendButton.addEventListener('click', () => this.sendPassage(ref, li));
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'secondary';
    dismiss.textContent = 'Dismiss';
    dismiss.addEventListener('click', () => { li.remove(); this.offers.delete(ref); this.refreshEmpty(); });
    const row = document.createElement('div');
    row.className = 'row';
    row.append(sendButton, dismiss);
    li.append(title, hint, text, row);
    $('scripture-offers').prepend(li);
    this.offers.set(ref, li);
    while (this.offers.size > MAX_OFFERS) {
      const [oldest, node] = this.offers.entries().next().value;
      node.remove();
      this.offers.delete(oldest);
    }
    this.refreshEmpty();
    if (passage) this.showText(text, passage);
    else this.preview(ref, text);
  }

  async preview(ref, target) {
    try {
      this.showText(target, await api(`/api/scripture?ref=${encodeURIComponent(ref)}&lang=en`, { token: this.token(), signal: this.signal }));
    } catch (e) {
      if (e.name !== 'AbortError') target.textContent = `No preview: ${e.message}`;
    }
  }

  showText(target, passage) {
    target.textContent = passage.verses.map((v) => `${v.verse} ${v.text}`).join(' ');
    target.title = passage.bible.name;
  }

  sendPassage(ref, li) {
    $('scripture-error').textContent = '';
    if (!this.send({ type: 'scripture', ref })) {
      $('scripture-error').textContent = 'Not connected: the passage was not sent. Send it again once connected.';
      return;
    }
    li.classList.add('sent');
    li.querySelector('.scripture-send').textContent = 'Sent — send again';
  }

  refreshEmpty() {
    $('scripture-empty').hidden = this.offers.size > 0;
  }

  setEnabled(enabled) {
    this.enabled = enabled;
    for (const button of document.querySelectorAll('#scripture-offers .scripture-send')) button.disabled = !enabled;
  }

  /** Shows the server's refusal of a passage; false for codes that are not the panel's. */
  onError(msg) {
    if (!ERROR_CODES.has(msg.code)) return false;
    $('scripture-error').textContent = msg.message;
    return true;
  }
}
