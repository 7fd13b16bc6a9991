import { lazy, Suspense } from 'react';
import { ja } from '../i18n/ja.ts';
import { SectionErrorBoundary } from '../layout/SectionErrorBoundary.tsx';
import { MembersTab } from '../members/MembersTab.tsx';
import { OverviewTab } from '../overview/OverviewTab.tsx';
import { PlanTab } from '../plan/PlanTab.tsx';
import { ProgressTab } from '../progress/ProgressTab.tsx';
import type { CaseRoute } from './caseRoutes.ts';
import { ChatTab } from './ChatTab.tsx';
import { HistoryTab } from './HistoryTab.tsx';
import { MeetingsTab } from '../meetings/MeetingsTab.tsx';
import { SharingTab } from './SharingTab.tsx';

// Tiptap and ProseMirror are most of the editor bundle and only the 議事録 tab needs them.
const MinutesSection = lazy(async () => ({ default: (await import('../minutes/MinutesSection.tsx')).MinutesSection }));
// tldraw is the largest part of the app by far: loaded only when the map is opened.
const EcomapTab = lazy(async () => ({ default: (await import('../ecomap/EcomapTab.tsx')).EcomapTab }));
// Meeting mode has its own editor with tables and 決定事項: loaded only when a meeting is opened.
const MeetingPage = lazy(async () => ({ default: (await import('../meetings/MeetingPage.tsx')).MeetingPage }));

interface CaseTabPanelProps {
  readonly route: CaseRoute;
  /** 共有設定 saved a change. */
  readonly onSharingSaved: () => void;
}

/** The selected tab's content; only it is mounted, so only its documents are open. */
export function CaseTabPanel({ route, onSharingSaved }: CaseTabPanelProps) {
  switch (route.tab) {
    case 'overview':
      return <OverviewTab />;
    case 'members':
      return <MembersTab memberId={route.memberId} memberTab={route.memberTab} />;
    case 'progress':
      return <ProgressTab />;
    case 'plan':
      return <PlanTab />;
    case 'minutes':
      return (
        <Suspense fallback={<p className="message">{ja.loading}</p>}>
          <MinutesSection />
        </Suspense>
      );
    case 'ecomap':
      return (
        <SectionErrorBoundary message={ja.ecomap.failed}>
          <Suspense fallback={<p className="message">{ja.ecomap.loading}</p>}>
            <EcomapTab />
          </Suspense>
        </SectionErrorBoundary>
      );
    case 'meetings':
      return route.meetingId === null ? (
        <MeetingsTab />
      ) : (
        <Suspense fallback={<p className="message">{ja.loading}</p>}>
          <MeetingPage key={route.meetingId} meetingId={route.meetingId} />
        </Suspense>
      );
    case 'chat':
      return <ChatTab />;
    case 'history':
      return <HistoryTab />;
    case 'sharing':
      return <SharingTab onSaved={onSharingSaved} />;
  }
}
