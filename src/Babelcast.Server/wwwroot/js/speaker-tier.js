// The quality tier on the speaker page: which engines serve each tier (GET /api/languages, `qualityTiers`), the tier
// chosen for a new session, and a change of tier during a live session (PATCH; it applies from the next phrase).

import { api } from './api.js';
import { languageName } from './languages.js';

const NAMES = { standard: 'Standard', premium: 'Premium' };

/** One line: who recognises and translates for this tier and source language. */
export function tierSummary(languages, tier, source) {
  const info = languages?.qualityTiers?.[tier];
  if (!info) return '';
  if (!info.available) return `${NAMES[tier] || tier}: not available. ${info.unavailableReason || 'No premium engine is configured on this server.'}`;
  const chains = Object.entries(info.translation?.[source] || {});
  const better = chains.filter(([, engines]) => engines.length > 1);
  let translation;
  if (better.length === 0) {
    translation = `translation by ${[...new Set(chains.map(([, engines]) => engines[0]))].join(', ') || 'none'}`;
  } else {
    const [engine, fallback] = better[0][1];
    const names = better.map(([code]) => languageName(code)).join(', ');
    translation = `translation by ${engine} for ${names} (${fallback} if it fails or takes over ${info.translationBudgetSeconds} s; partial captions by ${fallback})`;
  }
  return `${NAMES[tier] || tier}: recognition by ${info.recognition}, ${translation}.`;
}

/** The chosen tier's summary, then why any tier that cannot be chosen is unavailable (its option is disabled). */
export function tierHint(languages, tier, source) {
  const tiers = languages?.qualityTiers || {};
  const unavailable = Object.keys(tiers).filter(t => t !== tier && !tiers[t].available);
  return [tier, ...unavailable].map(t => tierSummary(languages, t, source)).filter(Boolean).join(' ');
}

/** Marks the premium option of `select` unavailable when the server cannot serve it. */
export function markTierOptions(select, languages) {
  for (const option of select.options) {
    const info = languages?.qualityTiers?.[option.value];
    const available = !info || info.available;
    option.disabled = !available;
    option.title = available ? '' : (info.unavailableReason || '');
    option.textContent = (NAMES[option.value] || option.value) + (available ? '' : ' (unavailable)');
  }
  if (select.selectedOptions[0]?.disabled) select.value = 'standard';
}

/** The live session's tier selector: shows the tier and its engines, and PATCHes a change. */
export function setupLiveTier(session, languages, token, { select, hint, error }) {
  markTierOptions(select, languages);
  select.value = session.qualityTier || 'standard';
  const show = () => { hint.textContent = tierHint(languages, select.value, session.sourceLanguage); };
  show();
  select.onchange = async () => {
    const wanted = select.value;
    error.textContent = '';
    select.disabled = true;
    try {
      const updated = await api(`/api/sessions/${encodeURIComponent(session.sessionId)}`, { method: 'PATCH', token: token(), body: { qualityTier: wanted } });
      session.qualityTier = updated.qualityTier;
      hint.textContent = `${tierSummary(languages, updated.qualityTier, session.sourceLanguage)} From the next phrase.`;
    } catch (e) {
      select.value = session.qualityTier || 'standard';
      error.textContent = e.code === 'PREMIUM_TIER_UNAVAILABLE' ? e.message : `Cannot change the quality: ${e.message}`;
      show();
    } finally {
      select.disabled = false;
    }
  };
}
