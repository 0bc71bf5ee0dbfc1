// Page messages from /i18n/{lang}.json with English as the fallback for a missing key, plus the Intl helpers
// (numbers, dates, plural forms, text direction). Shared by every page a listener sees (join, caption display).
// Markup opts in with a data-i18n attribute holding the key (text) or data-i18n-aria-label, -title, -alt, -placeholder.

/** The languages with a message file in /i18n (the key-completeness test checks this list against the files). */
export const UI_LANGUAGES = ['an', 'ca', 'en', 'eo', 'es', 'fr', 'gl', 'it', 'oc', 'pt'];

const FALLBACK = 'en';
const ATTRIBUTES = ['aria-label', 'title', 'alt', 'placeholder'];
// Locales whose own Intl data browsers may lack: borrow the nearest one for numbers, dates and language names.
// The Portuguese messages are European Portuguese (and so are its plural forms: "0 pessoas").
const INTL_CHAIN = { pt: ['pt-PT', 'pt'], an: ['an', 'es'], oc: ['oc', 'fr', 'ca'], gl: ['gl', 'es'], eo: ['eo', 'en'] };
const RTL = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ku-arab', 'ps', 'sd', 'ug', 'ur', 'yi']);

const cache = new Map(); // lang -> Promise<object>
// Until a page chooses (setUiLanguage), the UI language is the one its markup is written in.
let current = supportedUiLanguage(document.documentElement.lang) || FALLBACK;
let messages = {};
let fallback = {};
const listeners = new Set();

function load(lang) {
  if (!cache.has(lang)) {
    cache.set(lang, fetch(`/i18n/${encodeURIComponent(lang)}.json`, { cache: 'no-cache' })
      .then((r) => (r.ok ? r.json() : {}))
      .catch(() => ({})));
  }
  return cache.get(lang);
}

/** Maps any tag (pt-PT, es-419, EN) to a UI language that has a message file, or null. */
export function supportedUiLanguage(tag) {
  if (!tag) return null;
  const lower = String(tag).toLowerCase();
  if (UI_LANGUAGES.includes(lower)) return lower;
  const primary = lower.split('-')[0];
  return UI_LANGUAGES.includes(primary) ? primary : null;
}

/** The first of the browser's languages that has messages, else English. */
export function browserUiLanguage(preferred = navigator.languages || [navigator.language]) {
  for (const tag of preferred) {
    const lang = supportedUiLanguage(tag);
    if (lang) return lang;
  }
  return FALLBACK;
}

/** 'rtl' or 'ltr' for a language tag (Intl text info where the browser has it). */
export function directionOf(tag) {
  try {
    const locale = new Intl.Locale(tag);
    const info = locale.getTextInfo?.() ?? locale.textInfo;
    if (info?.direction) return info.direction;
  } catch {
    // not a valid tag: decide by the list
  }
  const lower = String(tag).toLowerCase();
  return RTL.has(lower) || RTL.has(lower.split('-')[0]) ? 'rtl' : 'ltr';
}

/** Sets lang and dir on an element (captions, live region) for text in language `tag`. */
export function markLanguage(element, tag) {
  if (!element || !tag) return;
  element.lang = tag;
  element.dir = directionOf(tag);
}

/** Loads the messages of `lang` (and English), marks <html> and translates the document. */
export async function setUiLanguage(lang) {
  const next = supportedUiLanguage(lang) || FALLBACK;
  const [own, en] = await Promise.all([load(next), load(FALLBACK)]);
  current = next;
  messages = own;
  fallback = en;
  markLanguage(document.documentElement, next);
  translateDom(document);
  for (const listener of listeners) listener(next);
  return next;
}

export function uiLanguage() {
  return current;
}

/** Locales for Intl in the UI language, with a borrowed neighbour where the browser may lack data. */
export function intlLocales(lang = current) {
  return [...(INTL_CHAIN[lang] || [lang]), FALLBACK];
}

/** Called after every language switch (the page re-renders its dynamic texts). */
export function onUiLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function lookup(key) {
  const own = messages[key];
  if (typeof own === 'string' && own !== '') return own;
  const en = fallback[key];
  return typeof en === 'string' && en !== '' ? en : null;
}

/**
 * The message `key` with {name} placeholders filled; numbers are formatted for the UI language. With a numeric
 * `count` parameter the plural form `key.one` / `key.other` (Intl.PluralRules) is used.
 */
export function t(key, params = {}) {
  let text = null;
  if (typeof params.count === 'number') {
    const category = new Intl.PluralRules(intlLocales()).select(params.count);
    text = lookup(`${key}.${category}`) ?? lookup(`${key}.other`);
  }
  text = text ?? lookup(key) ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => {
    const value = params[name];
    if (value === undefined || value === null) return whole;
    return typeof value === 'number' ? formatNumber(value) : String(value);
  });
}

export function formatNumber(value, options) {
  return new Intl.NumberFormat(intlLocales(), options).format(value);
}

export function formatDate(value, options = { dateStyle: 'medium', timeStyle: 'short' }) {
  return new Intl.DateTimeFormat(intlLocales(), options).format(value instanceof Date ? value : new Date(value));
}

/** Fills every data-i18n text and data-i18n-{attribute} under root. */
export function translateDom(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const attribute of ATTRIBUTES) {
    for (const el of root.querySelectorAll(`[data-i18n-${attribute}]`)) {
      el.setAttribute(attribute, t(el.getAttribute(`data-i18n-${attribute}`)));
    }
  }
}
