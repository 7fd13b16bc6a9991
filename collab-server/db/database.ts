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

export interface Database extends Queryable {
  readonly kind: StorageKind;
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
