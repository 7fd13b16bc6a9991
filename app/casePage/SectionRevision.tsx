import { lazy, Suspense } from 'react';
import type * as Y from 'yjs';
import type { CaseSection } from '../../model/documentNames.ts';
import { StaticSectionScope } from '../fields/SectionScope.tsx';
import { ja } from '../i18n/ja.ts';
import { MembersRevision, MemberTabRevision } from '../members/MembersRevision.tsx';
import { OverviewForm } from '../overview/OverviewTab.tsx';
import { PlanForm } from '../plan/PlanTab.tsx';
import { ProgressRecord } from '../progress/ProgressTab.tsx';

// The editor bundle is loaded only when a past state of the minutes is opened.
const MinutesRevision = lazy(async () => ({ default: (await import('../minutes/MinutesRevision.tsx')).MinutesRevision }));
// …and tldraw only when a past state of the map is.
const EcomapRevision = lazy(async () => ({ default: (await import('../ecomap/EcomapRevision.tsx')).EcomapRevision }));

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
  if (section === 'minutes') {
    return (
      <Suspense fallback={<p className="message">{ja.loading}</p>}>
        <MinutesRevision doc={doc} masked={masked} kind={meetingMinutes ? 'meeting-minutes' : 'case-minutes'} />
      </Suspense>
    );
  }
  if (section === 'ecomap') {
    return (
      <Suspense fallback={<p className="message">{ja.ecomap.loading}</p>}>
        <EcomapRevision doc={doc} masked={masked} />
      </Suspense>
    );
  }
  return (
    <StaticSectionScope section={section} doc={doc} masked={masked}>
      {section === 'overview' && <OverviewForm />}
      {section === 'members' && <MembersRevision />}
      {section === 'progress-log' && <ProgressRecord />}
      {section === 'plan' && <PlanForm />}
      {(section === 'member-history' ||
        section === 'member-health' ||
        section === 'member-finance' ||
        section === 'member-work' ||
        section === 'member-nationality') && <MemberTabRevision section={section} />}
    </StaticSectionScope>
  );
}
