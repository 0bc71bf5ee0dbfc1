// Listener controls that only touch this device: audio pause/mute/volume and the caption font size.
import { formatNumber, onUiLanguageChange, t } from './i18n.js';

const SIZES = [1, 1.125, 1.25, 1.375, 1.625, 2, 2.5, 3];
const SIZE_KEY = 'babelcast.captionSize';
const VOLUME_KEY = 'babelcast.volume';

export function setupDisplayControls(player) {
  const $ = (id) => document.getElementById(id);
  let sizeIndex = Number(localStorage.getItem(SIZE_KEY) ?? 3);
  if (!(sizeIndex >= 0 && sizeIndex < SIZES.length)) sizeIndex = 3;

  const applySize = () => {
    document.documentElement.style.setProperty('--caption-scale', String(SIZES[sizeIndex]));
    $('font-smaller').disabled = sizeIndex === 0;
    $('font-larger').disabled = sizeIndex === SIZES.length - 1;
    localStorage.setItem(SIZE_KEY, String(sizeIndex));
  };
  $('font-smaller').addEventListener('click', () => { sizeIndex = Math.max(0, sizeIndex - 1); applySize(); });
  $('font-larger').addEventListener('click', () => { sizeIndex = Math.min(SIZES.length - 1, sizeIndex + 1); applySize(); });
  applySize();

  const pause = $('pause');
  const mute = $('mute');
  const volume = $('volume');
  const labelButtons = () => {
    pause.textContent = pause.classList.contains('on') ? t('audio.resume') : t('audio.pause');
    mute.textContent = mute.classList.contains('on') ? t('audio.unmute') : t('audio.mute');
    volume.setAttribute('aria-valuetext', formatNumber(Number(volume.value), { style: 'percent' }));
  };

  pause.addEventListener('click', () => {
    const paused = !pause.classList.contains('on');
    player.setPaused(paused);
    pause.classList.toggle('on', paused);
    labelButtons();
  });

  mute.addEventListener('click', () => {
    const muted = !mute.classList.contains('on');
    player.setMuted(muted);
    mute.classList.toggle('on', muted);
    labelButtons();
  });

  const saved = Number(localStorage.getItem(VOLUME_KEY));
  if (localStorage.getItem(VOLUME_KEY) !== null && saved >= 0 && saved <= 1) volume.value = String(saved);
  const applyVolume = () => {
    player.setVolume(Number(volume.value));
    labelButtons();
    localStorage.setItem(VOLUME_KEY, volume.value);
  };
  volume.addEventListener('input', applyVolume);
  applyVolume();
  onUiLanguageChange(labelButtons);
}
