// Corrections on the speaker page: the last final lines, each editable. A corrected line goes to the server
// ({type:"correct", seq, text}), which translates it again, replaces every listener's caption in place and answers
// with transcriptCorrected; the audio is not replayed. The server decides what may be corrected (the last
// Babelcast:Corrections:CorrectablePhrases phrases, a rate and a length); its refusals are shown here.
const $ = (id) => document.getElementById(id);
const KEPT = 20; // the server's default window; older lines leave the list
const REFUSALS = new Set(['PHRASE_NOT_CORRECTABLE', 'CORRECTION_TOO_LONG', 'CORRECTION_RATE_EXCEEDED']);

export class SpeakerCorrections {
  /** @param {import('./speaker-live.js').LiveSession} live */
  constructor(live) {
    this.live = live;
    this.lines = new Map(); // seq -> { text, li, input, button }
  }

  start() {
    $('corrections-section').hidden = false;
    $('corrections-list').replaceChildren();
    $('corrections-empty').hidden = false;
    $('corrections-status').textContent = '';
  }

  /** A final transcript line: it becomes correctable (the oldest leaves the list). */
  add(seq, text) {
    if (this.lines.has(seq) || !text) return;
    const li = document.createElement('li');
    li.dataset.seq = String(seq);
    const label = document.createElement('label');
    label.className = 'seq';
    label.textContent = `#${seq}`;
    const input = document.createElement('input');
    input.type = 'text';
    input.maxLength = 500;
    input.value = text;
    input.id = `correct-${seq}`;
    label.htmlFor = input.id;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.textContent = 'Correct';
    button.disabled = true;
    input.addEventListener('input', () => { button.disabled = input.value.trim() === this.lines.get(seq)?.text; });
    input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); this.send(seq); } });
    button.addEventListener('click', () => this.send(seq));
    li.append(label, input, button);
    $('corrections-list').append(li);
    $('corrections-empty').hidden = true;
    this.lines.set(seq, { text, li, input, button });
    while (this.lines.size > KEPT) {
      const [oldest] = this.lines.keys();
      this.lines.get(oldest).li.remove();
      this.lines.delete(oldest);
    }
  }

  send(seq) {
    const line = this.lines.get(seq);
    const text = line?.input.value.trim();
    if (!line || !text || text === line.text) return;
    if (this.live.socket.send({ type: 'correct', seq, text })) {
      line.button.disabled = true;
      $('corrections-status').textContent = `Sending the correction of line #${seq}…`;
    } else {
      $('corrections-status').textContent = 'Not connected: the correction was not sent. Send it again once connected.';
    }
  }

  /** transcriptCorrected: the server stored it and told the listeners. */
  corrected(msg) {
    this.live.view.correct(msg.seq, msg.text);
    const line = this.lines.get(msg.seq);
    if (line) {
      line.text = msg.text;
      line.input.value = msg.text;
      line.button.disabled = true;
    }
    const languages = (msg.languages || []).join(', ') || 'no listener language';
    $('corrections-status').textContent = `Line #${msg.seq} corrected (sent again in ${languages}).`;
  }

  /** True for a refusal of a correction, shown beside the list; the line stays editable. */
  refused(msg) {
    if (!REFUSALS.has(msg.code)) return false;
    $('corrections-status').textContent = msg.message || msg.code;
    for (const line of this.lines.values()) line.button.disabled = line.input.value.trim() === line.text;
    return true;
  }

  sync(ended) {
    for (const line of this.lines.values()) {
      line.input.disabled = ended;
      if (ended) line.button.disabled = true;
    }
  }
}
