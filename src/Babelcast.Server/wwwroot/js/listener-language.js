// The listener's page language: by default it follows the caption language (a listener who picks Portuguese reads a
// Portuguese page); before any caption language is chosen it follows the browser's languages; a choice made apart
// from the captions is remembered on the device.
import { browserUiLanguage, onUiLanguageChange, setUiLanguage, supportedUiLanguage, t, UI_LANGUAGES } from './i18n.js';
import { autonym } from './languages.js';

const UI_KEY = 'babelcast.uiLanguage';

export class PageLanguage {
  /** @param {HTMLSelectElement[]} selects  every "page language" control on the page; they stay in step */
  constructor(selects) {
    this.selects = selects;
    this.captionLanguage = null;
    this.explicit = supportedUiLanguage(readSetting());
    for (const select of selects) select.addEventListener('change', () => this.choose(select.value));
    onUiLanguageChange(() => this.fill());
  }

  /** The caption language the listener chose (or had chosen before, on this device). */
  followCaptions(code) {
    this.captionLanguage = code;
    return this.apply();
  }

  get current() {
    return this.explicit || supportedUiLanguage(this.captionLanguage) || browserUiLanguage();
  }

  /** '' means "same as the captions". */
  choose(value) {
    this.explicit = supportedUiLanguage(value);
    try {
      if (this.explicit) localStorage.setItem(UI_KEY, this.explicit);
      else localStorage.removeItem(UI_KEY);
    } catch {
      // storage disabled: the choice lasts for this page only
    }
    return this.apply();
  }

  apply() {
    return setUiLanguage(this.current);
  }

  fill() {
    const follow = document.createElement('option');
    follow.value = '';
    follow.textContent = t('ui.followCaptions');
    const options = [...UI_LANGUAGES]
      .map((code) => ({ code, name: autonym(code) }))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(({ code, name }) => {
        const option = document.createElement('option');
        option.value = code;
        option.lang = code;
        option.textContent = name;
        return option;
      });
    for (const select of this.selects) {
      select.replaceChildren(follow.cloneNode(true), ...options.map((o) => o.cloneNode(true)));
      select.value = this.explicit || '';
    }
  }
}

function readSetting() {
  try {
    return localStorage.getItem(UI_KEY);
  } catch {
    return null;
  }
}
