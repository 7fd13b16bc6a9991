import type * as Y from 'yjs';
import { MinutesEditor } from '../minutes/MinutesEditor.tsx';

/**
 * The minutes on paper in the same editor as on screen, read-only and without carets, so that
 * headings, lists and emphasis print as they were written.
 */
export function MinutesPrint({ doc }: { readonly doc: Y.Doc }) {
  return (
    <div className="print-body print-minutes">
      <MinutesEditor document={doc} provider={null} user={null} editable={false} />
    </div>
  );
}
