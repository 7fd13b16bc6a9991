import './meetings.css';
import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import type { MeetingId } from '../../model/documentNames.ts';
import type { Meeting, MeetingCandidates } from '../../model/meetings.ts';
import { caseTabUrl, printUrl } from '../casePage/caseRoutes.ts';
import { useCaseContext } from '../collab/CaseContext.tsx';
import { useCasePermissions } from '../collab/useCasePermissions.ts';
import { useSectionConnection } from '../collab/useSectionConnection.ts';
import { MaskedNotice } from '../fields/MaskedNotice.tsx';
import { errorMessage } from '../http/errorMessage.ts';
import { closeMeeting, getMeeting, getMeetings, startMeeting } from '../http/meetingsApi.ts';
import { ja } from '../i18n/ja.ts';
import { MinutesEditor } from '../minutes/MinutesEditor.tsx';
import { useSessionState } from '../session/useSessionState.ts';
import { DecisionPanel } from './DecisionPanel.tsx';
import { MeetingDetails } from './MeetingDetails.tsx';
import { MeetingPresence } from './MeetingPresence.tsx';
import { MinutesToolbar } from './MinutesToolbar.tsx';
import { useMeetingPresence } from './useMeetingPresence.ts';

const t = ja.meetings;

type PageState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly meeting: Meeting; readonly agencies: MeetingCandidates }
  | { readonly kind: 'failed'; readonly message: string };

/** Meeting mode: the meeting's own minutes in a large editor, who is there, decisions → tasks, closing. */
export function MeetingPage({ meetingId }: { readonly meetingId: MeetingId }) {
  const { summary, collaboration } = useCaseContext();
  const caseId = summary.id;
  const accessToken = useSessionState().session?.accessToken;
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const [selectedLine, setSelectedLine] = useState('');
  const [fullScreen, setFullScreen] = useState(false);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const { manageMeetings, writeDecisions } = useCasePermissions();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);
  const minutes = useSectionConnection('minutes', meetingId);
  const snapshot = minutes.kind === 'open' && !minutes.snapshot.accessChanged ? minutes.snapshot : null;
  const present = useMeetingPresence(snapshot?.provider ?? null, caseId, meetingId);
  const helpId = useId();

  useEffect(() => {
    if (accessToken === undefined) return;
    const controller = new AbortController();
    Promise.all([getMeeting(caseId, meetingId, controller.signal), getMeetings(caseId, controller.signal)]).then(
      ([meeting, list]) => setState({ kind: 'loaded', meeting, agencies: list.agencies }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState((current) => (current.kind === 'loaded' ? current : { kind: 'failed', message: errorMessage(error) }));
      },
    );
    return () => controller.abort();
  }, [caseId, meetingId, accessToken]);

  // The minutes turning read-only (or being read again) may mean someone closed the meeting:
  // fetch it again so that the page says so and stops offering what a closed meeting cannot do.
  const minutesReadOnly = snapshot?.readOnly ?? false;
  const minutesDoc = snapshot?.doc;
  const openMeeting = state.kind === 'loaded' && state.meeting.status !== '終了';
  useEffect(() => {
    if (!openMeeting || !minutesReadOnly || minutesDoc === undefined) return;
    const controller = new AbortController();
    getMeeting(caseId, meetingId, controller.signal).then(
      (meeting) => setState((current) => (current.kind === 'loaded' ? { ...current, meeting } : current)),
      () => undefined,
    );
    return () => controller.abort();
  }, [caseId, meetingId, openMeeting, minutesReadOnly, minutesDoc]);

  // Escape leaves full screen, as people expect of any full-screen view.
  useEffect(() => {
    if (!fullScreen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setFullScreen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [fullScreen]);

  const back = (
    <nav>
      <Link to={caseTabUrl(caseId, 'meetings')} className="back-link">
        {t.page.back}
      </Link>
    </nav>
  );
  if (state.kind === 'loading') return <p className="message">{ja.loading}</p>;
  if (state.kind === 'failed') {
    return (
      <div className="stack">
        {back}
        <p role="alert" className="message message--error">
          {state.message}
        </p>
      </div>
    );
  }
  const { meeting, agencies } = state;
  const update = (next: Meeting) => setState({ kind: 'loaded', meeting: next, agencies });
  const act = async (action: () => Promise<Meeting>, done?: (meeting: Meeting) => string) => {
    setBusy(true);
    setNotice(null);
    try {
      const next = await action();
      update(next);
      if (done) setNotice({ kind: 'done', text: done(next) });
    } catch (error) {
      setNotice({ kind: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
      setConfirmingClose(false);
    }
  };
  const closed = meeting.status === '終了';
  const editable = snapshot !== null && snapshot.loaded && !snapshot.accessDenied && !snapshot.readOnly && !closed;

  return (
    <section className="stack meeting-page" aria-labelledby="meeting-heading">
      {back}
      <div className="meeting-page__title-row">
        <h2 id="meeting-heading" className="tab-heading">
          {meeting.title}
        </h2>
        <span className={`meetings__status meetings__status--${meeting.status}`}>{t.status[meeting.status]}</span>
      </div>
      {notice && (
        <p role={notice.kind === 'error' ? 'alert' : 'status'} className={`message ${notice.kind === 'error' ? 'message--error' : 'message--info'}`}>
          {notice.text}
        </p>
      )}
      <div className="meeting-page__actions">
        <Link to={`${printUrl(caseId, 'minutes')}?meeting=${meeting.id}`} className="button button--secondary">
          {t.page.print}
        </Link>
        {manageMeetings && meeting.status === '予定' && (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void act(() => startMeeting(caseId, meeting.id))}>
            {t.page.start}
          </button>
        )}
        {manageMeetings &&
          meeting.status !== '終了' &&
          (confirmingClose ? (
            <div role="group" aria-labelledby="meeting-close-question" className="meeting-page__confirm">
              <p id="meeting-close-question">{t.page.closeConfirm}</p>
              <button type="button" className="button button--primary" disabled={busy} onClick={() => void act(() => closeMeeting(caseId, meeting.id), (closed) => t.page.closed(closed.versionName ?? ''))}>
                {busy ? t.page.closing : t.page.confirmClose}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirmingClose(false)}>
                {t.page.cancelClose}
              </button>
            </div>
          ) : (
            <button type="button" className="button button--secondary" onClick={() => setConfirmingClose(true)}>
              {t.page.close}
            </button>
          ))}
      </div>
      <div className="meeting-page__body">
        <div className={fullScreen ? 'meeting-minutes meeting-minutes--full-screen' : 'meeting-minutes'}>
          <div className="meeting-minutes__bar">
            <button type="button" className="button button--secondary button--small" aria-pressed={fullScreen} onClick={() => setFullScreen((on) => !on)}>
              {fullScreen ? t.editor.exitFullScreen : t.editor.fullScreen}
            </button>
          </div>
          {minutes.kind === 'hidden' && <p className="message message--info">{ja.section.hidden(t.editor.label)}</p>}
          {snapshot?.accessDenied && (
            <p role="alert" className="message message--error">
              {ja.minutes.accessDenied}
            </p>
          )}
          {minutes.kind === 'open' && minutes.level === 'masked' ? (
            <MaskedNotice label={t.editor.label} />
          ) : closed ? (
            <p role="status" className="message message--info">
              {t.editor.closedReadOnly}
            </p>
          ) : (
            snapshot?.readOnly && <p className="message message--info">{ja.section.viewOnly(t.editor.label)}</p>
          )}
          <p id={helpId} className="minutes__help">
            {t.editor.help}
          </p>
          {snapshot && collaboration ? (
            <MinutesEditor
              key={`${snapshot.doc.guid}:${snapshot.provider.sessionId}`}
              document={snapshot.doc}
              provider={snapshot.provider}
              user={collaboration.user}
              describedBy={helpId}
              editable={editable}
              kind="meeting-minutes"
              label={t.editor.label}
              toolbar={(editor) => <MinutesToolbar editor={editor} disabled={!editable} />}
              onSelectedLine={setSelectedLine}
            />
          ) : (
            <div className="minutes-editor minutes-editor--pending" aria-hidden="true" />
          )}
        </div>
        <aside className="stack meeting-page__side">
          <MeetingPresence present={present} />
          {writeDecisions && meeting.status !== '終了' && (
            <DecisionPanel caseId={caseId} meeting={meeting} agencies={agencies} selectedLine={selectedLine} onAdded={update} />
          )}
          <MeetingDetails meeting={meeting} />
        </aside>
      </div>
    </section>
  );
}
