// AudioWorklet: microphone -> 16 kHz mono PCM16 LE frames. The context runs at the device rate (44.1/48 kHz), so the
// worklet mixes to mono and resamples with a windowed-sinc (Kaiser) interpolator: a low-pass at ~7.75 kHz (below the
// 8 kHz Nyquist of the output) evaluated at each fractional input position, so there is no aliasing and no drift.

const OUT_RATE = 16000;
const HALF_TAPS = 40; // input samples on each side of the output position
const PHASES = 128; // kernel table resolution per input sample
const KAISER_BETA = 5.65; // about 60 dB stop-band attenuation

function besselI0(x) {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 30; k++) {
    term *= (x / (2 * k)) * (x / (2 * k));
    sum += term;
    if (term < 1e-12 * sum) break;
  }
  return sum;
}

class Resampler {
  constructor(inRate, outRate = OUT_RATE, cutoffHz = 7750) {
    this.step = inRate / outRate; // input samples per output sample
    // Never let the cut-off pass the input's own Nyquist (e.g. an 8 kHz device).
    const fc = Math.min(cutoffHz, inRate * 0.45) / inRate; // cycles per input sample
    const size = 2 * HALF_TAPS * PHASES + 1;
    this.kernel = new Float32Array(size + 1);
    const i0b = besselI0(KAISER_BETA);
    for (let i = 0; i < size; i++) {
      const tau = i / PHASES - HALF_TAPS;
      const sinc = tau === 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * tau) / (Math.PI * tau);
      const r = tau / HALF_TAPS;
      const w = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / i0b;
      this.kernel[i] = sinc * w;
    }
    this.buf = new Float32Array(8192);
    this.len = HALF_TAPS; // zero history so the first output is centred on the first input sample
    this.pos = HALF_TAPS; // position of the next output sample, in input samples within buf
  }

  /** Feeds mono input; calls emit(sample) for every output sample that is now computable. */
  push(input, emit) {
    if (this.len + input.length > this.buf.length) {
      const bigger = new Float32Array((this.len + input.length) * 2);
      bigger.set(this.buf.subarray(0, this.len));
      this.buf = bigger;
    }
    this.buf.set(input, this.len);
    this.len += input.length;
    const buf = this.buf;
    const kernel = this.kernel;
    while (Math.floor(this.pos) + HALF_TAPS < this.len) {
      const base = Math.floor(this.pos);
      let acc = 0;
      let norm = 0;
      for (let n = base - HALF_TAPS + 1; n <= base + HALF_TAPS; n++) {
        const x = (this.pos - n + HALF_TAPS) * PHASES;
        const i = Math.floor(x);
        const f = x - i;
        const h = kernel[i] + (kernel[i + 1] - kernel[i]) * f;
        acc += buf[n] * h;
        norm += h;
      }
      emit(norm !== 0 ? acc / norm : 0);
      this.pos += this.step;
    }
    // Keep only the history the next output needs.
    const drop = Math.floor(this.pos) - HALF_TAPS + 1;
    if (drop > 0) {
      buf.copyWithin(0, drop, this.len);
      this.len -= drop;
      this.pos -= drop;
    }
  }
}

if (typeof AudioWorkletProcessor !== 'undefined') {
  class CaptureProcessor extends AudioWorkletProcessor {
    constructor(options) {
      super();
      const frameMs = options?.processorOptions?.frameMs ?? 60;
      this.frameSamples = Math.round((OUT_RATE * frameMs) / 1000);
      this.resampler = new Resampler(sampleRate, OUT_RATE);
      this.mono = new Float32Array(128);
      this.newFrame();
      this.emit = (s) => this.write(s);
    }

    newFrame() {
      this.frame = new Int16Array(this.frameSamples);
      this.filled = 0;
      this.peak = 0;
      this.sumSquares = 0;
    }

    write(s) {
      const v = s > 1 ? 1 : s < -1 ? -1 : s;
      const a = Math.abs(v);
      if (a > this.peak) this.peak = a;
      this.sumSquares += v * v;
      this.frame[this.filled++] = v < 0 ? Math.round(v * 32768) : Math.round(v * 32767);
      if (this.filled === this.frameSamples) {
        const rms = Math.sqrt(this.sumSquares / this.frameSamples);
        const pcm = this.frame.buffer;
        this.port.postMessage({ pcm, peak: this.peak, rms }, [pcm]);
        this.newFrame();
      }
    }

    process(inputs) {
      const channels = inputs[0];
      if (!channels || channels.length === 0) return true;
      const n = channels[0].length;
      if (this.mono.length !== n) this.mono = new Float32Array(n);
      const mono = this.mono;
      if (channels.length === 1) {
        mono.set(channels[0]);
      } else {
        mono.fill(0);
        for (const ch of channels) for (let i = 0; i < n; i++) mono[i] += ch[i];
        for (let i = 0; i < n; i++) mono[i] /= channels.length;
      }
      this.resampler.push(mono, this.emit);
      return true;
    }
  }

  registerProcessor('babelcast-capture', CaptureProcessor);
}
