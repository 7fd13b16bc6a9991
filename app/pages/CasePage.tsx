import { useEffect, useState } from 'react';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import type { AgencyAccess } from '../../model/access/accessLevels.ts';
import type { CaseSummary, CurrentUser } from '../../model/api.ts';
import { caseIdSchema, meetingIdSchema, type CaseId } from '../../model/documentNames.ts';
import { CaseTabPanel } from '../casePage/CaseTabPanel.tsx';
import {
  caseTabs,
  caseTabSections,
  caseTabUrl,
  isPrintableTab,
  isSectionTab,
  parseCaseRoute,
  parsePrintRoute,
  printUrl,
  type CaseTab,
} from '../casePage/caseRoutes.ts';
import { CaseContextProvider } from '../collab/CaseContext.tsx';
import { ConnectionStatus } from '../collab/ConnectionStatus.tsx';
import { PresenceList } from '../collab/PresenceList.tsx';
import { useCaseCollaboration } from '../collab/useCaseCollaboration.ts';
import { getCase, getCaseAccess, isApiRequestError } from '../http/apiClient.ts';
import { errorMessage } from '../http/errorMessage.ts';
import { ja } from '../i18n/ja.ts';
import { Tabs } from '../layout/Tabs.tsx';
import { PrintView } from '../print/PrintView.tsx';
import { useDocumentTitle } from '../layout/useDocumentTitle.ts';
import { useSessionState } from '../session/useSessionState.ts';

type CaseState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly summary: CaseSummary }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Route entry for /cases/:caseId/*. A new case id means a new page (and new documents),
 * never reused ones; a new tab of the same case keeps the page and its socket.
 */
export function CasePage() {
  const { caseId } = useParams();
  const parsed = caseIdSchema.safeParse(caseId);
  if (!parsed.success) return <UnknownCase />;
  return <CaseView key={parsed.data} caseId={parsed.data} />;
}

function UnknownCase() {
  useDocumentTitle(ja.casePage.notFound);
  return <CaseUnavailable message={ja.casePage.notFound} />;
}

function CaseUnavailable({ message }: { readonly message: string }) {
  return (
    <div className="stack">
      <BackToList />
      <p role="alert" className="message message--error">
        {message}
      </p>
    </div>
  );
}

function BackToList() {
  return (
    <nav className="case-nav">
      <Link to="/cases" className="back-link">
        {ja.casePage.backToList}
      </Link>
    </nav>
  );
}

function CaseView({ caseId }: { readonly caseId: CaseId }) {
  const { session } = useSessionState();
  const accessToken = session?.accessToken;
  const [state, setState] = useState<CaseState>({ kind: 'loading' });
  // Bumped when 共有設定 saved a change: the participating agencies in the header may differ.
  const [reloads, setReloads] = useState(0);

  // Reloads after a re-login too, but a loaded case is only ever replaced by newer data:
  // swapping it for an error or spinner would unmount the fields and lose unsaved text.
  useEffect(() => {
    if (accessToken === undefined) return;
    const controller = new AbortController();
    getCase(caseId, controller.signal).then(
      (summary) => setState({ kind: 'loaded', summary }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiRequestError(error) && error.status === 401) return;
        setState((current) => (current.kind === 'loaded' ? current : { kind: 'failed', message: caseErrorMessage(error) }));
      },
    );
    return () => controller.abort();
  }, [caseId, accessToken, reloads]);

  if (state.kind === 'failed') return <CaseUnavailable message={state.message} />;

  if (state.kind === 'loading' || session === null) {
    return (
      <div className="stack">
        <BackToList />
        <p className="message">{ja.loading}</p>
      </div>
    );
  }

  return (
    <LoadedCase caseId={caseId} summary={state.summary} user={session.user} onCaseChanged={() => setReloads((count) => count + 1)} />
  );
}

interface LoadedCaseProps {
  readonly caseId: CaseId;
  readonly summary: CaseSummary;
  readonly user: CurrentUser;
  /** Something the case summary shows may have changed on the server. */
  readonly onCaseChanged: () => void;
}

type AccessState =
  | { readonly kind: 'loading' }
  | {
      readonly kind: 'known';
      readonly access: AgencyAccess | null;
      /** This agency may change the sharing (共有設定). */
      readonly canManage: boolean;
      /** Changes only with the levels or an access change the server reported (not on re-login). */
      readonly version: string;
    };

function caseTabLabel(tab: CaseTab): string {
  if (tab === 'history') return ja.casePage.historyTab;
  if (tab === 'sharing') return ja.casePage.sharingTab;
  if (tab === 'chat') return ja.chat.tab;
  if (tab === 'meetings') return ja.meetings.tab;
  return ja.sectionLabels[caseTabSections[tab]];
}

function LoadedCase({ caseId, summary, user, onCaseChanged }: LoadedCaseProps) {
  const { collaboration, snapshot, accessChanges } = useCaseCollaboration(caseId, user);
  const accessToken = useSessionState().session?.accessToken;
  const [accessState, setAccessState] = useState<AccessState>({ kind: 'loading' });
  // Bumped when this page changed the sharing itself: the server closes only documents whose
  // access changed, and this agency's own access may not be among them.
  const [sharingSaves, setSharingSaves] = useState(0);
  const rest = useParams()['*'] ?? '';
  const printTab = parsePrintRoute(rest);
  // /cases/:id/print/minutes?meeting=<id>: the minutes of one 支援会議.
  const printMeeting = meetingIdSchema.safeParse(useSearchParams()[0].get('meeting'));
  const route = printTab === null ? parseCaseRoute(rest) : null;
  const tabLabel = route ? caseTabLabel(route.tab) : ja.casePage.notFound;
  // The print view names its own page.
  useDocumentTitle(printTab === null ? ja.casePage.pageTitle(tabLabel, summary.title) : null);

  // Read again after a re-login and whenever the server closed documents for an access change;
  // documents are opened only once it is known which of them (source or masked) to ask for.
  useEffect(() => {
    if (accessToken === undefined) return;
    const controller = new AbortController();
    const known = (access: AgencyAccess | null, canManage: (current: AccessState) => boolean): void =>
      setAccessState((current) => ({
        kind: 'known',
        access,
        canManage: canManage(current),
        version: `${accessChanges}:${JSON.stringify(access)}`,
      }));
    getCaseAccess(caseId, controller.signal).then(
      (mine) => known(mine.levels, () => mine.canManage),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiRequestError(error) && error.status === 401) return;
        // Without an answer the server still decides per document; it refuses what is not shared.
        // 共有設定 stays as it was: a failed re-read after a save should not take the tab away,
        // and the server refuses the sharing to anyone not entitled to it anyway.
        known(null, (current) => current.kind === 'known' && current.canManage);
      },
    );
    return () => controller.abort();
  }, [caseId, accessToken, accessChanges, sharingSaves]);

  const context = {
    summary,
    user,
    // Until access is known no document is opened (see useSectionConnection).
    collaboration: accessState.kind === 'known' ? collaboration : null,
    access: accessState.kind === 'known' ? accessState.access : null,
    accessVersion: accessState.kind === 'known' ? accessState.version : '',
  };

  // The print layout opens the same documents over the same connection as the tab does.
  if (printTab !== null) {
    return (
      <CaseContextProvider value={context}>
        <PrintView tab={printTab} meetingId={printMeeting.success ? printMeeting.data : null} />
      </CaseContextProvider>
    );
  }

  if (route === null) return <Navigate to={caseTabUrl(caseId, 'overview')} replace />;

  const canManage = accessState.kind === 'known' && accessState.canManage;
  // A link to 共有設定 from someone who may not change the sharing (or no longer may) ends on 事案概要.
  if (route.tab === 'sharing' && accessState.kind === 'known' && !canManage) {
    return <Navigate to={caseTabUrl(caseId, 'overview')} replace />;
  }

  const tabItems = caseTabs
    // While access is being read, an opened 共有設定 keeps its tab; it goes if the answer says so.
    .filter((tab) => tab !== 'sharing' || canManage || route.tab === 'sharing')
    .map((tab) => ({
      id: tab,
      label: caseTabLabel(tab),
      href: caseTabUrl(caseId, tab),
    }));

  return (
    <CaseContextProvider value={context}>
      <article className="stack case-page">
        <BackToList />
        <header className="case-page__header">
          <div className="case-page__title-row">
            <h1 className="page__heading">{summary.title}</h1>
            <ConnectionStatus status={snapshot.saveStatus} />
          </div>
          <dl className="case-meta">
            <div className="case-meta__item">
              <dt>{ja.casePage.leadAgency}</dt>
              <dd>{summary.leadAgency.name}</dd>
            </div>
            <div className="case-meta__item">
              <dt>{ja.casePage.agencies}</dt>
              <dd>{summary.agencies.map((agency) => agency.name).join(ja.listSeparator)}</dd>
            </div>
          </dl>
        </header>
        <PresenceList people={snapshot.people} />
        <Tabs idPrefix="case" label={ja.casePage.tabsLabel} items={tabItems} selected={route.tab} className="case-tabs">
          {/* 履歴 and 共有設定 head their own content. */}
          {isSectionTab(route.tab) && <h2 className="tab-heading">{tabLabel}</h2>}
          {isPrintableTab(route.tab) && (
            <p className="print-link">
              <Link to={printUrl(caseId, route.tab)} className="button button--secondary button--small" title={ja.print.openHint(tabLabel)}>
                {ja.print.open}
              </Link>
            </p>
          )}
          <CaseTabPanel
            route={route}
            onSharingSaved={() => {
              setSharingSaves((count) => count + 1);
              onCaseChanged();
            }}
          />
        </Tabs>
      </article>
    </CaseContextProvider>
  );
}

function caseErrorMessage(error: unknown): string {
  if (isApiRequestError(error) && error.code === 'forbidden') return ja.casePage.forbidden;
  if (isApiRequestError(error) && error.code === 'not_found') return ja.casePage.notFound;
  return errorMessage(error);
}
