import type * as Y from 'yjs';
import type { CaseSection } from '../../model/documentNames.ts';
import { sectionViews } from './sectionViews.tsx';

interface SectionRevisionProps {
  readonly section: CaseSection;
  /** The section as it was, in a document of its own with no connection. */
  readonly doc: Y.Doc;
  readonly masked: boolean;
  /** A 支援会議's own minutes, which have more node types than the case's. */
  readonly meetingMinutes?: boolean;
}

/** A past state of a section in the same form (or editor) as the live tab, read-only. */
export function SectionRevision({ section, doc, masked, meetingMinutes = false }: SectionRevisionProps) {
  const { Revision } = sectionViews[section];
  return <Revision doc={doc} masked={masked} meetingMinutes={meetingMinutes} />;
}
