/**
 * The few operations kasane needs from PostgreSQL, over `pg`: for a PostgreSQL named by
 * DATABASE_URL and for the embedded one kasane runs itself alike, so both run the same SQL.
 */
export interface Queryable {
  query<Row extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<{ rows: Row[] }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** `embedded`: the PostgreSQL server kasane starts in its data folder when no DATABASE_URL is set. */
export type StorageKind = 'postgresql' | 'embedded';

/** What a LISTEN needs to be told: each payload, and when some may have been missed. */
export interface NotificationListener {
  onNotification(payload: string): void;
  /** The listening connection was lost and is listening again: notifications in between are gone. */
  onResumed(): void;
}

export interface Database extends Queryable {
  readonly kind: StorageKind;
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** NOTIFY: every listener of `channel` on this database receives `payload` (< 8000 bytes). */
  notify(channel: string, payload: string): Promise<void>;
  /** LISTEN on a connection of its own; resolves once listening, with the function that stops it. */
  listen(channel: string, listener: NotificationListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
