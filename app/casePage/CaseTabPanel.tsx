import { lazy, Suspense } from 'react';
import { ja } from '../i18n/ja.ts';
import { caseTabSections, isSectionTab, type CaseRoute } from './caseRoutes.ts';
import { ChatTab } from './ChatTab.tsx';
import { HistoryTab } from './HistoryTab.tsx';
import { MeetingsTab } from '../meetings/MeetingsTab.tsx';
import { SharingTab } from './SharingTab.tsx';
import { sectionViews } from './sectionViews.tsx';

// Meeting mode has its own editor with tables and 決定事項: loaded only when a meeting is opened.
const MeetingPage = lazy(async () => ({ default: (await import('../meetings/MeetingPage.tsx')).MeetingPage }));

interface CaseTabPanelProps {
  readonly route: CaseRoute;
  /** 共有設定 saved a change. */
  readonly onSharingSaved: () => void;
}

/** The selected tab's content; only it is mounted, so only its documents are open. */
export function CaseTabPanel({ route, onSharingSaved }: CaseTabPanelProps) {
  if (isSectionTab(route.tab)) {
    const { Tab } = sectionViews[caseTabSections[route.tab]];
    return <Tab route={route} />;
  }
  switch (route.tab) {
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
