import { randomUUID } from 'node:crypto';
import {
  CASE_EVENT_CHANNEL,
  CASE_EVENT_MAX_BYTES,
  caseEventEnvelopeSchema,
  type CaseEvent,
  type CaseEventEnvelope,
} from '../../model/caseEvents.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';

/** Applies one event to this instance's own connections; `origin` is the publishing instance. */
export type CaseEventHandler = (event: CaseEvent, origin: string) => Promise<void>;

// A published event normally comes back through PostgreSQL in milliseconds; past this the
// publisher applies it itself, so that its own connections never depend on the round trip.
const ECHO_TIMEOUT_MS = 2_000;

/**
 * The case-event bus: every instance publishes through PostgreSQL NOTIFY on the database they
 * share and applies, through one handler, every event that arrives, its own included. That
 * keeps one path for "this instance changed something" and "another one did". Events are applied
 * one at a time, in the order they arrive.
 */
export class CaseEventBus {
  /** This instance, as named in the events it sends. */
  readonly origin = randomUUID();
  private readonly database: Database;
  private readonly logger: Logger;
  private handler: CaseEventHandler | undefined;
  private onResumed: (() => Promise<void>) | undefined;
  private stopListening: (() => Promise<void>) | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly waiting = new Map<string, () => void>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(database: Database, logger: Logger) {
    this.database = database;
    this.logger = logger;
  }

  /** Starts listening; `resumed` runs after a lost listening connection is back (events may be missed). */
  async start(handler: CaseEventHandler, resumed: () => Promise<void>): Promise<void> {
    this.handler = handler;
    this.onResumed = resumed;
    this.stopListening = await this.database.listen(CASE_EVENT_CHANNEL, {
      onNotification: (payload) => this.receive(payload),
      onResumed: () => {
        this.logger.warn({ reason: 'case-events-resumed' }, 'case-event bus listening again; reconciling');
        this.enqueue(() => this.onResumed?.() ?? Promise.resolve());
      },
    });
  }

  /**
   * Sends the event to every instance. Resolves once this instance has applied it as well, so
   * that an HTTP answer is sent after the connections it concerns here were dealt with.
   */
  publish(event: CaseEvent): Promise<void> {
    if (this.closed) return Promise.resolve();
    const envelope: CaseEventEnvelope = { id: randomUUID(), origin: this.origin, event };
    const payload = JSON.stringify(envelope);
    if (Buffer.byteLength(payload) > CASE_EVENT_MAX_BYTES) {
      // Events carry ids only, so this is a programming error; said loudly, never thrown at a caller.
      this.logger.error({ type: event.type, bytes: Buffer.byteLength(payload) }, 'case event too large for NOTIFY; not sent');
      return Promise.resolve();
    }
    const done = new Promise<void>((resolve) => {
      const applyHere = (reason: string, error?: unknown) => {
        if (!this.waiting.delete(envelope.id)) return;
        this.logger.warn({ err: error, reason, type: event.type }, 'own case event did not come back through PostgreSQL; applied here');
        void this.enqueue(() => this.apply(envelope)).then(resolve);
      };
      const timer = setTimeout(() => applyHere('case-event-echo-late'), ECHO_TIMEOUT_MS);
      this.waiting.set(envelope.id, () => {
        clearTimeout(timer);
        resolve();
      });
      // Not sent: the other instances miss it (they reconcile once their listener resumes), this one applies it now.
      this.database.notify(CASE_EVENT_CHANNEL, payload).catch((error: unknown) => {
        clearTimeout(timer);
        applyHere('case-event-not-sent', error);
      });
    });
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
    return done;
  }

  /** Waits for what is being published, then stops listening. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    this.closed = true;
    await this.stopListening?.();
    this.stopListening = undefined;
    await this.queue;
  }

  private receive(payload: string): void {
    let envelope: CaseEventEnvelope;
    try {
      envelope = caseEventEnvelopeSchema.parse(JSON.parse(payload));
    } catch {
      this.logger.warn({ reason: 'case-event-malformed' }, 'malformed case event ignored');
      return;
    }
    const own = this.waiting.get(envelope.id);
    if (own) this.waiting.delete(envelope.id);
    void this.enqueue(() => this.apply(envelope)).finally(() => own?.());
  }

  private async apply(envelope: CaseEventEnvelope): Promise<void> {
    if (this.closed || !this.handler) return;
    await this.handler(envelope.event, envelope.origin);
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work).catch((error: unknown) => {
      this.logger.error({ err: error }, 'case event not applied');
    });
    this.queue = next;
    return next;
  }
}
