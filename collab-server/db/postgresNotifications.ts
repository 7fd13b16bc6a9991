import pg from 'pg';
import type { NotificationListener } from './database.ts';

const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 5_000;

/**
 * LISTEN on a dedicated `pg` client (a pooled one would drop the subscription when released).
 * A lost connection is reopened with backoff and the listener told that it may have missed
 * notifications, so that it can reconcile from the database instead of trusting what it had.
 */
export async function listenOnPostgres(connectionString: string, channel: string, listener: NotificationListener): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let retryMs = RETRY_MIN_MS;
  const quoted = `"${channel.replaceAll('"', '""')}"`;

  const connect = async (): Promise<void> => {
    // Keep-alive probes notice a connection that died silently (no FIN), which LISTEN alone never would.
    const next = new pg.Client({ connectionString, keepAlive: true });
    // Errors arrive as events on an idle client; unheard, they would crash the process.
    next.on('error', () => {});
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) listener.onNotification(message.payload);
    });
    // Only an established subscription is retried here; a failed attempt is retried by its caller.
    next.on('end', () => {
      if (client !== next) return;
      client = undefined;
      if (!stopped) scheduleRetry();
    });
    try {
      await next.connect();
      await next.query(`listen ${quoted}`);
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    if (stopped) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
  };

  const scheduleRetry = () => {
    if (retryTimer || stopped) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect().then(
        () => {
          retryMs = RETRY_MIN_MS;
          if (!stopped) listener.onResumed();
        },
        () => {
          retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
          scheduleRetry();
        },
      );
    }, retryMs);
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retryTimer);
    const last = client;
    client = undefined;
    await last?.end().catch(() => {});
  };
}
