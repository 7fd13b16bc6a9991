import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { CaseSummary } from '../../model/api.ts';
import { formatWarekiDateTime } from '../../model/time/tokyoClock.ts';
import { getUnreadCounts } from '../http/chatApi.ts';
import { ja } from '../i18n/ja.ts';
import { useSessionState } from '../session/useSessionState.ts';

interface CaseTableProps {
  readonly cases: readonly CaseSummary[];
  /** Whether a search or filter is narrowing the list (changes what "empty" means). */
  readonly filtered: boolean;
}

/** Unread チャット messages per case; empty until (or unless) the server answered. */
function useUnreadCounts(cases: readonly CaseSummary[]): Readonly<Record<string, number>> {
  const accessToken = useSessionState().session?.accessToken;
  const [unread, setUnread] = useState<Readonly<Record<string, number>>>({});
  useEffect(() => {
    if (accessToken === undefined) return;
    const controller = new AbortController();
    getUnreadCounts(controller.signal).then(setUnread, () => undefined);
    return () => controller.abort();
  }, [accessToken, cases]);
  return unread;
}

export function CaseTable({ cases, filtered }: CaseTableProps) {
  const unread = useUnreadCounts(cases);
  if (cases.length === 0) return <p className="message">{filtered ? ja.caseList.noMatch : ja.caseList.empty}</p>;

  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{ja.caseList.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{ja.caseList.household}</th>
            <th scope="col">{ja.caseList.title}</th>
            <th scope="col">{ja.caseList.status}</th>
            <th scope="col">{ja.caseList.leadAgency}</th>
            <th scope="col">{ja.caseList.updatedAt}</th>
            <th scope="col" className="table__number">
              {ja.caseList.openTasks}
            </th>
            <th scope="col" className="table__number">
              {ja.caseList.unread}
            </th>
          </tr>
        </thead>
        <tbody>
          {cases.map((summary) => (
            <tr key={summary.id}>
              <td>
                {summary.householdName ?? (
                  <span className="table__muted">{summary.householdVisible ? ja.caseList.notEntered : ja.caseList.householdHidden}</span>
                )}
              </td>
              <th scope="row" className="table__title">
                <Link to={`/cases/${summary.id}`}>{summary.title}</Link>
              </th>
              <td>{summary.status ?? <span className="table__muted">{ja.caseList.notEntered}</span>}</td>
              <td>{summary.leadAgency.name}</td>
              <td>
                <time dateTime={summary.updatedAt}>{formatWarekiDateTime(summary.updatedAt) ?? ja.formatDateTime(summary.updatedAt)}</time>
              </td>
              <td className="table__number">{ja.caseList.openTasksCount(summary.openTasks)}</td>
              <td className="table__number">{ja.caseList.unreadCount(unread[summary.id] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
