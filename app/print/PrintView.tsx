import { useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { Link } from 'react-router';
import type * as Y from 'yjs';
import type { MeetingId } from '../../model/documentNames.ts';
import { caseTabSections, caseTabUrl, meetingUrl, type PrintableTab } from '../casePage/caseRoutes.ts';
import { sectionViews } from '../casePage/sectionViews.tsx';
import { useCaseContext } from '../collab/CaseContext.tsx';
import { useSectionConnection } from '../collab/useSectionConnection.ts';
import { formatWareki } from '../../model/time/wareki.ts';
import { todayInTokyo } from '../../model/time/tokyoClock.ts';
import { recordPrint } from '../http/printApi.ts';
import { errorMessage } from '../http/errorMessage.ts';
import { ja } from '../i18n/ja.ts';
import { useDocumentTitle } from '../layout/useDocumentTitle.ts';
import './print.css';

type Recording =
  | { readonly kind: 'idle' }
  | { readonly kind: 'recording' }
  | { readonly kind: 'recorded' }
  | { readonly kind: 'failed'; readonly message: string };

/** A CSS string literal: the running header's texts come from the record, not from the style sheet. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * The page box of the sheet: A4, and on every page the case ID, 「取扱注意」 and the date in the
 * margins with the page number below. Margin boxes are the only way Chromium repeats text on
 * each printed page; they take no markup, so the texts are written into this rule. Mounted only
 * with the print view, so that printing any other screen keeps the plain page of app.css.
 */
function pageRule(caseId: string, printedOn: string): string {
  const margin = `font-family: 'Noto Sans CJK JP', 'Noto Sans JP', 'BIZ UDPGothic', 'Hiragino Sans', 'Yu Gothic', Meiryo, sans-serif; font-size: 8pt; color: #333;`;
  return `@page {
  size: A4;
  margin: 18mm 15mm 16mm 15mm;
  @top-left { content: ${cssString(ja.print.caseId(caseId))}; ${margin} }
  @top-center { content: ${cssString(ja.print.confidential)}; ${margin} font-weight: bold; font-size: 10pt; color: #000; }
  @top-right { content: ${cssString(ja.print.printedOn(printedOn))}; ${margin} }
  @bottom-center { content: counter(page) " / " counter(pages); ${margin} }
}`;
}

/**
 * 印刷: one section laid out for A4 paper, from the same document the tab shows (the masked view
 * where this agency sees the section masked), so nothing is fetched that the screen did not have.
 * The sheet reaches paper only after the server recorded the print; printing the page any other
 * way puts a note on the paper instead.
 */
export function PrintView({ tab, meetingId = null }: { readonly tab: PrintableTab; readonly meetingId?: MeetingId | null }) {
  const { summary, user } = useCaseContext();
  const section = caseTabSections[tab];
  // A meeting's own minutes print like the case's 議事録, from their own document.
  const meeting = tab === 'minutes' ? meetingId : null;
  const label = meeting === null ? ja.sectionLabels[section] : ja.print.meetingMinutes;
  const state = useSectionConnection(section, meeting ?? undefined);
  const [printedOn] = useState(() => {
    const today = todayInTokyo(new Date());
    return formatWareki(today) ?? today;
  });
  const [recording, setRecording] = useState<Recording>({ kind: 'idle' });
  useDocumentTitle(ja.casePage.pageTitle(ja.print.pageTitle(label), summary.title));

  const snapshot = state.kind === 'open' && !state.snapshot.accessDenied && !state.snapshot.accessChanged ? state.snapshot : null;
  const ready = snapshot !== null && snapshot.loaded;
  const masked = state.kind === 'open' && state.level === 'masked';

  async function print(): Promise<void> {
    if (!ready || recording.kind === 'recording') return;
    setRecording({ kind: 'recording' });
    try {
      await recordPrint(summary.id, section, meeting);
    } catch (error) {
      setRecording({ kind: 'failed', message: `${ja.print.failed}${errorMessage(error)}` });
      return;
    }
    // The sheet must be marked printable in the page before the browser takes its picture of it.
    flushSync(() => setRecording({ kind: 'recorded' }));
    window.print();
  }

  let body: ReactNode;
  if (state.kind === 'hidden') body = <p className="message message--info">{ja.section.hidden(label)}</p>;
  else if (state.kind === 'open' && state.snapshot.accessDenied) body = <p role="alert" className="message message--error">{ja.section.accessDenied(label)}</p>;
  else if (state.kind === 'open' && state.snapshot.accessChanged) body = <p className="message">{ja.section.accessChanged(label)}</p>;
  else if (!ready || snapshot === null) body = <p className="message">{ja.loading}</p>;
  else body = <SectionSheet key={snapshot.doc.guid} tab={tab} doc={snapshot.doc} meeting={meeting !== null} />;

  return (
    <div className="print-view stack">
      <style>{pageRule(summary.id, printedOn)}</style>
      <div className="print-toolbar" role="group" aria-label={ja.print.toolbarLabel}>
        <Link to={meeting === null ? caseTabUrl(summary.id, tab) : meetingUrl(summary.id, meeting)} className="back-link">
          {ja.print.back(label)}
        </Link>
        <button type="button" className="button button--primary" aria-disabled={!ready || recording.kind === 'recording' || undefined} onClick={() => void print()}>
          {ja.print.print}
        </button>
        <p className="print-toolbar__note">{ready ? ja.print.notice : ja.print.notLoaded}</p>
        <p className="print-toolbar__status" role="status">
          {recording.kind === 'recording' ? ja.print.recording : recording.kind === 'recorded' ? ja.print.recorded : ''}
        </p>
        {recording.kind === 'failed' && (
          <p role="alert" className="message message--error">
            {recording.message}
          </p>
        )}
      </div>
      <p className="print-unrecorded">{ja.print.useTheButton}</p>
      <article className={`print-sheet${recording.kind === 'recorded' ? ' print-sheet--recorded' : ''}`} aria-label={ja.print.sheetLabel(label)}>
        <header className="print-sheet__header">
          <p className="print-sheet__confidential">{ja.print.confidential}</p>
          <h1 className="print-sheet__heading">{label}</h1>
          <p className="print-sheet__case">{summary.title}</p>
          <ul className="print-sheet__meta">
            <li>{ja.print.caseId(summary.id)}</li>
            <li>{ja.print.printedOn(printedOn)}</li>
            <li>{ja.print.printedBy(ja.personLabel(user.name, user.agencyName))}</li>
          </ul>
          {masked && <p className="print-sheet__masked">{ja.print.maskedNote}</p>}
        </header>
        {body}
      </article>
    </div>
  );
}

function SectionSheet({ tab, doc, meeting }: { readonly tab: PrintableTab; readonly doc: Y.Doc; readonly meeting: boolean }) {
  const { Print } = sectionViews[caseTabSections[tab]];
  return <Print doc={doc} meetingMinutes={meeting} />;
}
