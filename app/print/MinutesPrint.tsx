import type * as Y from 'yjs';
import type { MinutesKind } from '../../model/richText/minutesSchema.ts';
import { MinutesEditor } from '../minutes/MinutesEditor.tsx';
import { useReadOnlyCopy } from '../minutes/useReadOnlyCopy.ts';

/**
 * The minutes on paper in the same editor as on screen, read-only and without carets, so that
 * headings, lists, tables, checklists and 「決定事項」 print as they were written. The editor is
 * bound to a copy that follows the live document: printing can never change the minutes.
 */
export function MinutesPrint({ doc, kind }: { readonly doc: Y.Doc; readonly kind: MinutesKind }) {
  const copy = useReadOnlyCopy(doc);
  return (
    <div className="print-body print-minutes">
      <MinutesEditor key={copy.guid} document={copy} provider={null} user={null} editable={false} kind={kind} />
    </div>
  );
}
