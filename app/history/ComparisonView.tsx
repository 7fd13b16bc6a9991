import { useEffect, useId, useRef } from 'react';
import type { Comparison, RevisionGroup } from '../../model/history/historyApi.ts';
import { jaHistory } from '../i18n/ja.history.ts';

interface ComparisonViewProps {
  readonly from: RevisionGroup;
  readonly to: RevisionGroup;
  /** null while the server compares. */
  readonly result: Comparison | null;
  readonly onClose: () => void;
}

/** A value of a structured section as a reader would write it. */
function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return jaHistory.compare.emptyValue;
  if (typeof value === 'boolean') return value ? jaHistory.compare.yes : jaHistory.compare.no;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    return value.length === 0 ? jaHistory.compare.emptyValue : value.map(valueText).join(jaHistory.compare.valueSeparator);
  }
  return JSON.stringify(value);
}

export function ComparisonView({ from, to, result, onClose }: ComparisonViewProps) {
  const headingId = useId();
  const rangeId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="history-compare" aria-labelledby={headingId} aria-describedby={rangeId} aria-busy={result === null || undefined}>
      <div className="history-compare__header">
        <h3 id={headingId} ref={headingRef} tabIndex={-1} className="history-compare__heading">
          {jaHistory.compare.heading(from.sectionLabel)}
        </h3>
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          {jaHistory.compare.close}
        </button>
      </div>
      <p id={rangeId} className="history-compare__range">
        {jaHistory.compare.range(jaHistory.formatDateTime(from.endedAt), jaHistory.formatDateTime(to.endedAt))}
      </p>
      {result === null && <p className="message">{jaHistory.compare.loading}</p>}
      {result?.kind === 'fields' && <FieldChanges changes={result.changes} />}
      {result?.kind === 'text' && <TextChanges parts={result.parts} />}
    </section>
  );
}

function FieldChanges({ changes }: { readonly changes: Extract<Comparison, { kind: 'fields' }>['changes'] }) {
  if (changes.length === 0) return <p className="message message--info">{jaHistory.compare.noChanges}</p>;
  return (
    <div className="table-scroll">
      <table className="table table--compact history-compare__table">
        <caption className="table__caption">{jaHistory.compare.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{jaHistory.compare.field}</th>
            <th scope="col">{jaHistory.compare.before}</th>
            <th scope="col">{jaHistory.compare.after}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.path}>
              <th scope="row">{change.label}</th>
              <td className="history-compare__before">{valueText(change.before)}</td>
              <td className="history-compare__after">{valueText(change.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TextChanges({ parts }: { readonly parts: Extract<Comparison, { kind: 'text' }>['parts'] }) {
  const legendId = useId();
  if (!parts.some((part) => part.kind !== 'same')) return <p className="message message--info">{jaHistory.compare.noChanges}</p>;
  return (
    <>
      <p id={legendId} className="field__hint">
        {jaHistory.compare.textLegend}
      </p>
      {/* ins and del alone are silent in most screen readers, hence the hidden words around them. */}
      <p className="history-diff" aria-describedby={legendId}>
        {parts.map((part, index) =>
          part.kind === 'added' ? (
            <ins key={index} className="history-diff__added">
              <span className="visually-hidden">{jaHistory.compare.addedStart}</span>
              {part.text}
              <span className="visually-hidden">{jaHistory.compare.addedEnd}</span>
            </ins>
          ) : part.kind === 'removed' ? (
            <del key={index} className="history-diff__removed">
              <span className="visually-hidden">{jaHistory.compare.removedStart}</span>
              {part.text}
              <span className="visually-hidden">{jaHistory.compare.removedEnd}</span>
            </del>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </p>
    </>
  );
}
