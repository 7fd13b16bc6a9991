import type { Consent, Sharing } from '../../model/access/sharingApi.ts';
import type { Queryable } from '../db/database.ts';

/** 本人同意 records, 支援会議 bases and the log of sharing changes of a case. */
export class SharingRepository {
  private readonly db: Queryable;

  constructor(db: Queryable) {
    this.db = db;
  }

  async consents(caseId: string): Promise<Consent[]> {
    const { rows } = await this.db.query<{
      member_id: string;
      status: Consent['status'];
      consented_on: string | Date | null;
      method: Consent['method'];
      agency_ids: string[];
      note: string;
    }>('select member_id, status, consented_on::text, method, agency_ids, note from case_consents where case_id = $1', [caseId]);
    return rows.map((row) => ({
      memberId: row.member_id,
      status: row.status,
      consentedOn: row.consented_on === null ? null : String(row.consented_on).slice(0, 10),
      method: row.method,
      agencyIds: row.agency_ids,
      note: row.note,
    }));
  }

  async recordConsent(caseId: string, consent: Consent, recordedBy: string): Promise<void> {
    await this.db.query(
      `insert into case_consents (case_id, member_id, status, consented_on, method, agency_ids, note, recorded_by)
       values ($1, $2, $3, $4, $5, $6::uuid[], $7, $8)
       on conflict (case_id, member_id) do update set status = $3, consented_on = $4, method = $5,
         agency_ids = $6::uuid[], note = $7, recorded_by = $8, recorded_at = now()`,
      [caseId, consent.memberId, consent.status, consent.consentedOn, consent.method, consent.agencyIds, consent.note, recordedBy],
    );
  }

  async meetingBasisAgencyIds(caseId: string): Promise<string[]> {
    const { rows } = await this.db.query<{ agency_id: string }>('select agency_id from case_meeting_basis where case_id = $1', [caseId]);
    return rows.map((row) => row.agency_id);
  }

  async setMeetingBasis(caseId: string, agencyId: string, active: boolean, recordedBy: string): Promise<void> {
    if (active) {
      await this.db.query(
        `insert into case_meeting_basis (case_id, agency_id, recorded_by) values ($1, $2, $3) on conflict do nothing`,
        [caseId, agencyId, recordedBy],
      );
    } else {
      await this.db.query('delete from case_meeting_basis where case_id = $1 and agency_id = $2', [caseId, agencyId]);
    }
  }

  async changes(caseId: string): Promise<Sharing['changes']> {
    const { rows } = await this.db.query<{
      agency_name: string;
      section: Sharing['changes'][number]['section'];
      old_level: Sharing['changes'][number]['oldLevel'];
      new_level: Sharing['changes'][number]['newLevel'];
      changed_by: string | null;
      changed_at: Date;
    }>(
      `select a.name as agency_name, ch.section, ch.old_level, ch.new_level, u.name as changed_by, ch.changed_at
         from case_access_changes ch join agencies a on a.id = ch.agency_id left join users u on u.id = ch.changed_by
        where ch.case_id = $1 order by ch.seq desc limit 200`,
      [caseId],
    );
    return rows.map((row) => ({
      agencyName: row.agency_name,
      section: row.section,
      oldLevel: row.old_level,
      newLevel: row.new_level,
      changedBy: row.changed_by,
      changedAt: new Date(row.changed_at).toISOString(),
    }));
  }

  async recordMembership(caseId: string, agencyId: string, joined: boolean, changedBy: string): Promise<void> {
    await this.db.query(
      `insert into case_access_changes (case_id, agency_id, section, old_level, new_level, changed_by)
       values ($1, $2, null, $3, $4, $5)`,
      [caseId, agencyId, joined ? null : 'edit', joined ? 'edit' : null, changedBy],
    );
  }

  /** 参加機関 of a case, by name. */
  async participants(caseId: string): Promise<{ id: string; name: string }[]> {
    const { rows } = await this.db.query<{ id: string; name: string }>(
      'select a.id, a.name from case_agencies ca join agencies a on a.id = ca.agency_id where ca.case_id = $1 order by a.name',
      [caseId],
    );
    return rows;
  }

  async participates(caseId: string, agencyId: string): Promise<boolean> {
    const { rows } = await this.db.query('select 1 from case_agencies where case_id = $1 and agency_id = $2', [caseId, agencyId]);
    return rows.length > 0;
  }

  /** Adds a participating agency; false when it already took part. */
  async addParticipant(caseId: string, agencyId: string, addedBy: string): Promise<boolean> {
    const { rows } = await this.db.query(
      'insert into case_agencies (case_id, agency_id, added_by) values ($1, $2, $3) on conflict do nothing returning agency_id',
      [caseId, agencyId, addedBy],
    );
    return rows.length > 0;
  }

  /** Removes a participating agency; false when it did not take part. */
  async removeParticipant(caseId: string, agencyId: string): Promise<boolean> {
    const { rows } = await this.db.query('delete from case_agencies where case_id = $1 and agency_id = $2 returning agency_id', [caseId, agencyId]);
    return rows.length > 0;
  }

  async agencyExists(agencyId: string): Promise<boolean> {
    const { rows } = await this.db.query('select 1 from agencies where id = $1', [agencyId]);
    return rows.length > 0;
  }

  /** Every agency of the municipality, to choose a new participant from. */
  async agencies(): Promise<{ id: string; name: string; kind: string }[]> {
    const { rows } = await this.db.query<{ id: string; name: string; kind: string }>('select id, name, kind from agencies order by name');
    return rows;
  }
}
