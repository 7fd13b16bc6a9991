import type * as Y from 'yjs';
import type { MinutesKind } from '../../model/richText/minutesSchema.ts';
import { MaskedNotice } from '../fields/MaskedNotice.tsx';
import { ja } from '../i18n/ja.ts';
import { MinutesEditor } from './MinutesEditor.tsx';

interface MinutesRevisionProps {
  readonly doc: Y.Doc;
  readonly masked: boolean;
  readonly kind: MinutesKind;
}

/**
 * A past state of the minutes, in the same editor (and schema) as the live ones, read-only and
 * bound to the history's own copy of the document, which has no provider.
 */
export function MinutesRevision({ doc, masked, kind }: MinutesRevisionProps) {
  return (
    <section className="minutes">
      {masked && <MaskedNotice label={ja.minutes.heading} />}
      <MinutesEditor key={doc.guid} document={doc} provider={null} user={null} editable={false} kind={kind} />
    </section>
  );
}
