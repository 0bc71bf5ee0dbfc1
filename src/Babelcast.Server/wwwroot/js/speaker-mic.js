// The microphone panel: device picker, processing options, start/stop, and the live input level meter.
import { MicCapture } from './mic-capture.js';

const $ = (id) => document.getElementById(id);

export class SpeakerMic {
  constructor({ onFrame, signal }) {
    this.onFrame = onFrame;
    this.capture = new MicCapture({
      onFrame: (pcm, level) => {
        this.showLevel(level);
        this.onFrame(pcm);
      },
      onEnded: () => this.status('The microphone was disconnected. Choose another device and start again.'),
    });
    this.lastText = 0;
    $('mic-start').textContent = 'Start microphone';
    $('mic-start').disabled = false;
    $('mic-start').addEventListener('click', () => this.toggle(), { signal });
    for (const id of ['device', 'echo', 'noise', 'agc']) {
      $(id).addEventListener('change', () => this.restartIfRunning(), { signal });
    }
    navigator.mediaDevices?.addEventListener?.('devicechange', () => this.refreshDevices(), { signal });
    this.refreshDevices();
  }

  options() {
    return {
      deviceId: $('device').value || undefined,
      echoCancellation: $('echo').checked,
      noiseSuppression: $('noise').checked,
      autoGainControl: $('agc').checked,
    };
  }

  async toggle() {
    if (this.capture.running) {
      this.stop();
      return;
    }
    await this.startCapture();
  }

  async startCapture() {
    const button = $('mic-start');
    button.disabled = true;
    try {
      const { sampleRate, settings } = await this.capture.start(this.options());
      const flags = [
        settings.echoCancellation ? 'echo cancellation' : null,
        settings.noiseSuppression ? 'noise suppression' : null,
        settings.autoGainControl ? 'automatic gain' : null,
      ].filter(Boolean);
      this.status(`Microphone on: ${sampleRate} Hz resampled to 16 kHz mono${flags.length ? `, ${flags.join(', ')}` : ''}.`);
      button.textContent = 'Stop microphone';
      button.classList.add('on');
      await this.refreshDevices();
    } catch (e) {
      const denied = e.name === 'NotAllowedError' || e.name === 'SecurityError';
      this.status(denied ? 'Microphone access was refused. Allow it in the browser’s site settings.' : `Cannot start the microphone: ${e.message}`);
    } finally {
      button.disabled = false;
    }
  }

  async restartIfRunning() {
    if (this.capture.running) await this.startCapture();
  }

  stop() {
    this.capture.stop();
    $('mic-start').textContent = 'Start microphone';
    $('mic-start').classList.remove('on');
    $('level-bar').style.width = '0';
    $('level-text').textContent = '–';
    this.status('Microphone off.');
  }

  async refreshDevices() {
    const select = $('device');
    const current = select.value;
    let devices = [];
    try {
      devices = await MicCapture.listDevices();
    } catch {
      return;
    }
    const options = [new Option('Default microphone', '')];
    for (const d of devices) {
      if (d.deviceId && d.deviceId !== 'default') options.push(new Option(d.label, d.deviceId));
    }
    select.replaceChildren(...options);
    select.value = options.some((o) => o.value === current) ? current : '';
  }

  showLevel({ rms, peak }) {
    const db = rms > 0 ? 20 * Math.log10(rms) : -100;
    const width = Math.max(0, Math.min(1, (db + 60) / 60));
    $('level-bar').style.width = `${(width * 100).toFixed(1)}%`;
    const now = performance.now();
    if (now - this.lastText > 250) {
      this.lastText = now;
      $('level-text').textContent = peak >= 0.99 ? 'clipping!' : db < -55 ? 'silence' : `${Math.round(db)} dB`;
    }
  }

  status(text) {
    $('mic-status').textContent = text;
  }
}
