import type { CaseListQuery, CaseSummary } from '../../model/api.ts';
import { searchText } from '../../model/searchText.ts';
import { caseStatuses } from '../../model/sections/overview.ts';
import type { Queryable } from '../db/database.ts';

function levelIn(section: string, levels: string[]): string {
  return `exists (select 1 from case_section_access s where s.case_id = c.id and s.agency_id = $1
                   and s.section = '${section}' and s.level in (${levels.map((level) => `'${level}'`).join(', ')}))`;
}

interface CaseRow {
  id: string;
  title: string;
  created_at: Date;
  updated_at: Date;
  lead_agency_id: string;
  lead_agency_name: string;
  agencies: { id: string; name: string }[];
  household_name: string | null;
  household_visible: boolean;
  status: string | null;
  open_tasks: number;
}

/**
 * A case as one agency ($1) may see it: the title masked unless it may see the overview, the
 * household name only if it may see the identity section (世帯・世帯員).
 */
const summarySelect = `
  select c.id,
         case when ${levelIn('overview', ['edit', 'view'])} then c.title else coalesce(c.masked_title, '') end as title,
         c.created_at, c.updated_at, c.lead_agency_id, la.name as lead_agency_name,
         case when ${levelIn('members', ['edit', 'view'])} then c.household_name else null end as household_name,
         ${levelIn('members', ['edit', 'view'])} as household_visible,
         c.status,
         (select count(*)::int from case_tasks t where t.case_id = c.id and t.status <> '完了') as open_tasks,
         (select coalesce(json_agg(json_build_object('id', a.id, 'name', a.name) order by a.name), '[]'::json)
            from case_agencies ca join agencies a on a.id = ca.agency_id
           where ca.case_id = c.id) as agencies
    from cases c join agencies la on la.id = c.lead_agency_id`;

function toSummary(row: CaseRow): CaseSummary {
  return {
    id: row.id,
    title: row.title,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    leadAgency: { id: row.lead_agency_id, name: row.lead_agency_name },
    agencies: row.agencies,
    householdName: row.household_name,
    householdVisible: row.household_visible,
    status: caseStatuses.find((status) => status === row.status) ?? null,
    openTasks: row.open_tasks,
  };
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (character) => `\\${character}`);

export class CaseRepository {
  private readonly db: Queryable;

  constructor(db: Queryable) {
    this.db = db;
  }

  /** The cases the agency takes part in, searched by member name or kana and filtered. */
  async listForAgency(agencyId: string, query: CaseListQuery = {}): Promise<CaseSummary[]> {
    const q = query.q ? searchText(query.q) : '';
    const { rows } = await this.db.query<CaseRow>(
      `${summarySelect}
        where exists (select 1 from case_agencies ca where ca.case_id = c.id and ca.agency_id = $1)
          and ($2 = '' or (${levelIn('members', ['edit', 'view'])}
                           and exists (select 1 from case_members m where m.case_id = c.id and m.search_text like $3))
                       or (${levelIn('overview', ['edit', 'view'])} and ${levelIn('members', ['edit', 'view'])} and lower(c.title) like $3)
                       -- Without the identity section the title is searched only as that agency sees it, masked.
                       or (not ${levelIn('members', ['edit', 'view'])} and lower(coalesce(c.masked_title, '')) like $3))
          and ($4::text is null or c.status = $4)
          and ($5::uuid is null or exists (select 1 from case_agencies fa where fa.case_id = c.id and fa.agency_id = $5))
        order by c.updated_at desc`,
      [agencyId, q, `%${escapeLike(q)}%`, query.status ?? null, query.agencyId ?? null],
    );
    return rows.map(toSummary);
  }

  async findForAgency(caseId: string, agencyId: string): Promise<CaseSummary | 'forbidden' | null> {
    const { rows } = await this.db.query<CaseRow>(`${summarySelect} where c.id = $2`, [agencyId, caseId]);
    const row = rows[0];
    if (!row) return null;
    return row.agencies.some((agency) => agency.id === agencyId) ? toSummary(row) : 'forbidden';
  }

  async agencyTakesPart(caseId: string, agencyId: string): Promise<boolean> {
    const { rows } = await this.db.query(
      'select 1 from case_agencies where case_id = $1 and agency_id = $2',
      [caseId, agencyId],
    );
    return rows.length > 0;
  }

  async create(input: {
    id: string;
    title: string;
    leadAgencyId: string;
    createdBy: string;
    agencyIds: readonly string[];
  }): Promise<void> {
    await this.db.query(
      'insert into cases (id, title, lead_agency_id, created_by) values ($1, $2, $3, $4)',
      [input.id, input.title, input.leadAgencyId, input.createdBy],
    );
    for (const agencyId of new Set([input.leadAgencyId, ...input.agencyIds])) {
      await this.db.query(
        'insert into case_agencies (case_id, agency_id, added_by) values ($1, $2, $3)',
        [input.id, agencyId, input.createdBy],
      );
    }
  }

  async touch(caseId: string): Promise<void> {
    await this.db.query('update cases set updated_at = now() where id = $1', [caseId]);
  }
}
