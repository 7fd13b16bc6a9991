import type * as Y from 'yjs';
import { MaskedNotice } from '../fields/MaskedNotice.tsx';
import { ja } from '../i18n/ja.ts';
import { MinutesEditor } from './MinutesEditor.tsx';

interface MinutesRevisionProps {
  readonly doc: Y.Doc;
  readonly masked: boolean;
}

/** A past state of the minutes, in the same editor as the live ones, read-only and unconnected. */
export function MinutesRevision({ doc, masked }: MinutesRevisionProps) {
  return (
    <section className="minutes">
      {masked && <MaskedNotice label={ja.minutes.heading} />}
      <MinutesEditor key={doc.guid} document={doc} provider={null} user={null} editable={false} />
    </section>
  );
}
