// The caption area: one line per phrase seq. A partial revises its line in place; a final closes it. Lines stay in
// seq order, each final is shown once (dedupe by seq), auto-scroll follows the live edge unless the reader scrolled up.
// Every caption line carries the lang/dir of its language (a screen reader picks the matching voice); the page's own
// words in the area (empty text, dividers) carry the UI language's.
import { markLanguage } from './i18n.js';

export class CaptionView {
  /**
   * @param {HTMLElement} container  the scrollable element
   * @param {object} o
   * @param {HTMLElement} [o.announcer]  polite live region that receives each live final
   * @param {HTMLElement} [o.jumpButton]  shown while the reader is scrolled away from the live edge
   * @param {string | (() => string)} [o.emptyText]  a function is evaluated again by refreshEmpty()
   * @param {() => string} [o.uiLanguage]  the language of emptyText and dividers
   */
  constructor(container, { announcer, jumpButton, emptyText, uiLanguage } = {}) {
    this.container = container;
    this.announcer = announcer;
    this.jumpButton = jumpButton;
    this.emptyText = emptyText || 'Captions will appear here.';
    this.uiLanguage = uiLanguage || (() => document.documentElement.lang);
    this.language = null;
    this.lines = new Map(); // seq -> <p>
    this.finalSeqs = new Set();
    this.finals = []; // [{seq, text, origin}] in arrival order (exposed to tests)
    this.follow = true;
    container.addEventListener('scroll', () => this.onScroll(), { passive: true });
    jumpButton?.addEventListener('click', () => this.jumpToLive());
    this.showEmpty();
  }

  get lastFinalSeq() {
    let max = -1;
    for (const seq of this.finalSeqs) if (seq > max) max = seq;
    return max;
  }

  /** The language of the captions from now on: marks the area, the live region and every new line. */
  setLanguage(tag) {
    this.language = tag;
    markLanguage(this.container, tag);
    markLanguage(this.announcer, tag);
  }

  hasFinal(seq) {
    return this.finalSeqs.has(seq);
  }

  /** Partial text of phrase seq (ignored once the phrase is final). */
  partial(seq, text) {
    if (this.finalSeqs.has(seq)) return;
    const line = this.lineFor(seq);
    line.className = 'partial';
    line.textContent = text;
    this.afterChange();
  }

  /**
   * Final text of phrase seq; returns false for a duplicate. A Bible passage (origin 'scripture') shows its reference
   * before the text, and a note after it when the text is a machine translation (no Bible in the language).
   * @param {object} [o]
   * @param {string} [o.reference]  e.g. "John 3:16"
   * @param {boolean} [o.machineTranslated]
   * @param {{ scripture?: string, machineTranslated?: string }} [o.labels]  the UI language's words
   */
  final(seq, text, { replay = false, origin, reference, machineTranslated = false, labels = {} } = {}) {
    if (this.finalSeqs.has(seq)) return false;
    this.finalSeqs.add(seq);
    this.finals.push({ seq, text, origin });
    const line = this.lineFor(seq);
    line.className = replay ? 'final replay' : 'final';
    if (origin === 'typed' || origin === 'prepared') line.classList.add(origin);
    line.textContent = text;
    if (origin === 'scripture') this.markScripture(line, reference, machineTranslated, labels);
    if (!replay && this.announcer) this.announcer.textContent = reference ? `${reference}: ${text}` : text;
    this.afterChange();
    return true;
  }

  /**
   * A correction of final phrase seq: its text is replaced in place (the line keeps its position and classes) with a
   * small "corrected" mark; an unknown or not yet final seq is ignored (a late joiner's replay brings the new text).
   * @param {string | (() => string)} [mark]  the mark's words, in the UI language
   */
  correct(seq, text, mark = 'corrected') {
    if (!this.finalSeqs.has(seq)) return false;
    const line = this.lines.get(seq);
    if (!line) return false;
    const entry = this.finals.find((f) => f.seq === seq);
    if (entry) entry.text = text;
    line.textContent = text;
    line.classList.add('corrected');
    const badge = document.createElement('span');
    badge.className = 'corrected-mark';
    badge.textContent = typeof mark === 'function' ? mark() : mark;
    markLanguage(badge, this.uiLanguage());
    line.append(' ', badge);
    return true;
  }

  markScripture(line, reference, machineTranslated, labels) {
    line.classList.add('scripture');
    const ref = document.createElement('span');
    ref.className = 'ref';
    ref.textContent = reference || labels.scripture || 'Scripture';
    if (labels.scripture) ref.title = labels.scripture;
    line.prepend(ref, ' ');
    if (machineTranslated) {
      const note = document.createElement('span');
      note.className = 'mt-note';
      note.textContent = `(${labels.machineTranslated || 'machine translation'})`;
      markLanguage(note, this.uiLanguage());
      line.append(' ', note);
    }
  }

  /** A visual marker (language change, reconnect); it does not reset the seq bookkeeping. */
  divider(text) {
    this.removeEmpty();
    for (const [seq, line] of this.lines) {
      if (!this.finalSeqs.has(seq)) {
        line.remove();
        this.lines.delete(seq);
      }
    }
    const p = document.createElement('p');
    p.className = 'divider';
    p.textContent = text;
    markLanguage(p, this.uiLanguage());
    this.container.append(p);
    this.afterChange();
  }

  lineFor(seq) {
    let line = this.lines.get(seq);
    if (line) return line;
    this.removeEmpty();
    line = document.createElement('p');
    line.dataset.seq = String(seq);
    markLanguage(line, this.language);
    // Keep seq order among phrase lines that come after the last divider.
    let before = null;
    for (let node = this.container.lastElementChild; node; node = node.previousElementSibling) {
      if (node.classList.contains('divider')) break;
      if (node.dataset.seq !== undefined && Number(node.dataset.seq) > seq) before = node;
    }
    this.container.insertBefore(line, before);
    this.lines.set(seq, line);
    return line;
  }

  showEmpty() {
    const p = document.createElement('p');
    p.className = 'empty';
    this.container.replaceChildren(p);
    this.refreshEmpty();
  }

  refreshEmpty() {
    const p = this.container.querySelector(':scope > .empty');
    if (!p) return;
    p.textContent = typeof this.emptyText === 'function' ? this.emptyText() : this.emptyText;
    markLanguage(p, this.uiLanguage());
  }

  removeEmpty() {
    this.container.querySelector(':scope > .empty')?.remove();
  }

  afterChange() {
    if (this.follow) {
      this.container.scrollTop = this.container.scrollHeight;
    } else if (this.jumpButton) {
      this.jumpButton.hidden = false;
    }
  }

  onScroll() {
    const c = this.container;
    const atBottom = c.scrollHeight - c.scrollTop - c.clientHeight < 24;
    this.follow = atBottom;
    if (this.jumpButton) this.jumpButton.hidden = atBottom;
  }

  jumpToLive() {
    this.follow = true;
    this.container.scrollTop = this.container.scrollHeight;
    if (this.jumpButton) this.jumpButton.hidden = true;
  }
}
