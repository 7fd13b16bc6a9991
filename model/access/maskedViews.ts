import type * as Y from 'yjs';
import type { CaseSection } from '../documentNames.ts';
import { sectionReaders } from '../sections/sectionReaders.ts';
import type { Redaction } from './masking.ts';

/**
 * Brings a masked view document in line with its source, by the section's own masking rules
 * (its reader's `renderMasked`): map sections change only what differs, rich text is copied anew.
 */
export function renderMaskedView(view: Y.Doc, section: CaseSection, source: Y.Doc, redaction: Redaction, today: Date, origin: unknown): void {
  view.transact(() => sectionReaders[section].renderMasked(view, source, redaction, today), origin);
}

