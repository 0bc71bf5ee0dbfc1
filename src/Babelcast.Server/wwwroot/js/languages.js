// Language names and the default-language choice. Names come from the browser (Intl.DisplayNames) in the page's UI
// language; the server's English names (GET /api/languages) and then the code itself are the fallbacks.

import { intlLocales } from './i18n.js';

// Names in UI languages whose Intl data browsers lack (Chromium has no Esperanto names): the offered languages.
const EXTRA_NAMES = {
  eo: {
    an: 'aragona', ca: 'kataluna', en: 'angla', eo: 'Esperanto', es: 'hispana', fr: 'franca', gl: 'galega',
    it: 'itala', oc: 'okcitana', pt: 'portugala',
  },
};

const known = new Map();
const displayNamesByLocale = new Map();

function displayNames(locales) {
  const key = locales.join(',');
  if (!displayNamesByLocale.has(key)) {
    let names = null;
    try {
      names = new Intl.DisplayNames(locales, { type: 'language', fallback: 'none' });
    } catch {
      names = null;
    }
    displayNamesByLocale.set(key, names);
  }
  return displayNamesByLocale.get(key);
}

export function rememberNames(list) {
  for (const item of list || []) {
    if (item && item.code) known.set(item.code, item.name || item.code);
  }
}

/** The name of language `code` in the UI language (`locales` defaults to the page's). */
export function languageName(code, locales = intlLocales()) {
  try {
    const names = displayNames(locales);
    const wanted = locales[0].split('-')[0];
    const extra = EXTRA_NAMES[wanted]?.[code];
    if (extra && names?.resolvedOptions().locale.split('-')[0] !== wanted) return extra;
    const name = names?.of(code);
    if (name && name !== code) return name;
  } catch {
    // an unusual code: fall through to the server's name or the code itself
  }
  return known.get(code) || code;
}

/** The language's name in itself ("español", "français"): for the page-language choice. */
export function autonym(code) {
  const name = languageName(code, intlLocales(code));
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

/** Picks the best of `available` for the browser's preferred languages (exact, then primary subtag), else the first. */
export function pickDefaultLanguage(available, preferred = navigator.languages || [navigator.language]) {
  if (!available.length) return null;
  const lower = available.map((c) => c.toLowerCase());
  for (const pref of preferred.filter(Boolean).map((p) => p.toLowerCase())) {
    const exact = lower.indexOf(pref);
    if (exact >= 0) return available[exact];
    const primary = pref.split('-')[0];
    const byPrimary = lower.findIndex((c) => c === primary || c.split('-')[0] === primary);
    if (byPrimary >= 0) return available[byPrimary];
  }
  return available[0];
}

export function fillLanguageSelect(select, codes, selected) {
  select.replaceChildren(...codes.map((code) => {
    const option = document.createElement('option');
    option.value = code;
    option.textContent = `${languageName(code)} (${code})`;
    option.selected = code === selected;
    return option;
  }));
}
