import * as Y from 'yjs';
import type { Queryable } from '../db/database.ts';

export interface LogRow {
  seq: number;
  userId: string | null;
  agencyId: string | null;
  at: Date;
}

/**
 * Any past state of a document, rebuilt from the update log: the newest snapshot at or before
 * the wanted sequence number (snapshots are the checkpoints), then the updates after it.
 */
export class RevisionStore {
  private readonly db: Queryable;

  constructor(db: Queryable) {
    this.db = db;
  }

  async rows(documentName: string): Promise<LogRow[]> {
    const { rows } = await this.db.query<{ seq: number; user_id: string | null; agency_id: string | null; created_at: Date }>(
      'select seq, user_id, agency_id, created_at from document_updates where document_name = $1 order by seq',
      [documentName],
    );
    return rows.map((row) => ({ seq: row.seq, userId: row.user_id, agencyId: row.agency_id, at: new Date(row.created_at) }));
  }

  async lastSeq(documentName: string): Promise<number> {
    const { rows } = await this.db.query<{ last_seq: number }>('select last_seq from documents where name = $1', [documentName]);
    return rows[0]?.last_seq ?? 0;
  }

  /**
   * Replays the document up to each of `seqs` (ascending), calling `visit` with the state at
   * each one; one pass over the log from the checkpoint below the first.
   */
  async replay(documentName: string, seqs: readonly number[], visit: (seq: number, doc: Y.Doc) => void): Promise<void> {
    if (seqs.length === 0) return;
    const first = seqs[0]!;
    const last = seqs.at(-1)!;
    const snapshot = await this.db.query<{ upto_seq: number; state: Uint8Array }>(
      `select upto_seq, state from document_snapshots where document_name = $1 and upto_seq <= $2
        order by upto_seq desc limit 1`,
      [documentName, first],
    );
    const doc = new Y.Doc();
    const base = snapshot.rows[0];
    if (base) Y.applyUpdate(doc, new Uint8Array(base.state));
    const { rows } = await this.db.query<{ seq: number; update: Uint8Array }>(
      'select seq, update from document_updates where document_name = $1 and seq > $2 and seq <= $3 order by seq',
      [documentName, base?.upto_seq ?? 0, last],
    );
    let next = 0;
    let applied = base?.upto_seq ?? 0;
    const visitUpTo = (limit: number) => {
      while (next < seqs.length && seqs[next]! <= limit) {
        visit(seqs[next]!, doc);
        next += 1;
      }
    };
    visitUpTo(applied);
    for (const row of rows) {
      Y.applyUpdate(doc, new Uint8Array(row.update));
      applied = row.seq;
      visitUpTo(applied);
    }
    visitUpTo(Number.MAX_SAFE_INTEGER);
    doc.destroy();
  }

  /** The state at `seq` as a fresh document (the caller destroys it). */
  async stateAt(documentName: string, seq: number): Promise<Y.Doc> {
    let state: Uint8Array | undefined;
    await this.replay(documentName, [seq], (_seq, doc) => {
      state = Y.encodeStateAsUpdate(doc);
    });
    const doc = new Y.Doc();
    if (state) Y.applyUpdate(doc, state);
    return doc;
  }
}
