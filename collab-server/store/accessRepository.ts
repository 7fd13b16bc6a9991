import { accessLevels, type AccessLevel, type AgencyAccess } from '../../model/access/accessLevels.ts';
import type { CaseStanding } from '../../model/access/casePermissions.ts';
import { COORDINATING_AGENCY_KIND } from '../../model/agencyKinds.ts';
import { caseSections, type CaseSection } from '../../model/documentNames.ts';
import type { Queryable } from '../db/database.ts';

const isSection = (value: string): value is CaseSection => (caseSections as readonly string[]).includes(value);
const isLevel = (value: string): value is AccessLevel => (accessLevels as readonly string[]).includes(value);

/** The sharing policy of cases, kept in PostgreSQL where no client can write it. */
export class AccessRepository {
  private readonly db: Queryable;

  constructor(db: Queryable) {
    this.db = db;
  }

  /** The agency's levels; empty when it does not take part in the case. */
  async forAgency(caseId: string, agencyId: string): Promise<AgencyAccess> {
    const { rows } = await this.db.query<{ section: string; level: string }>(
      `select a.section, a.level from case_section_access a
         join case_agencies ca on ca.case_id = a.case_id and ca.agency_id = a.agency_id
        where a.case_id = $1 and a.agency_id = $2`,
      [caseId, agencyId],
    );
    const access: AgencyAccess = {};
    for (const row of rows) if (isSection(row.section) && isLevel(row.level)) access[row.section] = row.level;
    return access;
  }

  /**
   * The facts the permission rules need about one agency in one case (null: no such case).
   * 主担当 or a 多機関協働事業者 among the participants decides the sharing.
   */
  async standing(caseId: string, agencyId: string): Promise<CaseStanding | null> {
    const { rows } = await this.db.query<{ lead_agency_id: string; participates: boolean; kind: string | null }>(
      `select c.lead_agency_id,
              exists (select 1 from case_agencies ca where ca.case_id = c.id and ca.agency_id = $2) as participates,
              (select kind from agencies where id = $2) as kind
         from cases c where c.id = $1`,
      [caseId, agencyId],
    );
    const row = rows[0];
    if (!row) return null;
    const levels = row.participates ? await this.forAgency(caseId, agencyId) : {};
    const coordinates = row.participates && (row.lead_agency_id === agencyId || row.kind === COORDINATING_AGENCY_KIND);
    return { participates: row.participates, coordinates, levels };
  }

  /** The 主担当 agency of a case, or null when there is no such case. */
  async leadAgencyOf(caseId: string): Promise<string | null> {
    const { rows } = await this.db.query<{ lead_agency_id: string }>('select lead_agency_id from cases where id = $1', [caseId]);
    return rows[0]?.lead_agency_id ?? null;
  }

  async forCase(caseId: string): Promise<Map<string, AgencyAccess>> {
    const { rows } = await this.db.query<{ agency_id: string; section: string; level: string }>(
      'select agency_id, section, level from case_section_access where case_id = $1',
      [caseId],
    );
    const byAgency = new Map<string, AgencyAccess>();
    for (const row of rows) {
      if (!isSection(row.section) || !isLevel(row.level)) continue;
      const access = byAgency.get(row.agency_id) ?? {};
      access[row.section] = row.level;
      byAgency.set(row.agency_id, access);
    }
    return byAgency;
  }

  /** Sets levels and records every change with who made it. */
  async setLevels(caseId: string, agencyId: string, levels: AgencyAccess, changedBy: string | null): Promise<AgencyAccess> {
    const previous = await this.forAgency(caseId, agencyId);
    for (const [section, level] of Object.entries(levels) as [CaseSection, AccessLevel][]) {
      if (previous[section] === level) continue;
      await this.db.query(
        `insert into case_section_access (case_id, agency_id, section, level, updated_by) values ($1, $2, $3, $4, $5)
         on conflict (case_id, agency_id, section) do update set level = $4, updated_by = $5, updated_at = now()`,
        [caseId, agencyId, section, level, changedBy],
      );
      await this.db.query(
        `insert into case_access_changes (case_id, agency_id, section, old_level, new_level, changed_by)
         values ($1, $2, $3, $4, $5, $6)`,
        [caseId, agencyId, section, previous[section] ?? null, level, changedBy],
      );
    }
    return { ...previous, ...levels };
  }
}
