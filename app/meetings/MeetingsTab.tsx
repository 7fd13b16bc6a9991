import './meetings.css';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { MeetingList } from '../../model/meetings.ts';
import { meetingUrl } from '../casePage/caseRoutes.ts';
import { useCaseContext } from '../collab/CaseContext.tsx';
import { formatWareki } from '../../model/time/wareki.ts';
import { useCasePermissions } from '../collab/useCasePermissions.ts';
import { errorMessage } from '../http/errorMessage.ts';
import { getMeetings } from '../http/meetingsApi.ts';
import { ja } from '../i18n/ja.ts';
import { useSessionState } from '../session/useSessionState.ts';
import { MeetingForm } from './MeetingForm.tsx';

type ListState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly list: MeetingList }
  | { readonly kind: 'failed'; readonly message: string };

/** 支援会議: the case's meetings, newest last, and the form to add one. */
export function MeetingsTab() {
  const { summary } = useCaseContext();
  const caseId = summary.id;
  const accessToken = useSessionState().session?.accessToken;
  const [state, setState] = useState<ListState>({ kind: 'loading' });
  const [created, setCreated] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const { manageMeetings } = useCasePermissions();

  useEffect(() => {
    if (accessToken === undefined) return;
    const controller = new AbortController();
    getMeetings(caseId, controller.signal).then(
      (list) => setState({ kind: 'loaded', list }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ kind: 'failed', message: errorMessage(error) });
      },
    );
    return () => controller.abort();
  }, [caseId, accessToken, reloads]);

  return (
    <section className="stack meetings" aria-labelledby="meetings-heading">
      <h2 id="meetings-heading" className="tab-heading">
        {ja.meetings.listHeading}
      </h2>
      {state.kind === 'loading' && <p className="message">{ja.meetings.loading}</p>}
      {state.kind === 'failed' && (
        <p role="alert" className="message message--error">
          {state.message}
        </p>
      )}
      {created && (
        <p role="status" className="message message--info">
          {ja.meetings.form.created(created)}
        </p>
      )}
      {state.kind === 'loaded' &&
        (state.list.meetings.length === 0 ? (
          <p className="message">{ja.meetings.empty}</p>
        ) : (
          <ul className="meetings__list">
            {state.list.meetings.map((meeting) => (
              <li key={meeting.id} className="meetings__item">
                <Link to={meetingUrl(caseId, meeting.id)} aria-label={ja.meetings.open(meeting.title)}>
                  {meeting.title}
                </Link>{' '}
                <span className={`meetings__status meetings__status--${meeting.status}`}>{ja.meetings.status[meeting.status]}</span>
                <p className="meetings__meta">
                  {ja.meetings.when(formatWareki(meeting.date) ?? meeting.date, meeting.startTime, meeting.endTime)}
                  {ja.listSeparator}
                  {meeting.online ? ja.meetings.online : meeting.place}
                  {ja.listSeparator}
                  {meeting.legalBasis}
                </p>
              </li>
            ))}
          </ul>
        ))}
      {state.kind === 'loaded' && manageMeetings && (
        <MeetingForm
          caseId={caseId}
          agencies={state.list.agencies}
          onCreated={(meeting) => {
            setCreated(meeting.title);
            setReloads((count) => count + 1);
          }}
        />
      )}
    </section>
  );
}
