// Listener controls that only touch this device: audio pause/mute/volume and the caption font size.

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
  pause.addEventListener('click', () => {
    const paused = !pause.classList.contains('on');
    player.setPaused(paused);
    pause.classList.toggle('on', paused);
    pause.textContent = paused ? 'Resume audio' : 'Pause audio';
  });

  const mute = $('mute');
  mute.addEventListener('click', () => {
    const muted = !mute.classList.contains('on');
    player.setMuted(muted);
    mute.classList.toggle('on', muted);
    mute.textContent = muted ? 'Unmute' : 'Mute';
  });

  const volume = $('volume');
  const saved = Number(localStorage.getItem(VOLUME_KEY));
  if (localStorage.getItem(VOLUME_KEY) !== null && saved >= 0 && saved <= 1) volume.value = String(saved);
  const applyVolume = () => {
    player.setVolume(Number(volume.value));
    volume.setAttribute('aria-valuetext', `${Math.round(Number(volume.value) * 100)} %`);
    localStorage.setItem(VOLUME_KEY, volume.value);
  };
  volume.addEventListener('input', applyVolume);
  applyVolume();
}
