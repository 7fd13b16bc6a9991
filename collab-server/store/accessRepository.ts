import { accessLevels, type AccessLevel, type AgencyAccess } from '../../model/access/accessLevels.ts';
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
