import { randomUUID } from 'node:crypto';
import type { ChatMessage } from '../../model/chat.ts';
import type { Queryable } from '../db/database.ts';

interface ChatRow {
  id: string;
  case_id: string;
  user_id: string;
  user_name: string;
  agency_id: string;
  agency_name: string;
  body: string;
  visible_agency_ids: string[] | null;
  created_at: Date;
}

const toMessage = (row: ChatRow): ChatMessage => ({
  id: row.id,
  caseId: row.case_id,
  userId: row.user_id,
  userName: row.user_name,
  agencyId: row.agency_id,
  agencyName: row.agency_name,
  body: row.body,
  visibleAgencyIds: row.visible_agency_ids,
  createdAt: new Date(row.created_at).toISOString(),
});

const select = `
  select m.id, m.case_id, m.user_id, u.name as user_name, m.agency_id, a.name as agency_name, m.body,
         m.visible_agency_ids, m.created_at
    from case_chat_messages m join users u on u.id = m.user_id join agencies a on a.id = m.agency_id`;

/** The one rule of who reads a message, applied by the history API and by live delivery alike. */
export function mayRead(message: Pick<ChatMessage, 'visibleAgencyIds'>, agencyId: string): boolean {
  return message.visibleAgencyIds === null || message.visibleAgencyIds.includes(agencyId);
}

export class ChatRepository {
  private readonly db: Queryable;

  constructor(db: Queryable) {
    this.db = db;
  }

  async post(input: { caseId: string; userId: string; agencyId: string; body: string; agencyIds?: string[] }): Promise<ChatMessage> {
    const visible = input.agencyIds ? [...new Set([input.agencyId, ...input.agencyIds])] : null;
    const id = randomUUID();
    await this.db.query(
      `insert into case_chat_messages (id, case_id, user_id, agency_id, body, visible_agency_ids) values ($1, $2, $3, $4, $5, $6::uuid[])`,
      [id, input.caseId, input.userId, input.agencyId, input.body, visible],
    );
    const { rows } = await this.db.query<ChatRow>(`${select} where m.id = $1`, [id]);
    return toMessage(rows[0]!);
  }

  async find(id: string): Promise<ChatMessage | null> {
    const { rows } = await this.db.query<ChatRow>(`${select} where m.id = $1`, [id]);
    return rows[0] ? toMessage(rows[0]) : null;
  }

  /** The messages the agency may read, oldest first, filtered in SQL. */
  async visibleTo(caseId: string, agencyId: string): Promise<ChatMessage[]> {
    const { rows } = await this.db.query<ChatRow>(
      `${select} where m.case_id = $1 and (m.visible_agency_ids is null or $2::uuid = any (m.visible_agency_ids))
        order by m.created_at, m.id limit 1000`,
      [caseId, agencyId],
    );
    return rows.map(toMessage);
  }

  async markRead(caseId: string, userId: string): Promise<void> {
    await this.db.query(
      `insert into case_chat_reads (case_id, user_id, read_at) values ($1, $2, now())
       on conflict (case_id, user_id) do update set read_at = now()`,
      [caseId, userId],
    );
  }

  /** Unread messages per case for a user (only those their agency may read, not their own). */
  async unread(userId: string, agencyId: string): Promise<Record<string, number>> {
    const { rows } = await this.db.query<{ case_id: string; count: number }>(
      `select m.case_id, count(*)::int as count
         from case_chat_messages m
         join case_agencies ca on ca.case_id = m.case_id and ca.agency_id = $2
         left join case_chat_reads r on r.case_id = m.case_id and r.user_id = $1
        where m.user_id <> $1
          and (m.visible_agency_ids is null or $2::uuid = any (m.visible_agency_ids))
          and (r.read_at is null or m.created_at > r.read_at)
        group by m.case_id`,
      [userId, agencyId],
    );
    return Object.fromEntries(rows.map((row) => [row.case_id, row.count]));
  }
}
