import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { RevisionGroup } from '../../model/history/historyApi.ts';
import { jaHistory } from '../i18n/ja.history.ts';

interface RevisionViewProps {
  readonly group: RevisionGroup;
  /** The read-only rendering; null while the revision loads. */
  readonly children: ReactNode;
  readonly onClose: () => void;
}

/**
 * A past state, set apart from the live record by its heading, banner and frame, so that no one
 * mistakes it for the current content or looks for a way to edit it.
 */
export function RevisionView({ group, children, onClose }: RevisionViewProps) {
  const headingId = useId();
  const bannerId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loading = children === null;

  // Keyboard and screen-reader users land on what they asked to see.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="history-revision" aria-labelledby={headingId} aria-describedby={bannerId} aria-busy={loading || undefined}>
      <div className="history-revision__header">
        <h3 id={headingId} ref={headingRef} tabIndex={-1} className="history-revision__heading">
          {jaHistory.revision.heading(jaHistory.formatDateTime(group.endedAt))}
        </h3>
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          {jaHistory.revision.close}
        </button>
      </div>
      <div id={bannerId} className="history-revision__banner">
        <p>{jaHistory.revision.banner}</p>
        <p>{jaHistory.revision.section(group.sectionLabel)}</p>
        {group.masked && <p>{jaHistory.revision.masked}</p>}
      </div>
      <div className="history-revision__body">{loading ? <p className="message">{jaHistory.revision.loading}</p> : children}</div>
    </section>
  );
}
