import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CaseSummary } from '../../model/api.ts';
import { caseIdSchema, type CaseId } from '../../model/documentNames.ts';
import { getCase, isApiRequestError } from '../http/apiClient.ts';
import { errorMessage } from '../http/errorMessage.ts';
import { ja } from '../i18n/ja.ts';
import { useDocumentTitle } from '../layout/useDocumentTitle.ts';
import { MinutesSection } from '../minutes/MinutesSection.tsx';
import { useSessionState } from '../session/useSessionState.ts';

type CaseState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly summary: CaseSummary }
  | { readonly kind: 'failed'; readonly message: string };

/** Route entry: a new case id means a new page (and a new document), never a reused one. */
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
  useDocumentTitle(
    state.kind === 'loaded' ? state.summary.title : state.kind === 'failed' ? state.message : ja.loading,
  );

  // Reloads after a re-login too, but a loaded case is only ever replaced by newer data:
  // swapping it for an error or spinner would unmount the editor and lose unsaved text.
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
  }, [caseId, accessToken]);

  if (state.kind === 'failed') return <CaseUnavailable message={state.message} />;

  if (state.kind === 'loading' || session === null) {
    return (
      <div className="stack">
        <BackToList />
        <p className="message">{ja.loading}</p>
      </div>
    );
  }

  const { summary } = state;
  return (
    <article className="stack case-page">
      <BackToList />
      <header className="case-page__header">
        <h1 className="page__heading">{summary.title}</h1>
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
      <MinutesSection caseId={caseId} user={session.user} />
    </article>
  );
}

function caseErrorMessage(error: unknown): string {
  if (isApiRequestError(error) && error.code === 'forbidden') return ja.casePage.forbidden;
  if (isApiRequestError(error) && error.code === 'not_found') return ja.casePage.notFound;
  return errorMessage(error);
}
