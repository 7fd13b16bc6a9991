import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import * as Y from 'yjs';
import type { CaseId, CaseSection } from '../../model/documentNames.ts';
import { historyQuerySchema, type Comparison, type History, type HistoryQuery, type RevisionGroup } from '../../model/history/historyApi.ts';
import { isApiRequestError } from '../http/apiClient.ts';
import { errorMessage } from '../http/errorMessage.ts';
import { compareRevisions, getHistory, getMeetingMinutesRevision, getRevision, restoreRevision, revisionUpdate } from '../http/historyApi.ts';
import { jaHistory } from '../i18n/ja.history.ts';
import { useSessionState } from '../session/useSessionState.ts';
import { ComparisonView } from './ComparisonView.tsx';
import { emptyFilters, HistoryFilters, type FilterOptions, type HistoryFilterValues } from './HistoryFilters.tsx';
import { HistoryTimeline } from './HistoryTimeline.tsx';
import { useCasePermissions } from '../collab/useCasePermissions.ts';
import { NameVersionForm } from './NameVersionForm.tsx';
import { RestoreDialog } from './RestoreDialog.tsx';
import { RevisionView } from './RevisionView.tsx';
import { groupKey, sameGroup } from './revisionGroups.ts';
import './history.css';

export interface RevisionInfo {
  /** The revision is the masked view this agency gets, not the section itself. */
  readonly masked: boolean;
  /** The revision is of a 支援会議's own minutes, not the case's section. */
  readonly meetingMinutes: boolean;
}

interface HistoryPanelProps {
  readonly caseId: CaseId;
  /**
   * Renders a past state of a section read-only, in the same editor or form as the live one.
   * The doc belongs to this panel and has no provider: nothing written to it goes anywhere.
   */
  readonly renderRevision: (section: CaseSection, doc: Y.Doc, info: RevisionInfo) => ReactNode;
}

type HistoryState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly history: History }
  | { readonly kind: 'failed'; readonly message: string };

type ViewState =
  | { readonly kind: 'loading'; readonly group: RevisionGroup }
  | { readonly kind: 'shown'; readonly group: RevisionGroup; readonly doc: Y.Doc; readonly masked: boolean };

type ComparisonState =
  | { readonly kind: 'loading'; readonly from: RevisionGroup; readonly to: RevisionGroup }
  | { readonly kind: 'shown'; readonly from: RevisionGroup; readonly to: RevisionGroup; readonly result: Comparison };

interface Feedback {
  readonly error: string | null;
  readonly done: string | null;
}

function queryOf(filters: HistoryFilterValues): HistoryQuery {
  const raw = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
  const parsed = historyQuerySchema.safeParse(raw);
  // A half-typed date is not sent; the other filters still apply.
  if (parsed.success) return parsed.data;
  const { from: _from, to: _to, ...rest } = raw;
  const withoutDates = historyQuerySchema.safeParse(rest);
  return withoutDates.success ? withoutDates.data : {};
}

/** Choices of the filters: every section, agency and person seen in any answer so far. */
function withOptionsOf(known: FilterOptions, groups: readonly RevisionGroup[]): FilterOptions {
  const sections = new Map(known.sections);
  const agencies = new Map(known.agencies);
  const users = new Map(known.users);
  const meetings = new Map(known.meetings);
  for (const group of groups) {
    // A meeting's own minutes share the section `minutes` but not its label.
    if (group.minutesOfMeeting === null) sections.set(group.section, group.sectionLabel);
    if (group.meeting) meetings.set(group.meeting.id, group.meeting.title);
    if (group.agencyId && group.agencyName) agencies.set(group.agencyId, group.agencyName);
    if (group.userId) users.set(group.userId, jaHistory.personLabel(group.userName, group.agencyName));
  }
  const unchanged =
    sections.size === known.sections.size && agencies.size === known.agencies.size && users.size === known.users.size && meetings.size === known.meetings.size;
  return unchanged ? known : { sections, agencies, users, meetings };
}

/** 履歴 of a case: timeline, past states, comparison, restore and named versions. */
export function HistoryPanel({ caseId, renderRevision }: HistoryPanelProps) {
  const accessToken = useSessionState().session?.accessToken;
  const headingId = useId();
  const [filters, setFilters] = useState<HistoryFilterValues>(emptyFilters);
  const [state, setState] = useState<HistoryState>({ kind: 'loading' });
  const [options, setOptions] = useState<FilterOptions>({ sections: new Map(), agencies: new Map(), users: new Map(), meetings: new Map() });
  const [reloads, setReloads] = useState(0);
  const [view, setView] = useState<ViewState | null>(null);
  const [origin, setOrigin] = useState<RevisionGroup | null>(null);
  const [comparison, setComparison] = useState<ComparisonState | null>(null);
  const [restoreTarget, setRestoreTarget] = useState<RevisionGroup | null>(null);
  const [feedback, setFeedback] = useState<Feedback>({ error: null, done: null });
  // Only the answer to the latest click is shown; an earlier, slower one is dropped.
  const latestView = useRef(0);
  const latestComparison = useRef(0);
  const permissions = useCasePermissions();

  const query = queryOf(filters);
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    if (accessToken === undefined) return;
    const controller = new AbortController();
    getHistory(caseId, JSON.parse(queryKey) as HistoryQuery, controller.signal).then(
      (history) => {
        setState({ kind: 'loaded', history });
        setOptions((known) => withOptionsOf(known, history.groups));
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiRequestError(error) && error.status === 401) return;
        const message = isApiRequestError(error) && error.code === 'forbidden' ? jaHistory.forbidden : errorMessage(error);
        setState({ kind: 'failed', message });
      },
    );
    return () => controller.abort();
  }, [caseId, accessToken, queryKey, reloads]);

  async function show(group: RevisionGroup): Promise<void> {
    const request = ++latestView.current;
    setView({ kind: 'loading', group });
    try {
      const revision =
        group.minutesOfMeeting === null
          ? await getRevision(caseId, group.section, group.seqTo)
          : await getMeetingMinutesRevision(caseId, group.minutesOfMeeting, group.seqTo);
      if (request !== latestView.current) return;
      // No provider and no destroy(): the doc is read by the view only and is collected with it.
      const doc = new Y.Doc();
      Y.applyUpdate(doc, revisionUpdate(revision));
      setView({ kind: 'shown', group, doc, masked: revision.masked });
    } catch (error) {
      if (request !== latestView.current) return;
      setView(null);
      setFeedback({ error: errorMessage(error), done: null });
    }
  }

  async function compare(first: RevisionGroup, second: RevisionGroup): Promise<void> {
    // 変更前 is always the earlier state, whichever was chosen first.
    const [from, to] = first.seqTo <= second.seqTo ? [first, second] : [second, first];
    const request = ++latestComparison.current;
    setComparison({ kind: 'loading', from, to });
    try {
      const result = await compareRevisions(caseId, from.section, from.seqTo, to.seqTo);
      if (request !== latestComparison.current) return;
      setComparison({ kind: 'shown', from, to, result });
    } catch (error) {
      if (request !== latestComparison.current) return;
      setComparison(null);
      setFeedback({ error: errorMessage(error), done: null });
    }
  }

  function chooseForComparison(group: RevisionGroup): void {
    if (origin && sameGroup(origin, group)) {
      setOrigin(null);
      return;
    }
    if (origin && origin.section === group.section) {
      void compare(origin, group);
      return;
    }
    setOrigin(group);
  }

  async function restore(group: RevisionGroup): Promise<void> {
    try {
      await restoreRevision(caseId, group.section, group.seqTo);
      setFeedback({ error: null, done: jaHistory.restore.done(group.sectionLabel, jaHistory.formatDateTime(group.endedAt)) });
      setReloads((count) => count + 1);
    } catch (error) {
      const forbidden = isApiRequestError(error) && error.code === 'forbidden';
      setFeedback({ error: forbidden ? jaHistory.restore.forbidden : errorMessage(error), done: null });
    } finally {
      setRestoreTarget(null);
    }
  }

  const filtered = Object.values(filters).some((value) => value !== '');

  return (
    <section className="history stack" aria-labelledby={headingId}>
      <div className="stack stack--tight">
        <h2 id={headingId} className="history__heading">
          {jaHistory.heading}
        </h2>
        <p>{jaHistory.lead}</p>
      </div>
      <div className="history__feedback">
        {feedback.error && (
          <p role="alert" className="message message--error">
            {feedback.error}
          </p>
        )}
        <p role="status" className={feedback.done ? 'message message--info' : 'visually-hidden'}>
          {feedback.done ?? ''}
        </p>
      </div>
      {permissions.nameVersions && (
        <NameVersionForm
          caseId={caseId}
          onSaved={(versions, name) => {
            setState((current) => (current.kind === 'loaded' ? { kind: 'loaded', history: { ...current.history, versions } } : current));
            setFeedback({ error: null, done: jaHistory.nameVersion.saved(name) });
          }}
        />
      )}
      <HistoryFilters values={filters} options={options} onChange={setFilters} />
      {view && (
        <RevisionView
          // A new point in time is a new doc: the renderer starts afresh rather than swap docs under an editor.
          key={`${groupKey(view.group)}/${view.group.seqTo}`}
          group={view.group}
          onClose={() => {
            latestView.current += 1;
            setView(null);
          }}
        >
          {view.kind === 'shown' ? renderRevision(view.group.section, view.doc, { masked: view.masked, meetingMinutes: view.group.minutesOfMeeting !== null }) : null}
        </RevisionView>
      )}
      {origin && (
        <div className="history-origin">
          <p>{jaHistory.compare.originChosen(origin.sectionLabel, jaHistory.formatDateTime(origin.endedAt))}</p>
          <button type="button" className="button button--secondary button--small" onClick={() => setOrigin(null)}>
            {jaHistory.compare.cancel}
          </button>
        </div>
      )}
      {comparison && (
        <ComparisonView
          key={`${comparison.from.section}/${comparison.from.seqTo}/${comparison.to.seqTo}`}
          from={comparison.from}
          to={comparison.to}
          result={comparison.kind === 'shown' ? comparison.result : null}
          onClose={() => {
            latestComparison.current += 1;
            setComparison(null);
          }}
        />
      )}
      {state.kind === 'loading' && <p className="message">{jaHistory.loading}</p>}
      {state.kind === 'failed' && (
        <p role="alert" className="message message--error">
          {state.message}
        </p>
      )}
      {state.kind === 'loaded' && (
        <HistoryTimeline
          history={state.history}
          filtered={filtered}
          from={query.from}
          to={query.to}
          origin={origin}
          onShow={(group) => void show(group)}
          onCompare={chooseForComparison}
          onRestore={setRestoreTarget}
          mayRestore={(group) => permissions.restore(group.section)}
        />
      )}
      {restoreTarget && (
        <RestoreDialog group={restoreTarget} onConfirm={() => restore(restoreTarget)} onCancel={() => setRestoreTarget(null)} />
      )}
    </section>
  );
}
