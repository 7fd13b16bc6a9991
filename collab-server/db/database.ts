/**
 * The few operations kasane needs from PostgreSQL, implemented over `pg` for a real
 * server and over PGlite for the embedded one, so that both run the same SQL.
 */
export interface Queryable {
  query<Row extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<{ rows: Row[] }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type StorageKind = 'postgresql' | 'pglite';

export interface Database extends Queryable {
  readonly kind: StorageKind;
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
