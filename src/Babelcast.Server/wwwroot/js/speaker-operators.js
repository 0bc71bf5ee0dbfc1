// The owner's co-operators panel on a live session: invite another account by user name, list, remove (revoking
// closes that person's operator console at once). PUT/GET/DELETE /api/sessions/{id}/operators.
import { api } from './api.js';

const $ = (id) => document.getElementById(id);

function explain(error) {
  switch (error.code) {
    case 'USER_NOT_FOUND': return 'No such account. Ask the server administrator to create it (babelcast users add NAME).';
    case 'CANNOT_INVITE_SELF': return 'That is your own account.';
    case 'OPERATOR_LIMIT_REACHED': return error.message;
    case 'SESSION_ENDED': return 'The session has ended.';
    default: return error.message;
  }
}

export class OperatorsPanel {
  /** @param {{ sessionId: string, token: () => string, signal: AbortSignal }} o */
  constructor({ sessionId, token, signal }) {
    this.path = `/api/sessions/${encodeURIComponent(sessionId)}/operators`;
    this.token = token;
    this.signal = signal;
  }

  start() {
    $('operators-panel').hidden = false;
    $('operator-status').textContent = '';
    $('operator-list').replaceChildren();
    $('operator-form').addEventListener('submit', (e) => { e.preventDefault(); this.invite(); }, { signal: this.signal });
    this.refresh();
  }

  stop() {
    $('operators-panel').hidden = true;
  }

  async refresh() {
    try {
      const list = await api(this.path, { token: this.token(), signal: this.signal });
      this.render(list.operators || []);
    } catch (e) {
      if (e.name !== 'AbortError') $('operator-status').textContent = `Cannot list co-operators: ${explain(e)}`;
    }
  }

  render(operators) {
    const items = operators.map((o) => {
      const li = document.createElement('li');
      const text = document.createElement('span');
      text.textContent = `${o.username} · invited ${new Date(o.invitedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'secondary';
      remove.textContent = 'Remove';
      remove.setAttribute('aria-label', `Remove co-operator ${o.username}`);
      remove.addEventListener('click', () => this.remove(o.username), { signal: this.signal });
      li.append(text, remove);
      return li;
    });
    $('operator-list').replaceChildren(...items);
    if (!operators.length) $('operator-status').textContent = 'Nobody else operates this session.';
  }

  async invite() {
    const input = $('operator-username');
    const username = input.value.trim().toLowerCase();
    if (!username) return;
    try {
      await api(`${this.path}/${encodeURIComponent(username)}`, { method: 'PUT', token: this.token(), signal: this.signal });
      input.value = '';
      await this.refresh();
      $('operator-status').textContent = `${username} can now operate this session.`;
    } catch (e) {
      if (e.name !== 'AbortError') $('operator-status').textContent = `Not invited: ${explain(e)}`;
    }
  }

  async remove(username) {
    try {
      await api(`${this.path}/${encodeURIComponent(username)}`, { method: 'DELETE', token: this.token(), signal: this.signal });
      await this.refresh();
      $('operator-status').textContent = `${username} no longer operates this session.`;
    } catch (e) {
      if (e.name !== 'AbortError') $('operator-status').textContent = `Not removed: ${explain(e)}`;
    }
  }
}
