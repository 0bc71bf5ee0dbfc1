// Keyed banners (disconnected, paused, muted, ended...): setting a key replaces its text, clearing removes it.
// A banner's text may be a function, evaluated again by refresh() (after the page language changes).

export class Banners {
  constructor(container) {
    this.container = container;
    this.items = new Map(); // key -> {el, text}
  }

  /** @param {{label: string, onClick: () => void}} [action] a button after the text (e.g. "Try again") */
  set(key, text, kind = 'info', action = undefined) {
    let item = this.items.get(key);
    if (!item) {
      const el = document.createElement('p');
      el.dataset.banner = key;
      item = { el, text };
      this.items.set(key, item);
      this.container.append(el);
    }
    item.text = text;
    item.el.className = `banner ${kind}`;
    item.el.textContent = typeof text === 'function' ? text() : text;
    if (action) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'banner-action';
      button.textContent = action.label;
      button.addEventListener('click', action.onClick, { once: true });
      item.el.append(' ', button);
    }
  }

  clear(key) {
    this.items.get(key)?.el.remove();
    this.items.delete(key);
  }

  has(key) {
    return this.items.has(key);
  }

  refresh() {
    for (const item of this.items.values()) {
      if (typeof item.text === 'function') item.el.textContent = item.text();
    }
  }
}
