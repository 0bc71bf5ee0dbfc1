// Speaker page: the glossary editor. The speaker's reusable lists of terms (term, "sounds like", renderings per
// language), saved through /api/glossaries, and the choice of the list the current session uses. Self-contained:
// it reads the token the sign-in stored and the session id the page exposes, and refreshes when the live view opens.
import { api, ApiError, downloadWithToken } from './api.js';

const $ = (id) => document.getElementById(id);
const TOKEN_KEY = 'babelcast.token';
let glossaries = [];
let current = null; // the glossary being edited (null: a new one not saved yet)
let sessionIds = [];

function token() {
  try {
    const t = JSON.parse(sessionStorage.getItem(TOKEN_KEY) || 'null');
    return t && t.expiresAt > Date.now() ? t.accessToken : null;
  } catch {
    return null;
  }
}

const sessionId = () => window.babelcast?.sessionId ?? null;

function status(text, isError = false) {
  const el = $('glossary-status');
  el.textContent = text;
  el.classList.toggle('error-text', isError);
}

function explain(error) {
  return error instanceof ApiError ? `${error.message} (${error.code})` : String(error);
}

/** "es: Eclesiastés; fr: l'Ecclésiaste" <-> {es: "Eclesiastés", fr: "l'Ecclésiaste"} */
function renderingsText(renderings) {
  return Object.entries(renderings || {}).map(([lang, text]) => `${lang}: ${text}`).join('; ');
}

function parseRenderings(text) {
  const renderings = {};
  for (const part of text.split(';')) {
    const colon = part.indexOf(':');
    if (colon > 0 && part.slice(colon + 1).trim()) renderings[part.slice(0, colon).trim()] = part.slice(colon + 1).trim();
  }
  return renderings;
}

function addRow(entry = { term: '', soundsLike: '', renderings: {} }) {
  const row = document.createElement('tr');
  const cell = (value, label, cls) => {
    const td = document.createElement('td');
    const input = document.createElement('input');
    input.type = 'text';
    input.value = value || '';
    input.className = cls;
    input.setAttribute('aria-label', label);
    td.append(input);
    return td;
  };
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'secondary';
  remove.textContent = '✕';
  remove.setAttribute('aria-label', 'Remove term');
  remove.addEventListener('click', () => row.remove());
  const last = document.createElement('td');
  last.append(remove);
  row.append(cell(entry.term, 'Term', 'g-term'), cell(entry.soundsLike, 'Sounds like', 'g-sounds'),
    cell(renderingsText(entry.renderings), 'Renderings', 'g-renderings'), last);
  $('glossary-rows').append(row);
  return row;
}

function rowsToEntries() {
  return [...$('glossary-rows').querySelectorAll('tr')]
    .map((row) => ({
      term: row.querySelector('.g-term').value.trim(),
      soundsLike: row.querySelector('.g-sounds').value.trim() || null,
      renderings: parseRenderings(row.querySelector('.g-renderings').value),
    }))
    .filter((e) => e.term);
}

function show(glossary) {
  current = glossary;
  $('glossary-name').value = glossary?.name ?? 'My terms';
  $('glossary-rows').replaceChildren();
  for (const entry of glossary?.entries ?? []) addRow(entry);
  if (!glossary?.entries?.length) addRow();
  $('glossary-use').checked = !!glossary && sessionIds.includes(glossary.id);
  $('glossary-delete').disabled = !glossary;
  $('glossary-export').disabled = !glossary;
}

function fillSelect(selectedId) {
  const select = $('glossary-select');
  select.replaceChildren();
  for (const g of glossaries) select.append(new Option(`${g.name} (${g.entries.length})`, g.id));
  select.append(new Option('— new list —', ''));
  select.value = selectedId ?? '';
}

async function refresh(selectedId) {
  const t = token();
  if (!t) return;
  try {
    glossaries = (await api('/api/glossaries', { token: t })).glossaries;
    const id = sessionId();
    sessionIds = id ? (await api(`/api/sessions/${id}/glossaries`, { token: t })).glossaryIds : [];
    const pick = selectedId ?? sessionIds[0] ?? glossaries[0]?.id ?? null;
    fillSelect(pick);
    show(glossaries.find((g) => g.id === pick) ?? null);
  } catch (error) {
    status(`Could not load glossaries: ${explain(error)}`, true);
  }
}

async function save() {
  const t = token();
  const body = { name: $('glossary-name').value.trim(), entries: rowsToEntries() };
  try {
    const saved = current
      ? await api(`/api/glossaries/${current.id}`, { method: 'PUT', body, token: t })
      : await api('/api/glossaries', { method: 'POST', body, token: t });
    await applyUse(saved.id);
    await refresh(saved.id);
    status(`Saved “${saved.name}”: ${saved.entries.length} terms. It applies from the next phrase.`);
  } catch (error) {
    status(`Not saved: ${explain(error)}`, true);
  }
}

/** Attaches or detaches the list to the current session according to the checkbox. */
async function applyUse(id) {
  const session = sessionId();
  if (!session || !id) return;
  const wanted = $('glossary-use').checked;
  const ids = sessionIds.filter((g) => g !== id);
  if (wanted) ids.unshift(id);
  if (ids.length === sessionIds.length && ids.every((g, i) => g === sessionIds[i])) return;
  sessionIds = (await api(`/api/sessions/${session}/glossaries`, { method: 'PUT', body: { glossaryIds: ids }, token: token() })).glossaryIds;
}

async function removeCurrent() {
  if (!current) return;
  try {
    await api(`/api/glossaries/${current.id}`, { method: 'DELETE', token: token() });
    status(`Deleted “${current.name}”.`);
    await refresh(null);
  } catch (error) {
    status(`Not deleted: ${explain(error)}`, true);
  }
}

async function importCsv(file) {
  if (!file) return;
  try {
    if (!current) {
      current = await api('/api/glossaries', { method: 'POST', body: { name: $('glossary-name').value.trim() || file.name, entries: [] }, token: token() });
    }
    const response = await fetch(`/api/glossaries/${current.id}/entries.csv`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token()}`, 'Content-Type': 'text/csv' },
      body: await file.text(),
    });
    const body = await response.json();
    if (!response.ok) throw new ApiError(response.status, body);
    await refresh(body.id);
    status(`Imported ${body.entries.length} terms from ${file.name}.`);
  } catch (error) {
    status(`Not imported: ${explain(error)}`, true);
  } finally {
    $('glossary-import').value = '';
  }
}

function wire() {
  $('glossary-select').addEventListener('change', (e) => show(glossaries.find((g) => g.id === e.target.value) ?? null));
  $('glossary-new').addEventListener('click', () => { fillSelect(''); show(null); $('glossary-name').focus(); });
  $('glossary-add').addEventListener('click', () => addRow().querySelector('input').focus());
  $('glossary-save').addEventListener('click', save);
  $('glossary-delete').addEventListener('click', removeCurrent);
  $('glossary-use').addEventListener('change', async () => {
    if (!current) return;
    try {
      await applyUse(current.id);
      status($('glossary-use').checked ? 'This session uses the list from its next phrase.' : 'This session no longer uses the list.');
    } catch (error) {
      status(`Not changed: ${explain(error)}`, true);
    }
  });
  $('glossary-export').addEventListener('click', async () => {
    if (!current) return;
    try {
      await downloadWithToken(`/api/glossaries/${current.id}/entries.csv`, token(), 'glossary.csv');
    } catch (error) {
      status(`Not exported: ${explain(error)}`, true);
    }
  });
  $('glossary-import').addEventListener('change', (e) => importCsv(e.target.files[0]));

  // The live view opens for a session: load the lists and the session's choice.
  const live = $('live');
  // A co-operator's console has no glossary: glossaries are the owner's account's.
  const mine = () => !live.hidden && window.babelcast?.role !== 'operator';
  new MutationObserver(() => { if (mine()) refresh(); }).observe(live, { attributes: true, attributeFilter: ['hidden'] });
  if (mine()) refresh();
}

wire();
