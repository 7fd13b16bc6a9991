import { Link } from 'react-router';
import type { CaseSummary } from '../../model/api.ts';
import { ja } from '../i18n/ja.ts';

interface CaseTableProps {
  readonly cases: readonly CaseSummary[];
}

export function CaseTable({ cases }: CaseTableProps) {
  if (cases.length === 0) return <p className="message">{ja.caseList.empty}</p>;

  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{ja.caseList.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{ja.caseList.title}</th>
            <th scope="col">{ja.caseList.leadAgency}</th>
            <th scope="col">{ja.caseList.agencies}</th>
            <th scope="col">{ja.caseList.updatedAt}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((summary) => (
            <tr key={summary.id}>
              <th scope="row" className="table__title">
                <Link to={`/cases/${summary.id}`}>{summary.title}</Link>
              </th>
              <td>{summary.leadAgency.name}</td>
              <td>{summary.agencies.map((agency) => agency.name).join(ja.listSeparator)}</td>
              <td>
                <time dateTime={summary.updatedAt}>{ja.formatDateTime(summary.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
