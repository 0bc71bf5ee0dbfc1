// Language names and the default-language choice. Names come from GET /api/languages when the server knows them,
// otherwise from the browser (Intl.DisplayNames), otherwise the code itself.

let displayNames = null;
try {
  displayNames = new Intl.DisplayNames([navigator.language || 'en', 'en'], { type: 'language' });
} catch {
  displayNames = null;
}

const known = new Map();

export function rememberNames(list) {
  for (const item of list || []) {
    if (item && item.code) known.set(item.code, item.name || item.code);
  }
}

export function languageName(code) {
  if (known.has(code)) return known.get(code);
  try {
    const name = displayNames?.of(code);
    if (name && name !== code) return name;
  } catch {
    // an unusual code: fall through to the code itself
  }
  return code;
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
