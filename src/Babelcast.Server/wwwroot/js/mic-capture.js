// Microphone capture: getUserMedia with the chosen device and processing options, an AudioWorklet that resamples to
// 16 kHz mono PCM16 frames (capture-worklet.js), and a level for the meter.

const FRAME_MS = 60;

export class MicCapture {
  /**
   * @param {object} o
   * @param {(pcm: ArrayBuffer, level: {peak: number, rms: number}) => void} o.onFrame
   * @param {() => void} [o.onEnded]  the device went away
   */
  constructor({ onFrame, onEnded }) {
    this.onFrame = onFrame;
    this.onEnded = onEnded || (() => {});
    this.ctx = null;
    this.stream = null;
    this.source = null;
    this.node = null;
    this.sink = null;
    this.settings = null;
  }

  get running() {
    return !!this.stream;
  }

  static async listDevices() {
    if (!navigator.mediaDevices?.enumerateDevices) return [];
    const devices = await navigator.mediaDevices.enumerateDevices();
    return devices
      .filter((d) => d.kind === 'audioinput')
      .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Microphone ${i + 1}` }));
  }

  /** Starts (or restarts with new options). Call from a click the first time: the AudioContext needs a gesture. */
  async start({ deviceId, echoCancellation, noiseSuppression, autoGainControl }) {
    if (!navigator.mediaDevices?.getUserMedia) throw new Error('This browser cannot capture audio (a secure context, https or localhost, is needed).');
    if (!this.ctx) {
      this.ctx = new AudioContext({ latencyHint: 'interactive' });
      await this.ctx.audioWorklet.addModule('/js/capture-worklet.js');
      this.sink = this.ctx.createGain();
      this.sink.gain.value = 0; // the worklet must be pulled by the graph, but nothing should be heard
      this.sink.connect(this.ctx.destination);
    }
    if (this.ctx.state === 'suspended') await this.ctx.resume();
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: {
        deviceId: deviceId ? { exact: deviceId } : undefined,
        channelCount: { ideal: 1 },
        echoCancellation,
        noiseSuppression,
        autoGainControl,
      },
    });
    this.stopStream();
    this.stream = stream;
    this.settings = stream.getAudioTracks()[0]?.getSettings() || {};
    stream.getAudioTracks().forEach((t) => t.addEventListener('ended', () => this.onEnded()));
    this.source = this.ctx.createMediaStreamSource(stream);
    this.node = new AudioWorkletNode(this.ctx, 'babelcast-capture', {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      outputChannelCount: [1],
      processorOptions: { frameMs: FRAME_MS },
    });
    this.node.port.onmessage = (e) => this.onFrame(e.data.pcm, { peak: e.data.peak, rms: e.data.rms });
    this.source.connect(this.node);
    this.node.connect(this.sink);
    return { sampleRate: this.ctx.sampleRate, settings: this.settings };
  }

  stopStream() {
    if (this.node) {
      this.node.port.onmessage = null;
      this.node.disconnect();
      this.node = null;
    }
    this.source?.disconnect();
    this.source = null;
    this.stream?.getTracks().forEach((t) => t.stop());
    this.stream = null;
  }

  stop() {
    this.stopStream();
  }
}
