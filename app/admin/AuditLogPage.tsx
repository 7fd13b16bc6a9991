import { useEffect, useId, useState, type FormEvent } from 'react';
import { auditActions, auditQuerySchema, type AuditEntry, type AuditQuery, type AuditVerification } from '../../model/audit.ts';
import { isApiRequestError } from '../http/apiClient.ts';
import { AUDIT_SEARCH_LIMIT, exportAuditCsv, searchAudit, verifyAudit } from '../http/auditApi.ts';
import { errorMessage } from '../http/errorMessage.ts';
import { jaAdmin } from '../i18n/ja.admin.ts';
import { DateRangeFields } from '../layout/FormControls.tsx';
import { download } from '../layout/download.ts';
import { useDocumentTitle } from '../layout/useDocumentTitle.ts';
import { useSessionState } from '../session/useSessionState.ts';
import { AuditTable } from './AuditTable.tsx';
import './admin.css';

const t = jaAdmin.audit;

interface FilterValues {
  readonly from: string;
  readonly to: string;
  readonly action: string;
  readonly loginId: string;
  readonly q: string;
}

const emptyFilters: FilterValues = { from: '', to: '', action: '', loginId: '', q: '' };

type SearchState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly entries: readonly AuditEntry[] }
  | { readonly kind: 'failed'; readonly message: string };

type VerifyState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'done'; readonly result: AuditVerification }
  | { readonly kind: 'failed'; readonly message: string };

function pageErrorMessage(error: unknown): string {
  return isApiRequestError(error) && error.code === 'forbidden' ? t.forbidden : errorMessage(error);
}

/** 監査ログ for the municipal administrator (route and role guard are wired by the app). */
export function AuditLogPage() {
  useDocumentTitle(t.heading);
  const accessToken = useSessionState().session?.accessToken;
  const ids = {
    filters: useId(),
    action: useId(),
    loginId: useId(),
    q: useId(),
    qHint: useId(),
    formError: useId(),
  };
  const [values, setValues] = useState<FilterValues>(emptyFilters);
  const [formError, setFormError] = useState<string | null>(null);
  // What the table shows: the conditions of the last search, and which search it was, so that
  // pressing 検索 again with the same conditions reads the log again.
  const [applied, setApplied] = useState<{ readonly query: AuditQuery; readonly run: number }>({ query: {}, run: 0 });
  const [state, setState] = useState<SearchState>({ kind: 'loading' });
  const [exporting, setExporting] = useState<{ readonly pending: boolean; readonly message: string | null; readonly error: string | null }>({
    pending: false,
    message: null,
    error: null,
  });
  const [verify, setVerify] = useState<VerifyState>({ kind: 'idle' });

  useEffect(() => {
    if (accessToken === undefined) return;
    const controller = new AbortController();
    searchAudit(applied.query, controller.signal).then(
      (entries) => setState({ kind: 'loaded', entries }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiRequestError(error) && error.status === 401) return;
        setState({ kind: 'failed', message: pageErrorMessage(error) });
      },
    );
    return () => controller.abort();
  }, [accessToken, applied]);

  function set(key: keyof FilterValues, value: string): void {
    setValues((current) => ({ ...current, [key]: value }));
  }

  function handleSearch(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const raw = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.trim()]).filter(([, value]) => value !== ''));
    const parsed = auditQuerySchema.safeParse(raw);
    if (!parsed.success) {
      setFormError(t.filters.invalid);
      return;
    }
    setFormError(null);
    setState({ kind: 'loading' });
    setApplied((current) => ({ query: parsed.data, run: current.run + 1 }));
  }

  async function handleExport(): Promise<void> {
    if (exporting.pending) return;
    setExporting({ pending: true, message: t.exporting, error: null });
    try {
      download(await exportAuditCsv(applied.query), t.exportFileName);
      setExporting({ pending: false, message: t.exported, error: null });
    } catch (error) {
      setExporting({ pending: false, message: null, error: pageErrorMessage(error) });
    }
  }

  async function handleVerify(): Promise<void> {
    if (verify.kind === 'pending') return;
    setVerify({ kind: 'pending' });
    try {
      setVerify({ kind: 'done', result: await verifyAudit() });
    } catch (error) {
      setVerify({ kind: 'failed', message: pageErrorMessage(error) });
    }
  }

  return (
    <div className="stack audit">
      <div className="stack stack--tight">
        <h1 className="page__heading">{t.heading}</h1>
        <p>{t.lead}</p>
      </div>

      <section className="panel" aria-labelledby={ids.filters}>
        <h2 id={ids.filters} className="panel__heading">
          {t.filters.heading}
        </h2>
        <form className="form" role="search" aria-labelledby={ids.filters} onSubmit={handleSearch} noValidate>
          {formError && (
            <p id={ids.formError} role="alert" className="message message--error">
              {formError}
            </p>
          )}
          <div className="audit-filters">
            <DateRangeFields fromLabel={t.filters.from} toLabel={t.filters.to} from={values.from} to={values.to} onChange={set} />
            <div className="field">
              <label htmlFor={ids.action} className="field__label">
                {t.filters.action}
              </label>
              <select id={ids.action} className="field__input field__select" value={values.action} onChange={(event) => set('action', event.target.value)}>
                <option value="">{t.filters.allActions}</option>
                {auditActions.map((action) => (
                  <option key={action} value={action}>
                    {t.actions[action]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.loginId} className="field__label">
                {t.filters.loginId}
              </label>
              <input
                id={ids.loginId}
                type="text"
                className="field__input"
                autoComplete="off"
                spellCheck={false}
                maxLength={64}
                value={values.loginId}
                onChange={(event) => set('loginId', event.target.value)}
              />
            </div>
            <div className="field audit-filters__keyword">
              <label htmlFor={ids.q} className="field__label">
                {t.filters.keyword}
              </label>
              <p id={ids.qHint} className="field__hint">
                {t.filters.keywordHint}
              </p>
              <input
                id={ids.q}
                type="search"
                className="field__input"
                autoComplete="off"
                maxLength={100}
                value={values.q}
                aria-describedby={ids.qHint}
                onChange={(event) => set('q', event.target.value)}
              />
            </div>
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--primary">
              {t.filters.search}
            </button>
          </div>
        </form>
      </section>

      <div className="audit-tools">
        <button
          type="button"
          className="button button--secondary"
          aria-disabled={exporting.pending || undefined}
          onClick={() => void handleExport()}
        >
          {t.exportCsv}
        </button>
        <button
          type="button"
          className="button button--secondary"
          aria-disabled={verify.kind === 'pending' || undefined}
          onClick={() => void handleVerify()}
        >
          {t.verify}
        </button>
      </div>
      <div className="audit-feedback">
        <p role="status" className={exporting.message ? 'message message--info' : 'visually-hidden'}>
          {exporting.message ?? ''}
        </p>
        {exporting.error && (
          <p role="alert" className="message message--error">
            {exporting.error}
          </p>
        )}
        <VerifyResult state={verify} />
      </div>

      <section className="stack stack--tight" aria-label={t.caption}>
        {state.kind === 'loading' && <p className="message">{t.loading}</p>}
        {state.kind === 'failed' && (
          <p role="alert" className="message message--error">
            {state.message}
          </p>
        )}
        {state.kind === 'loaded' && (
          <>
            <p className="result-count" aria-live="polite">
              {t.count(state.entries.length)}
            </p>
            {state.entries.length >= AUDIT_SEARCH_LIMIT && <p className="message message--info">{t.capped(AUDIT_SEARCH_LIMIT)}</p>}
            {state.entries.length === 0 ? <p className="message message--info">{t.empty}</p> : <AuditTable entries={state.entries} />}
          </>
        )}
      </section>
    </div>
  );
}

function VerifyResult({ state }: { readonly state: VerifyState }) {
  if (state.kind === 'failed') {
    return (
      <p role="alert" className="message message--error">
        {state.message}
      </p>
    );
  }
  if (state.kind === 'done' && !state.result.ok) {
    return (
      <div role="alert" className="message message--error audit-verify">
        <p>{t.verifyFailed(state.result.checked, state.result.problems.length)}</p>
        <ul className="audit-verify__problems">
          {state.result.problems.map((problem, index) => (
            <li key={index}>{t.problem(problem.seq, problem.problem)}</li>
          ))}
        </ul>
      </div>
    );
  }
  const text = state.kind === 'pending' ? t.verifying : state.kind === 'done' ? t.verifyOk(state.result.checked) : '';
  return (
    <p role="status" className={text ? 'message message--info audit-verify audit-verify--ok' : 'visually-hidden'}>
      {text}
    </p>
  );
}
