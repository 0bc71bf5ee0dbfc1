// The speaker page's side panels: invite (QR + link + copy), listener counts, audio-quality warnings, transcripts.
import { downloadWithToken } from './api.js';
import { formatNumber } from './i18n.js';
import { fillLanguageSelect, languageName } from './languages.js';
import { setupJoinOrigins } from './speaker-origins.js';

const $ = (id) => document.getElementById(id);
const MAX_WARNINGS = 5;

export function setupInvite(session, signal, token) {
  const id = session.sessionId;
  const qrPath = `/api/sessions/${encodeURIComponent(id)}/qr.svg`;
  let joinUrl = '';
  let qrSrc = '';
  const show = (origin) => {
    joinUrl = origin ? `${origin}/join/${id}` : new URL(session.joinUrl || `/join/${id}`, location.origin).toString();
    qrSrc = origin ? `${qrPath}?origin=${encodeURIComponent(origin)}` : qrPath;
    $('qr').src = qrSrc;
    $('qr').alt = `QR code for ${joinUrl}`;
    $('join-link').href = joinUrl;
    $('join-link').textContent = joinUrl;
  };
  show(null);
  $('copy-status').textContent = '';
  setupJoinOrigins(token, show, signal);

  $('copy').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(joinUrl);
      $('copy-status').textContent = 'Link copied.';
    } catch {
      // No clipboard permission (http on a LAN address): select the link text for a manual copy.
      const range = document.createRange();
      range.selectNodeContents($('join-link'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      $('copy-status').textContent = 'Press Ctrl+C (or ⌘C) to copy the selected link.';
    }
  }, { signal });

  const overlay = $('qr-overlay');
  const close = () => {
    overlay.hidden = true;
    $('qr-big').focus();
  };
  $('qr-big').addEventListener('click', () => {
    $('qr-overlay-img').src = qrSrc;
    $('qr-overlay-link').textContent = joinUrl.replace(/^https?:\/\//, '');
    overlay.hidden = false;
    $('qr-close').focus();
  }, { signal });
  $('qr-close').addEventListener('click', close, { signal });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !overlay.hidden) close();
  }, { signal });
}

export function renderCounts(total, distribution) {
  $('listener-count').textContent = formatNumber(total);
  const items = Object.entries(distribution || {})
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => {
      const li = document.createElement('li');
      li.textContent = `${languageName(code)}: ${formatNumber(n)}`;
      return li;
    });
  $('language-counts').replaceChildren(...items);
}

export function addWarning(issue, message) {
  const list = $('warnings');
  const li = document.createElement('li');
  li.className = 'banner warn';
  li.dataset.issue = issue;
  const time = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  li.textContent = `${time} · ${message || issue}`;
  list.prepend(li);
  while (list.children.length > MAX_WARNINGS) list.lastElementChild.remove();
  $('warnings-empty').hidden = true;
}

export function resetWarnings() {
  $('warnings').replaceChildren();
  $('warnings-empty').hidden = false;
}

export function setupTranscripts(session, targetLanguages, token, signal) {
  fillTranscriptLanguages(session.sourceLanguage, targetLanguages);
  for (const button of document.querySelectorAll('[data-format]')) {
    button.addEventListener('click', async () => {
      const lang = $('transcript-language').value;
      const format = button.dataset.format;
      const status = $('download-status');
      status.textContent = 'Preparing…';
      try {
        const name = await downloadWithToken(
          `/api/sessions/${encodeURIComponent(session.sessionId)}/transcript?targetLanguage=${encodeURIComponent(lang)}&format=${format}`,
          token(),
          `${session.sessionId}-${lang}.${format}`,
        );
        status.textContent = `Downloaded ${name}.`;
      } catch (e) {
        status.textContent = `Download failed: ${e.message}`;
      }
    }, { signal });
  }
}

export function fillTranscriptLanguages(source, targets) {
  const select = $('transcript-language');
  const current = select.value;
  const codes = [source, ...(targets || []).filter((c) => c !== source)];
  fillLanguageSelect(select, codes, codes.includes(current) ? current : source);
  select.options[0].textContent = `${languageName(source)} (${source}, original)`;
}
