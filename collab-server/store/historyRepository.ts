import type { Queryable } from '../db/database.ts';

/** What 履歴 reads besides the update log: people's names and which revisions were restores. */
export class HistoryRepository {
  private readonly db: Queryable;

  constructor(db: Queryable) {
    this.db = db;
  }

  async names(): Promise<{ users: Map<string, string>; agencies: Map<string, string> }> {
    const users = await this.db.query<{ id: string; name: string }>('select id, name from users');
    const agencies = await this.db.query<{ id: string; name: string }>('select id, name from agencies');
    return {
      users: new Map(users.rows.map((row) => [row.id, row.name])),
      agencies: new Map(agencies.rows.map((row) => [row.id, row.name])),
    };
  }

  /** `document#seq` → the seq it restored, for the case's documents. */
  async restores(caseId: string): Promise<Map<string, number>> {
    const { rows } = await this.db.query<{ document_name: string; seq: number; restored_from_seq: number }>(
      `select document_name, seq, restored_from_seq from document_restores where document_name like $1`,
      [`case/${caseId}/%`],
    );
    return new Map(rows.map((row) => [`${row.document_name}#${row.seq}`, Number(row.restored_from_seq)]));
  }

  async recordRestore(documentName: string, seq: number, restoredFromSeq: number): Promise<void> {
    await this.db.query('insert into document_restores (document_name, seq, restored_from_seq) values ($1, $2, $3)', [documentName, seq, restoredFromSeq]);
  }
}
