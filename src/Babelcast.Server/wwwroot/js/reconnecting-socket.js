// A WebSocket that reconnects by itself with exponential backoff (with jitter), sends a heartbeat every 20 s and
// treats a connection that stays silent for too long as dead. The page decides when to stop for good (stop()).

const HEARTBEAT_MS = 20_000;
const SILENCE_LIMIT_MS = 50_000;

export class ReconnectingSocket {
  /**
   * @param {object} o
   * @param {() => string} o.url  called before every attempt, so it can carry the current language or token
   * @param {(msg: object) => void} o.onMessage  JSON text frames
   * @param {(data: ArrayBuffer) => void} [o.onBinary]
   * @param {(state: string, info: object) => void} [o.onState]  connecting | open | reconnecting | closed
   * @param {() => void} [o.onOpen]
   */
  constructor({ url, onMessage, onBinary, onState, onOpen, baseDelayMs = 500, maxDelayMs = 15_000 }) {
    this.url = url;
    this.onMessage = onMessage;
    this.onBinary = onBinary || (() => {});
    this.onState = onState || (() => {});
    this.onOpen = onOpen || (() => {});
    this.baseDelayMs = baseDelayMs;
    this.maxDelayMs = maxDelayMs;
    this.ws = null;
    this.state = 'closed';
    this.attempt = 0;
    this.reconnects = 0;
    this.stopped = true;
    this.everOpened = false;
    this.retryTimer = 0;
    this.heartbeatTimer = 0;
    this.lastReceived = 0;
    this.nextRetryAt = 0;
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  /** Stops for good: no more reconnects (session ended, refused, replaced). */
  stop(code = 1000, reason = 'client stop') {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.clearHeartbeat();
    const ws = this.ws;
    this.ws = null;
    if (ws && ws.readyState <= WebSocket.OPEN) ws.close(code, reason);
    this.setState('closed');
  }

  /** Test hook and dead-link handling: closes the socket as if the network failed; the reconnect logic runs. */
  drop() {
    if (this.ws) {
      try {
        this.ws.close(4000, 'dropped');
      } catch {
        // already closing
      }
      this.handleClose(this.ws);
    }
  }

  /** The network came back (the browser's online event): skip the rest of the backoff wait. */
  retryNow() {
    if (this.stopped || this.ws || this.state !== 'reconnecting') return;
    clearTimeout(this.retryTimer);
    this.connect();
  }

  /** After a refusal with retryAfter (seconds): the next attempt waits at least that long. */
  delayNextAttempt(seconds) {
    this.minNextDelayMs = Math.max(0, seconds * 1000);
  }

  /** Called by the page when the server confirmed the connection (connected / sessionJoined): backoff starts over. */
  markHealthy() {
    this.attempt = 0;
  }

  get isOpen() {
    return !!this.ws && this.ws.readyState === WebSocket.OPEN;
  }

  send(obj) {
    if (!this.isOpen) return false;
    this.ws.send(JSON.stringify(obj));
    return true;
  }

  sendBinary(buffer) {
    if (!this.isOpen) return false;
    // Do not let a stalled link pile up megabytes in the browser's send buffer.
    if (this.ws.bufferedAmount > 512 * 1024) return false;
    this.ws.send(buffer);
    return true;
  }

  connect() {
    if (this.stopped) return;
    this.setState(this.everOpened ? 'reconnecting' : 'connecting');
    let ws;
    try {
      ws = new WebSocket(this.url());
    } catch (e) {
      console.warn('babelcast: cannot open socket', e);
      this.scheduleRetry();
      return;
    }
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    ws.onopen = () => {
      if (this.ws !== ws) return;
      if (this.everOpened) this.reconnects += 1;
      this.everOpened = true;
      this.lastReceived = performance.now();
      this.startHeartbeat();
      this.setState('open');
      this.onOpen();
    };
    ws.onmessage = (event) => {
      if (this.ws !== ws) return;
      this.lastReceived = performance.now();
      if (typeof event.data === 'string') {
        let msg;
        try {
          msg = JSON.parse(event.data);
        } catch {
          console.warn('babelcast: bad JSON from server', event.data);
          return;
        }
        this.onMessage(msg);
      } else {
        this.onBinary(event.data);
      }
    };
    ws.onclose = () => this.handleClose(ws);
    ws.onerror = () => {
      // onclose follows and handles the retry
    };
  }

  handleClose(ws) {
    if (this.ws !== ws) return;
    this.ws = null;
    this.clearHeartbeat();
    ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
    if (this.stopped) {
      this.setState('closed');
      return;
    }
    this.scheduleRetry();
  }

  scheduleRetry() {
    const exp = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** this.attempt);
    let delay = exp / 2 + Math.random() * (exp / 2);
    if (this.minNextDelayMs) {
      delay = Math.max(delay, this.minNextDelayMs);
      this.minNextDelayMs = 0;
    }
    this.attempt += 1;
    this.nextRetryAt = Date.now() + delay;
    this.setState('reconnecting', { delayMs: delay, attempt: this.attempt });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  startHeartbeat() {
    this.clearHeartbeat();
    this.heartbeatTimer = setInterval(() => {
      if (performance.now() - this.lastReceived > SILENCE_LIMIT_MS) {
        this.drop();
        return;
      }
      this.send({ type: 'heartbeat' });
    }, HEARTBEAT_MS);
  }

  clearHeartbeat() {
    clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = 0;
  }

  setState(state, info = {}) {
    this.state = state;
    this.onState(state, info);
  }
}
