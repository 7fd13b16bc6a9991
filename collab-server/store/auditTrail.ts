import type { AuditAction, AuditEntry, AuditQuery, AuditVerification } from '../../model/audit.ts';
import type { Database, Queryable } from '../db/database.ts';
import { GENESIS_HASH, entryHash, type ChainedFields } from '../audit/auditChain.ts';

// Any constant works; it only has to be the same for every kasane process.
const AUDIT_LOCK = 7_240_113;
const HEAD_KEY = 'audit_head';

export interface AuditEvent {
  action: AuditAction;
  user?: { id: string | null; loginId?: string | null; agencyId?: string | null } | undefined;
  caseId?: string | null;
  section?: string | null;
  detail?: Record<string, unknown>;
  address?: string | null;
}

interface AuditRow {
  seq: number;
  at: Date;
  action: string;
  user_id: string | null;
  login_id: string | null;
  agency_id: string | null;
  case_id: string | null;
  section: string | null;
  detail: Record<string, unknown>;
  address: string | null;
  prev_hash: string;
  hash: string;
}

const fieldsOf = (row: AuditRow): ChainedFields => ({
  seq: Number(row.seq),
  at: new Date(row.at).toISOString(),
  action: row.action,
  userId: row.user_id,
  loginId: row.login_id,
  agencyId: row.agency_id,
  caseId: row.case_id,
  section: row.section,
  detail: row.detail ?? {},
  address: row.address,
});

/**
 * The 監査ログ: who did what, when, from where. Entries are appended one at a time under a lock,
 * each hashed together with the previous entry's hash, and the newest (seq, hash) is kept apart
 * as the head, so that editing, deleting or truncating entries shows up in `verify`.
 */
export class AuditTrail {
  private readonly database: Database;

  constructor(database: Database) {
    this.database = database;
  }

  async record(event: AuditEvent): Promise<void> {
    await this.database.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
      const head = await this.head(tx);
      const fields: ChainedFields = {
        seq: head.seq + 1,
        at: new Date().toISOString(),
        action: event.action,
        userId: event.user?.id ?? null,
        loginId: event.user?.loginId ?? null,
        agencyId: event.user?.agencyId ?? null,
        caseId: event.caseId ?? null,
        section: event.section ?? null,
        detail: event.detail ?? {},
        address: event.address ?? null,
      };
      const hash = entryHash(head.hash, fields);
      await tx.query(
        `insert into audit_log (seq, at, action, user_id, login_id, agency_id, case_id, section, detail, address, prev_hash, hash)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [fields.seq, fields.at, fields.action, fields.userId, fields.loginId, fields.agencyId, fields.caseId,
          fields.section, JSON.stringify(fields.detail), fields.address, head.hash, hash],
      );
      await tx.query(
        `insert into server_settings (key, value) values ($1, $2) on conflict (key) do update set value = $2`,
        [HEAD_KEY, `${fields.seq}:${hash}`],
      );
    });
  }

  /** Never throws: a failed audit write is logged by the caller, not shown to the person. */
  recordQuietly(event: AuditEvent, onError: (error: unknown) => void): void {
    this.record(event).catch(onError);
  }

  private async head(db: Queryable): Promise<{ seq: number; hash: string }> {
    const { rows } = await db.query<{ value: string }>('select value from server_settings where key = $1', [HEAD_KEY]);
    const [seq, hash] = (rows[0]?.value ?? `0:${GENESIS_HASH}`).split(':');
    return { seq: Number(seq), hash: hash ?? GENESIS_HASH };
  }

  async verify(): Promise<AuditVerification> {
    const problems: AuditVerification['problems'] = [];
    let previousHash = GENESIS_HASH;
    let expectedSeq = 1;
    let checked = 0;
    const pageSize = 5_000;
    for (;;) {
      const { rows } = await this.database.query<AuditRow>(
        'select * from audit_log where seq >= $1 order by seq limit $2',
        [expectedSeq, pageSize],
      );
      for (const row of rows) {
        const seq = Number(row.seq);
        if (seq !== expectedSeq) problems.push({ seq: expectedSeq, problem: `記録 ${expectedSeq}〜${seq - 1} が欠けています` });
        if (row.prev_hash !== previousHash) problems.push({ seq, problem: '前の記録とのつながりが一致しません' });
        if (entryHash(row.prev_hash, fieldsOf(row)) !== row.hash) problems.push({ seq, problem: '記録の内容が変更されています' });
        previousHash = row.hash;
        expectedSeq = seq + 1;
        checked += 1;
      }
      if (rows.length < pageSize) break;
    }
    const head = await this.head(this.database);
    if (head.seq !== expectedSeq - 1 || (head.seq > 0 && head.hash !== previousHash)) {
      problems.push({ seq: head.seq, problem: `最新の記録（${head.seq}）が見つからないか一致しません` });
    }
    return { ok: problems.length === 0, checked, problems };
  }

  async search(query: AuditQuery, limit = 1_000): Promise<AuditEntry[]> {
    const { rows } = await this.database.query<AuditRow & { user_name: string | null; user_login_id: string | null; agency_name: string | null }>(
      `select l.*, u.name as user_name, u.login_id as user_login_id, a.name as agency_name
         from audit_log l left join users u on u.id = l.user_id left join agencies a on a.id = l.agency_id
        where ($1::date is null or l.at >= $1::date)
          and ($2::date is null or l.at < $2::date + 1)
          and ($3::text is null or l.action = $3)
          and ($4::text is null or coalesce(l.login_id, u.login_id) = $4)
          and ($5::uuid is null or l.case_id = $5)
          and ($6::text is null or l.detail::text like '%' || $6 || '%' or u.name like '%' || $6 || '%'
               or l.login_id like '%' || $6 || '%' or a.name like '%' || $6 || '%')
        order by l.seq desc limit $7`,
      [query.from ?? null, query.to ?? null, query.action ?? null, query.loginId ?? null, query.caseId ?? null, query.q ?? null, limit],
    );
    return rows.map((row) => ({
      seq: Number(row.seq),
      at: new Date(row.at).toISOString(),
      action: row.action as AuditEntry['action'],
      userId: row.user_id,
      // Entries made under a verified token name the user; the login id comes from the account.
      loginId: row.login_id ?? row.user_login_id,
      userName: row.user_name,
      agencyName: row.agency_name,
      caseId: row.case_id,
      section: row.section,
      detail: row.detail ?? {},
      address: row.address,
    }));
  }
}
