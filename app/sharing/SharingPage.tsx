import { useEffect, useId, useRef, useState } from 'react';
import type { Sharing } from '../../model/access/sharingApi.ts';
import type { CaseId } from '../../model/documentNames.ts';
import { isApiRequestError } from '../http/apiClient.ts';
import { errorMessage } from '../http/errorMessage.ts';
import { getSharing, listAgencies, type AgencyOption } from '../http/sharingApi.ts';
import { jaSharing } from '../i18n/ja.sharing.ts';
import { useSessionState } from '../session/useSessionState.ts';
import { ConsentForms } from './ConsentForms.tsx';
import { MaskingReview } from './MaskingReview.tsx';
import { MeetingBasis } from './MeetingBasis.tsx';
import { ParticipatingAgencies } from './ParticipatingAgencies.tsx';
import { SharingChanges } from './SharingChanges.tsx';
import { SharingMatrix } from './SharingMatrix.tsx';
import type { HouseholdMember, SharingMutation, SharingOutcome } from './types.ts';
import './sharing.css';

export type { HouseholdMember } from './types.ts';

interface SharingPageProps {
  readonly caseId: CaseId;
  /** 世帯員 of the case (from the 世帯・世帯員 section), for recording 本人同意 per person. */
  readonly members: readonly HouseholdMember[];
  /** After each change the server accepted, so that the rest of the page can read again what it depends on. */
  readonly onSaved?: () => void;
}

type SharingState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly sharing: Sharing }
  | { readonly kind: 'failed'; readonly message: string };

type AgencyList = readonly AgencyOption[] | 'loading' | 'failed';

function loadErrorMessage(error: unknown): string {
  if (isApiRequestError(error) && error.code === 'forbidden') return jaSharing.forbidden;
  if (isApiRequestError(error) && error.code === 'not_found') return jaSharing.notFound;
  return errorMessage(error);
}

/** 共有設定 of one case, for the coordinating agency (the server refuses anyone else with 403). */
export function SharingPage({ caseId, members, onSaved }: SharingPageProps) {
  const accessToken = useSessionState().session?.accessToken;
  const headingId = useId();
  const [state, setState] = useState<SharingState>({ kind: 'loading' });
  const [allAgencies, setAllAgencies] = useState<AgencyList>('loading');
  const [outcome, setOutcome] = useState<SharingOutcome | null>(null);
  // One change at a time and in the order made: each answer is the whole sharing, so an
  // answer overtaking a later one would show a state the server no longer has.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  // Keyed on the token too, so that the screen loads again by itself after a re-login.
  useEffect(() => {
    if (accessToken === undefined) return;
    const controller = new AbortController();
    const ignorable = (error: unknown) =>
      controller.signal.aborted || (isApiRequestError(error) && error.status === 401);
    getSharing(caseId, controller.signal).then(
      (sharing) => setState({ kind: 'loaded', sharing }),
      (error: unknown) => {
        if (ignorable(error)) return;
        setState((current) => (current.kind === 'loaded' ? current : { kind: 'failed', message: loadErrorMessage(error) }));
      },
    );
    listAgencies(controller.signal).then(
      (agencies) => setAllAgencies(agencies),
      (error: unknown) => {
        if (ignorable(error)) return;
        setAllAgencies((current) => (Array.isArray(current) ? current : 'failed'));
      },
    );
    return () => controller.abort();
  }, [caseId, accessToken]);

  const mutate: SharingMutation = (request, done, scope) => {
    const next = queue.current.then(async () => {
      try {
        const sharing = await request();
        setState({ kind: 'loaded', sharing });
        setOutcome({ scope, error: null, done });
        onSaved?.();
        return true;
      } catch (error) {
        setOutcome({ scope, error: errorMessage(error), done: null });
        return false;
      }
    });
    queue.current = next;
    return next;
  };

  return (
    <section className="sharing stack" aria-labelledby={headingId}>
      <div className="stack stack--tight">
        <h2 id={headingId} className="sharing__heading">
          {jaSharing.heading}
        </h2>
        <p>{jaSharing.lead}</p>
      </div>
      {state.kind === 'loading' && <p className="message">{jaSharing.loading}</p>}
      {state.kind === 'failed' && (
        <p role="alert" className="message message--error">
          {state.message}
        </p>
      )}
      {state.kind === 'loaded' && (
        <>
          {/* Announces successes; each part of the page shows its own outcome on screen (SharingFeedback). */}
          <p role="status" className="visually-hidden">
            {outcome?.done ?? ''}
          </p>
          <SharingMatrix caseId={caseId} sharing={state.sharing} mutate={mutate} outcome={outcome} />
          <ParticipatingAgencies caseId={caseId} sharing={state.sharing} allAgencies={allAgencies} mutate={mutate} outcome={outcome} />
          <MeetingBasis caseId={caseId} sharing={state.sharing} mutate={mutate} outcome={outcome} />
          <ConsentForms caseId={caseId} sharing={state.sharing} members={members} mutate={mutate} outcome={outcome} />
          <MaskingReview caseId={caseId} />
          <SharingChanges changes={state.sharing.changes} />
        </>
      )}
    </section>
  );
}
