import { lazy, Suspense, type ComponentType } from 'react';
import type * as Y from 'yjs';
import type { CaseSection } from '../../model/documentNames.ts';
import type { MemberTabSection } from '../../model/sections/memberTabs.ts';
import { StaticSectionScope } from '../fields/SectionScope.tsx';
import { ja } from '../i18n/ja.ts';
import { SectionErrorBoundary } from '../layout/SectionErrorBoundary.tsx';
import { MembersRevision, MemberTabRevision } from '../members/MembersRevision.tsx';
import { MembersTab } from '../members/MembersTab.tsx';
import { OverviewForm, OverviewTab } from '../overview/OverviewTab.tsx';
import { PlanForm, PlanTab } from '../plan/PlanTab.tsx';
import { OverviewPrint, PlanPrint, ProgressPrint } from '../print/SectionPrints.tsx';
import { ProgressRecord, ProgressTab } from '../progress/ProgressTab.tsx';
import type { CaseRoute } from './caseRoutes.ts';

// Tiptap and ProseMirror are most of the editor bundle and only the minutes need them (tab,
// past states and paper alike); tldraw, the largest part of the app by far, only the map.
const MinutesSection = lazy(async () => ({ default: (await import('../minutes/MinutesSection.tsx')).MinutesSection }));
const MinutesRevision = lazy(async () => ({ default: (await import('../minutes/MinutesRevision.tsx')).MinutesRevision }));
const MinutesPrint = lazy(async () => ({ default: (await import('../print/MinutesPrint.tsx')).MinutesPrint }));
const EcomapTab = lazy(async () => ({ default: (await import('../ecomap/EcomapTab.tsx')).EcomapTab }));
const EcomapRevision = lazy(async () => ({ default: (await import('../ecomap/EcomapRevision.tsx')).EcomapRevision }));

export interface RevisionViewProps {
  /** The section as it was, in a document of its own with no connection. */
  readonly doc: Y.Doc;
  readonly masked: boolean;
  /** A 支援会議's own minutes, which have more node types than the case's. */
  readonly meetingMinutes: boolean;
}

export interface PrintViewProps {
  readonly doc: Y.Doc;
  readonly meetingMinutes: boolean;
}

/** What the app shows of a section; the model's part is its spec (model/sections/sectionRegistry.ts). */
export interface SectionViews {
  /** The live tab; null for a section shown inside another's tab (a member's tabs, inside 世帯・世帯員). */
  readonly Tab: ComponentType<{ readonly route: CaseRoute }> | null;
  /** A past state in the same form (or editor) as the live tab, read-only. */
  readonly Revision: ComponentType<RevisionViewProps>;
  /** The A4 sheet; null for a section with no print layout (model/print.ts says which have one). */
  readonly Print: ComponentType<PrintViewProps> | null;
}

function Loading({ message = ja.loading }: { readonly message?: string }) {
  return <p className="message">{message}</p>;
}

/** A form of fields over a past state: the same components as the tab, bound to a document with no connection. */
function fieldsRevision(section: CaseSection, Form: ComponentType): ComponentType<RevisionViewProps> {
  return function FieldsRevision({ doc, masked }: RevisionViewProps) {
    return (
      <StaticSectionScope section={section} doc={doc} masked={masked}>
        <Form />
      </StaticSectionScope>
    );
  };
}

function memberTabViews(section: MemberTabSection): SectionViews {
  return { Tab: null, Revision: fieldsRevision(section, () => <MemberTabRevision section={section} />), Print: null };
}

export const sectionViews = {
  overview: { Tab: OverviewTab, Revision: fieldsRevision('overview', OverviewForm), Print: OverviewPrint },
  members: {
    Tab: ({ route }) => (route.tab === 'members' ? <MembersTab memberId={route.memberId} memberTab={route.memberTab} /> : null),
    Revision: fieldsRevision('members', MembersRevision),
    // A printed identity sheet is the easiest leak there is.
    Print: null,
  },
  'member-history': memberTabViews('member-history'),
  'member-health': memberTabViews('member-health'),
  'member-finance': memberTabViews('member-finance'),
  'member-work': memberTabViews('member-work'),
  'member-nationality': memberTabViews('member-nationality'),
  'progress-log': { Tab: ProgressTab, Revision: fieldsRevision('progress-log', ProgressRecord), Print: ProgressPrint },
  plan: { Tab: PlanTab, Revision: fieldsRevision('plan', PlanForm), Print: PlanPrint },
  minutes: {
    Tab: () => (
      <Suspense fallback={<Loading />}>
        <MinutesSection />
      </Suspense>
    ),
    Revision: ({ doc, masked, meetingMinutes }) => (
      <Suspense fallback={<Loading />}>
        <MinutesRevision doc={doc} masked={masked} kind={meetingMinutes ? 'meeting-minutes' : 'case-minutes'} />
      </Suspense>
    ),
    Print: ({ doc, meetingMinutes }) => (
      <Suspense fallback={<Loading />}>
        <MinutesPrint doc={doc} kind={meetingMinutes ? 'meeting-minutes' : 'case-minutes'} />
      </Suspense>
    ),
  },
  ecomap: {
    Tab: () => (
      <SectionErrorBoundary message={ja.ecomap.failed}>
        <Suspense fallback={<Loading message={ja.ecomap.loading} />}>
          <EcomapTab />
        </Suspense>
      </SectionErrorBoundary>
    ),
    Revision: ({ doc, masked }) => (
      <Suspense fallback={<Loading message={ja.ecomap.loading} />}>
        <EcomapRevision doc={doc} masked={masked} />
      </Suspense>
    ),
    Print: null,
  },
} satisfies Record<CaseSection, SectionViews>;
