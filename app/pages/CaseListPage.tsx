import { useEffect, useState } from 'react';
import type { CaseSummary } from '../../model/api.ts';
import { isApiRequestError, listCases } from '../http/apiClient.ts';
import { errorMessage } from '../http/errorMessage.ts';
import { CaseTable } from '../cases/CaseTable.tsx';
import { NewCaseForm } from '../cases/NewCaseForm.tsx';
import { ja } from '../i18n/ja.ts';
import { useDocumentTitle } from '../layout/useDocumentTitle.ts';
import { useSessionState } from '../session/useSessionState.ts';

type CaseListState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly cases: readonly CaseSummary[] }
  | { readonly kind: 'failed'; readonly message: string };

export function CaseListPage() {
  useDocumentTitle(ja.caseList.heading);
  const accessToken = useSessionState().session?.accessToken;
  const [state, setState] = useState<CaseListState>({ kind: 'loading' });

  // Keyed on the token so that the list loads again by itself after a re-login.
  useEffect(() => {
    if (accessToken === undefined) return;
    const controller = new AbortController();
    listCases(controller.signal).then(
      (cases) => setState({ kind: 'loaded', cases }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        // A 401 has opened the re-login dialog; keep what is shown until the new token loads.
        if (isApiRequestError(error) && error.status === 401) return;
        setState({ kind: 'failed', message: errorMessage(error) });
      },
    );
    return () => controller.abort();
  }, [accessToken]);

  return (
    <div className="stack">
      <h1 className="page__heading">{ja.caseList.heading}</h1>
      <NewCaseForm />
      {state.kind === 'loading' && <p className="message">{ja.loading}</p>}
      {state.kind === 'failed' && (
        <p role="alert" className="message message--error">
          {state.message}
        </p>
      )}
      {state.kind === 'loaded' && <CaseTable cases={state.cases} />}
    </div>
  );
}
