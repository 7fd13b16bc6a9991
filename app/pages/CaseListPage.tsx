import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { caseListQuerySchema, type CaseListQuery, type CaseSummary } from '../../model/api.ts';
import { CaseFilters, type AgencyOption } from '../cases/CaseFilters.tsx';
import { CaseTable } from '../cases/CaseTable.tsx';
import { NewCaseForm } from '../cases/NewCaseForm.tsx';
import { isApiRequestError, listCases } from '../http/apiClient.ts';
import { errorMessage } from '../http/errorMessage.ts';
import { ja } from '../i18n/ja.ts';
import { useDocumentTitle } from '../layout/useDocumentTitle.ts';
import { useSessionState } from '../session/useSessionState.ts';

type CaseListState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly cases: readonly CaseSummary[] }
  | { readonly kind: 'failed'; readonly message: string };

/** Typing waits this long before searching, so that each keystroke is not a request. */
const SEARCH_DELAY_MS = 300;

/** The filters live in the URL (?q=&status=&agencyId=), so that back and reload keep them. */
function queryFrom(params: URLSearchParams): CaseListQuery {
  const raw = {
    q: params.get('q') ?? undefined,
    status: params.get('status') ?? undefined,
    agencyId: params.get('agencyId') ?? undefined,
  };
  const parsed = caseListQuerySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // One bad parameter (an old link, say) should not empty the whole list.
  const q = caseListQuerySchema.shape.q.safeParse(raw.q);
  return { q: q.success ? q.data : undefined };
}

export function CaseListPage() {
  useDocumentTitle(ja.caseList.heading);
  const accessToken = useSessionState().session?.accessToken;
  const [params, setParams] = useSearchParams();
  const query = queryFrom(params);
  const q = query.q ?? '';
  const status = query.status ?? '';
  const agencyId = query.agencyId ?? '';
  const [state, setState] = useState<CaseListState>({ kind: 'loading' });
  const [agencies, setAgencies] = useState<readonly AgencyOption[]>([]);
  // What the search box shows, and the query it was last committed as: when the URL changes
  // some other way (back button), the box follows it.
  const [search, setSearch] = useState({ text: q, committed: q });
  if (search.committed !== q) setSearch({ text: q, committed: q });

  function updateParams(next: { q?: string; status?: string; agencyId?: string }): void {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        for (const [key, value] of Object.entries(next)) {
          if (value) updated.set(key, value);
          else updated.delete(key);
        }
        return updated;
      },
      { replace: true },
    );
  }

  useEffect(() => {
    const text = search.text.trim();
    if (text === search.committed) return;
    const timer = setTimeout(() => {
      setSearch((current) => ({ ...current, committed: text }));
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          if (text) updated.set('q', text);
          else updated.delete('q');
          return updated;
        },
        { replace: true },
      );
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, setParams]);

  // Keyed on the token so that the list loads again by itself after a re-login.
  useEffect(() => {
    if (accessToken === undefined) return;
    const controller = new AbortController();
    listCases({ q: q || undefined, status: status || undefined, agencyId: agencyId || undefined }, controller.signal).then(
      (cases) => {
        setState({ kind: 'loaded', cases });
        // The agency filter offers every agency seen in any listing, so that choosing one
        // does not make the others disappear from the choice.
        setAgencies((known) => {
          const byId = new Map(known.map((agency) => [agency.id, agency]));
          for (const summary of cases) {
            for (const agency of summary.agencies) if (!byId.has(agency.id)) byId.set(agency.id, { id: agency.id, name: agency.name });
          }
          return byId.size === known.length ? known : [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'ja'));
        });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        // A 401 has opened the re-login dialog; keep what is shown until the new token loads.
        if (isApiRequestError(error) && error.status === 401) return;
        setState({ kind: 'failed', message: errorMessage(error) });
      },
    );
    return () => controller.abort();
  }, [accessToken, q, status, agencyId]);

  const filtered = q !== '' || status !== '' || agencyId !== '';

  return (
    <div className="stack">
      <h1 className="page__heading">{ja.caseList.heading}</h1>
      <NewCaseForm />
      <div className="stack stack--tight">
        <CaseFilters
          search={search.text}
          onSearch={(text) => setSearch((current) => ({ ...current, text }))}
          status={status}
          onStatus={(value) => updateParams({ status: value })}
          agencyId={agencyId}
          onAgency={(value) => updateParams({ agencyId: value })}
          agencies={agencies}
        />
        <p className="result-count" aria-live="polite">
          {state.kind === 'loaded' ? ja.caseList.resultCount(state.cases.length) : ''}
        </p>
        {state.kind === 'loading' && <p className="message">{ja.loading}</p>}
        {state.kind === 'failed' && (
          <p role="alert" className="message message--error">
            {state.message}
          </p>
        )}
        {state.kind === 'loaded' && <CaseTable cases={state.cases} filtered={filtered} />}
      </div>
    </div>
  );
}
