// The listening connection: the usual failure of a LISTEN/NOTIFY queue. pg-listen's defaults give
// up reconnecting after 3 s and its liveness ping has no timeout, so here:
// - reconnection never gives up (retryTimeout 0, retryLimit Infinity), with capped backoff;
// - the connection's queries are bounded by query_timeout;
// - instead of pg-listen's ping (no timeout of its own), an end-to-end echo: every ping interval
//   we NOTIFY our own channel through the same connection and expect it back within a timer that
//   nothing can hang. A half-open TCP connection (server gone, no RST) answers nothing: after one
//   echo timeout the subscriber is thrown away and a new one made.
// Every (re)connect is reported, and the worker runs a catch-up claim on each one.
import pgListen, { type Subscriber } from 'pg-listen';
import { randomBytes } from 'node:crypto';
import type { DatabaseConfig } from '../config.ts';
import type { EventBus } from '../events.ts';
import { backoffCeilingMs, type BackoffPolicy } from '../retry/backoff.ts';

/** Reconnects: 100 ms, doubling up to 5 s. */
const RECONNECT_BACKOFF: BackoffPolicy = { baseMs: 100, maxMs: 5_000 };

// pg-listen is CommonJS with an `exports.default`; under Node's ESM interop that is `.default`.
const createSubscriber = pgListen.default;

export const JOBS_CHANNEL = 'analysis_jobs';
export const CANCEL_CHANNEL = 'analysis_jobs_cancel';

export interface ListenerHandlers {
  onJobs(): void;
  onCancel(jobId: string): void;
  /** After every connect and reconnect: notifications sent while we were away are lost. */
  onConnected(reconnect: boolean): void;
  /**
   * Send a notification on `channel` through another connection (the pool). At start the listener
   * requires one to arrive: through a transaction-mode pooler LISTEN succeeds but nothing arrives.
   */
  notifyFromElsewhere?(channel: string, payload: string): Promise<void>;
}

/** The listening connection receives no notification sent by others: a transaction-mode pooler, most likely. */
export class ListenerDeliveryError extends Error {}

/**
 * The start-up check sends up to FIRST_DELIVERY_ATTEMPTS notifications (each waits
 * LISTENER_QUERY_TIMEOUT_MS) and needs FIRST_DELIVERY_REQUIRED of them to arrive. Through a
 * transaction-mode pooler one can arrive by chance (the listening client happened to be linked to the
 * listening server session at that moment; seen in CI), so one arrival is not proof; on a session
 * connection every one arrives, and a single slow one under load is tolerated.
 */
const FIRST_DELIVERY_ATTEMPTS = 5;
const FIRST_DELIVERY_REQUIRED = 3;

export class JobListener {
  private subscriber: Subscriber | undefined;
  private closed = false;
  private everConnected = false;
  private connectedAt: number | undefined;
  private lastEventAt: number | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private echoTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private readonly pingChannel = `ai_worker_ping_${randomBytes(6).toString('hex')}`;
  /** Waiters for a given payload on the ping channel (the start-up delivery check). */
  private readonly pingWaiters = new Map<string, () => void>();
  reconnects = 0;

  constructor(
    private readonly db: DatabaseConfig,
    private readonly handlers: ListenerHandlers,
    private readonly events: EventBus,
  ) {}

  get connected(): boolean {
    return this.connectedAt !== undefined;
  }

  /** Milliseconds since the last notification or echo; undefined before the first. */
  lastEventAgeMs(): number | undefined {
    return this.lastEventAt === undefined ? undefined : Date.now() - this.lastEventAt;
  }

  /**
   * Resolves once the first connection listens and — when the worker can notify through another
   * connection — a notification sent that way has arrived; keeps retrying the connection in the
   * background on failure. Rejects with ListenerDeliveryError when no notification ever arrives.
   */
  async start(): Promise<void> {
    await new Promise<void>((resolve) => {
      const off = this.events.on('listener:connected', () => {
        off();
        resolve();
      });
      this.open();
    });
    if (this.handlers.notifyFromElsewhere) await this.requireDelivery(this.handlers.notifyFromElsewhere);
  }

  private async requireDelivery(notify: (channel: string, payload: string) => Promise<void>): Promise<void> {
    const timeoutMs = this.db.listenerQueryTimeoutMs;
    let arrivals = 0;
    for (let attempt = 1; attempt <= FIRST_DELIVERY_ATTEMPTS; attempt++) {
      const payload = `hello-${randomBytes(4).toString('hex')}`;
      let timer: NodeJS.Timeout | undefined;
      const arrived = new Promise<boolean>((resolve) => {
        this.pingWaiters.set(payload, () => resolve(true));
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      try {
        await notify(this.pingChannel, payload);
        if ((await arrived) && ++arrivals >= FIRST_DELIVERY_REQUIRED) return;
        if (arrivals + (FIRST_DELIVERY_ATTEMPTS - attempt) < FIRST_DELIVERY_REQUIRED) break;
      } finally {
        clearTimeout(timer);
        this.pingWaiters.delete(payload);
      }
    }
    throw new ListenerDeliveryError(
      `the listening connection received fewer than ${FIRST_DELIVERY_REQUIRED} of ${FIRST_DELIVERY_ATTEMPTS} notifications sent through another connection ` +
        `(waited ${timeoutMs} ms each). DATABASE_URL most likely goes through a transaction-mode pooler (PgBouncer, ` +
        'Supavisor on 6543), where LISTEN succeeds but nothing is delivered. Use the direct connection or a session-mode pooler.',
    );
  }

  private open(): void {
    if (this.closed) return;
    const sub = createSubscriber(
      {
        connectionString: this.db.url,
        application_name: 'ai-worker listener',
        query_timeout: this.db.listenerQueryTimeoutMs,
        connectionTimeoutMillis: this.db.listenerQueryTimeoutMs,
        keepAlive: true,
        keepAliveInitialDelayMillis: 1_000,
      },
      {
        // pg-listen's own ping (SELECT on the same client) would overlap our echo; the echo below
        // checks more (the whole NOTIFY path) and is bounded by its own timer, so it replaces it.
        paranoidChecking: false,
        retryLimit: Infinity,
        retryTimeout: 0,
        // Throwing here is the only way to stop pg-listen's reconnect loop once we are closing.
        retryInterval: (attempt: number) => {
          if (this.closed || this.subscriber !== sub) throw new Error('listener closed');
          return backoffCeilingMs(attempt + 1, RECONNECT_BACKOFF);
        },
        parse: (s: string) => s,
        serialize: (s: unknown) => String(s),
      },
    );
    this.subscriber = sub;
    // pg-listen says 'connected' on its first connect before our LISTENs have run (a job inserted
    // in that gap would notify no one), and on a reconnect only after it re-LISTENed. So the first
    // connect is reported below, once the LISTENs are done; later ones here.
    let listening = false;
    sub.events.on('connected', () => {
      if (this.closed || this.subscriber !== sub) {
        void sub.close().catch(() => {});
        return;
      }
      if (listening) this.markConnected();
    });
    sub.events.on('reconnect', () => {
      if (this.connectedAt !== undefined) this.markDisconnected('connection lost; reconnecting');
    });
    sub.events.on('error', (err: Error) => {
      // pg-listen reports here when a reconnect round failed (or we stopped it): start over afresh.
      if (this.subscriber === sub) this.replace(err.message);
    });
    sub.notifications.on(JOBS_CHANNEL, () => {
      this.lastEventAt = Date.now();
      this.events.emit('listener:notification', { channel: JOBS_CHANNEL });
      this.handlers.onJobs();
    });
    sub.notifications.on(CANCEL_CHANNEL, (payload: string) => {
      this.lastEventAt = Date.now();
      this.events.emit('listener:notification', { channel: CANCEL_CHANNEL });
      if (payload) this.handlers.onCancel(payload);
    });
    sub.notifications.on(this.pingChannel, (payload: string) => {
      this.lastEventAt = Date.now();
      this.pingWaiters.get(payload)?.();
      if (this.echoTimer) clearTimeout(this.echoTimer);
      this.echoTimer = undefined;
    });
    sub
      .connect()
      // One at a time: pg 9 will refuse overlapping queries on one client.
      .then(async () => {
        for (const channel of [JOBS_CHANNEL, CANCEL_CHANNEL, this.pingChannel]) await sub.listenTo(channel);
        if (this.closed || this.subscriber !== sub) return;
        listening = true;
        this.markConnected();
      })
      .catch((err: Error) => {
        if (this.subscriber === sub) this.replace(err.message);
      });
  }

  private markConnected(): void {
    const reconnect = this.everConnected;
    this.everConnected = true;
    this.failures = 0;
    this.connectedAt = Date.now();
    this.lastEventAt = Date.now();
    if (reconnect) this.reconnects++;
    this.schedulePing();
    this.events.emit('listener:connected', { reconnect });
    this.handlers.onConnected(reconnect);
  }

  private markDisconnected(reason: string): void {
    if (this.connectedAt === undefined) return;
    this.connectedAt = undefined;
    this.events.emit('listener:disconnected', { error: reason });
  }

  /** Drop the current subscriber (without waiting on a possibly dead socket) and open a new one. */
  private replace(reason: string): void {
    this.markDisconnected(reason);
    const old = this.subscriber;
    this.subscriber = undefined;
    this.clearTimers();
    if (old) void old.close().catch(() => {});
    if (this.closed) return;
    const delay = backoffCeilingMs(++this.failures, RECONNECT_BACKOFF);
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  private schedulePing(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      const sub = this.subscriber;
      if (!sub || this.echoTimer || this.connectedAt === undefined) return;
      this.echoTimer = setTimeout(() => {
        this.echoTimer = undefined;
        if (this.subscriber === sub) this.replace(`no echo within ${this.db.listenerQueryTimeoutMs} ms (half-open connection?)`);
      }, this.db.listenerQueryTimeoutMs);
      sub.notify(this.pingChannel, 'ping').catch(() => {
        // A failed NOTIFY leaves the echo timer to decide: the connection may still recover.
      });
    }, this.db.listenerPingMs);
  }

  private clearTimers(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.echoTimer) clearTimeout(this.echoTimer);
    this.pingTimer = this.retryTimer = this.echoTimer = undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.clearTimers();
    const sub = this.subscriber;
    this.subscriber = undefined;
    this.connectedAt = undefined;
    if (sub) {
      // end() on a half-open socket may never resolve: bound it.
      await Promise.race([sub.close().catch(() => {}), new Promise((r) => setTimeout(r, 1_000).unref())]);
    }
  }
}
