import { randomUUID } from 'node:crypto';
import { caseDocumentName } from '../../model/documentNames.ts';
import type { EcomapSnapshot } from '../../model/ecomap/ecomapApi.ts';
import type { Queryable } from '../db/database.ts';

interface SnapshotRow {
  id: string;
  label: string;
  as_of: string;
  seq: string | number;
  created_by_name: string | null;
  created_at: Date | string;
}

const toSnapshot = (row: SnapshotRow): EcomapSnapshot => ({
  id: row.id,
  label: row.label,
  asOf: row.as_of,
  seq: Number(row.seq),
  createdByName: row.created_by_name,
  createdAt: new Date(row.created_at).toISOString(),
});

/** 時点保存 of a case's ecomap. */
export class EcomapSnapshotRepository {
  private readonly db: Queryable;

  constructor(db: Queryable) {
    this.db = db;
  }

  async list(caseId: string): Promise<EcomapSnapshot[]> {
    // to_char: a SQL date read as a JavaScript Date would shift by the server's time zone.
    const { rows } = await this.db.query<SnapshotRow>(
      `select s.id, s.label, to_char(s.as_of, 'YYYY-MM-DD') as as_of, s.seq, u.name as created_by_name, s.created_at
         from ecomap_snapshots s left join users u on u.id = s.created_by
        where s.case_id = $1 order by s.as_of, s.created_at`,
      [caseId],
    );
    return rows.map(toSnapshot);
  }

  /** Saves the map as it is now: its newest stored update. */
  async save(input: { caseId: string; label: string; asOf: string; createdBy: string | null }): Promise<string> {
    const id = randomUUID();
    await this.db.query(
      `insert into ecomap_snapshots (id, case_id, label, as_of, seq, created_by)
       values ($1, $2, $3, $4, coalesce((select last_seq from documents where name = $5), 0), $6)`,
      [id, input.caseId, input.label, input.asOf, caseDocumentName(input.caseId, 'ecomap'), input.createdBy],
    );
    return id;
  }
}
