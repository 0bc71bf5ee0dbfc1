// Keyed banners (disconnected, paused, muted, ended...): setting a key replaces its text, clearing removes it.

export class Banners {
  constructor(container) {
    this.container = container;
    this.items = new Map();
  }

  set(key, text, kind = 'info') {
    let el = this.items.get(key);
    if (!el) {
      el = document.createElement('p');
      el.dataset.banner = key;
      this.items.set(key, el);
      this.container.append(el);
    }
    el.className = `banner ${kind}`;
    el.textContent = text;
  }

  clear(key) {
    this.items.get(key)?.remove();
    this.items.delete(key);
  }

  has(key) {
    return this.items.has(key);
  }
}
