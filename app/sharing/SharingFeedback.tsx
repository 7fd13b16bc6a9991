import type { SharingOutcome } from './types.ts';

/**
 * The outcome of the last change, where it was made: on a long page a message at the top
 * would go unseen. The page's own status region announces successes; an error is an alert.
 */
export function SharingFeedback({ outcome, scope }: { readonly outcome: SharingOutcome | null; readonly scope: string }) {
  if (outcome === null || outcome.scope !== scope) return null;
  if (outcome.error !== null) {
    return (
      <p role="alert" className="message message--error">
        {outcome.error}
      </p>
    );
  }
  return <p className="message message--info">{outcome.done}</p>;
}
