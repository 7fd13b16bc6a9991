import type { AuditEntry } from '../../model/audit.ts';
import { caseSections } from '../../model/documentNames.ts';
import { sectionDefinitions } from '../../model/sections/sectionRegistry.ts';
import { jaAdmin } from '../i18n/ja.admin.ts';

const t = jaAdmin.audit;

function sectionLabel(section: string | null): string {
  if (section === null) return t.none;
  const known = caseSections.find((candidate) => candidate === section);
  return known ? sectionDefinitions[known].label : section;
}

/** The detail as the log stores it, on one line; nothing is left out of what was recorded. */
function detailText(detail: AuditEntry['detail']): string {
  return Object.keys(detail).length === 0 ? t.none : JSON.stringify(detail);
}

export function AuditTable({ entries }: { readonly entries: readonly AuditEntry[] }) {
  const columns = t.columns;
  return (
    <div className="table-scroll">
      <table className="table table--compact audit-table">
        <caption className="visually-hidden">{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="table__number">
              {columns.seq}
            </th>
            <th scope="col">{columns.at}</th>
            <th scope="col">{columns.action}</th>
            <th scope="col">{columns.loginId}</th>
            <th scope="col">{columns.userName}</th>
            <th scope="col">{columns.agency}</th>
            <th scope="col">{columns.caseId}</th>
            <th scope="col">{columns.section}</th>
            <th scope="col">{columns.detail}</th>
            <th scope="col">{columns.address}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq} className={entry.action === 'login.failed' ? 'audit-table__row--failed' : undefined}>
              <td className="table__number">{entry.seq}</td>
              <td>
                <time dateTime={entry.at}>{t.formatDateTime(entry.at)}</time>
              </td>
              <td className="audit-table__action">{t.actions[entry.action]}</td>
              <td className="audit-table__code">{entry.loginId ?? t.none}</td>
              <td>{entry.userName ?? t.none}</td>
              <td>{entry.agencyName ?? t.none}</td>
              <td className="audit-table__code">{entry.caseId ?? t.none}</td>
              <td>{sectionLabel(entry.section)}</td>
              <td className="audit-table__detail">{detailText(entry.detail)}</td>
              <td className="audit-table__code">{entry.address ?? t.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
