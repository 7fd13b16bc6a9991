import { useEffect, type ReactNode } from 'react';
import type * as Y from 'yjs';
import type { CaseSection } from '../../model/documentNames.ts';
import { useCaseContext } from '../collab/CaseContext.tsx';
import { HistoryPanel, type RevisionInfo } from '../history/HistoryPanel.tsx';
import { SectionRevision } from './SectionRevision.tsx';

function renderRevision(section: CaseSection, doc: Y.Doc, { masked, meetingMinutes }: RevisionInfo): ReactNode {
  return <SectionRevision section={section} doc={doc} masked={masked} meetingMinutes={meetingMinutes} />;
}

/** 履歴 of the case, showing past states in the forms of the live tabs. */
export function HistoryTab() {
  const { summary, collaboration } = useCaseContext();

  // This tab opens no document. Reached straight from an address, the page's status would
  // otherwise keep saying 接続中 for documents that are never opened.
  useEffect(() => {
    collaboration?.sectionChanged();
  }, [collaboration]);

  return <HistoryPanel caseId={summary.id} renderRevision={renderRevision} />;
}
