import * as Y from 'yjs';
import type { AccessLevel, AgencyAccess } from '../../model/access/accessLevels.ts';
import { householdIdentityFrom, redactionFor, type HouseholdIdentity, type MemberIdentity, type Redaction } from '../../model/access/masking.ts';
import { renderMaskedView } from '../../model/access/maskedViews.ts';
import { caseDocumentName, caseSections, formatCaseDocumentName, meetingMinutesDocumentName, type CaseSection } from '../../model/documentNames.ts';
import type { Comparison, HistoryQuery, RevisionGroup } from '../../model/history/historyApi.ts';
import { duringMeeting, type MeetingTiming } from '../../model/meetings.ts';
import { sectionReaders } from '../../model/sections/sectionReaders.ts';
import { readSection, sectionDefinitions, type SectionReading } from '../../model/sections/sectionRegistry.ts';
import type { Queryable } from '../db/database.ts';
import { MeetingRepository } from '../store/meetingRepository.ts';
import { RevisionStore, type LogRow } from '../store/revisionStore.ts';
import { HistoryRepository } from '../store/historyRepository.ts';

// Edits by one person with pauses shorter than this are one revision in the timeline.
const BURST_GAP_MS = 5 * 60_000;
const GROUPS_PER_SECTION = 100;

interface Group {
  rows: LogRow[];
}

/** One document in the timeline: a section of the case, or one meeting's own minutes. */
interface TimelineDocument {
  section: CaseSection;
  documentName: string;
  label: string;
  minutesOf: MeetingTiming | null;
}

/** 「支援会議の議事録（第2回）」: told apart from the case's own 議事録. */
function meetingMinutesLabel(meeting: MeetingTiming): string {
  return `支援会議の議事録（第${meeting.number}回）`;
}

function groupRows(rows: LogRow[]): Group[] {
  const groups: Group[] = [];
  for (const row of rows) {
    const current = groups.at(-1);
    const last = current?.rows.at(-1);
    if (current && last && last.userId === row.userId && row.at.getTime() - last.at.getTime() <= BURST_GAP_MS) current.rows.push(row);
    else groups.push({ rows: [row] });
  }
  return groups;
}

/** Case history for one agency: only sections it may see, masked where it sees them masked. */
export class CaseHistory {
  private readonly db: Queryable;
  private readonly store: RevisionStore;
  private readonly repository: HistoryRepository;

  constructor(db: Queryable) {
    this.db = db;
    this.store = new RevisionStore(db);
    this.repository = new HistoryRepository(db);
  }

  /**
   * Every identity the household's identity section has held, so that a masked reader's view of
   * an old revision is masked against the names of then as well as of now.
   */
  async redactionOverTime(caseId: string): Promise<Redaction> {
    const { current, earlier } = await this.identitiesOverTime(caseId);
    return redactionFor(current, earlier);
  }

  /** The identity section now, and every member identity it held before (deleted or renamed since). */
  async identitiesOverTime(caseId: string): Promise<{ current: HouseholdIdentity; earlier: MemberIdentity[] }> {
    const name = caseDocumentName(caseId, 'members');
    const rows = await this.store.rows(name);
    // Every state, not samples: a member who existed for a single update may still be named in a text.
    const seen = new Map<string, MemberIdentity>();
    let current: HouseholdIdentity = { members: [] };
    await this.store.replay(name, rows.map((row) => row.seq), (_seq, doc) => {
      current = householdIdentityFrom(readSection(doc, 'members'));
      for (const member of current.members) seen.set(JSON.stringify([member.id, member.name, member.kana, member.birthDate, member.address, member.phone]), member);
    });
    const earlier: MemberIdentity[] = [...seen.values()];
    return { current, earlier };
  }

  async timeline(caseId: string, access: AgencyAccess, query: HistoryQuery): Promise<RevisionGroup[]> {
    const visible = caseSections.filter((section) => (access[section] ?? 'hidden') !== 'hidden' && (!query.section || query.section === section));
    const needsMask = visible.some((section) => access[section] === 'masked');
    const redaction = needsMask ? await this.redactionOverTime(caseId) : null;
    const names = await this.repository.names();
    const restores = await this.repository.restores(caseId);
    const meetings = await new MeetingRepository(this.db).timings(caseId);
    const chosenMeeting = query.meetingId === undefined ? undefined : meetings.find((meeting) => meeting.id === query.meetingId);
    if (query.meetingId !== undefined && !chosenMeeting) return [];
    const documents: TimelineDocument[] = visible.flatMap((section) => [
      { section, documentName: caseDocumentName(caseId, section), label: sectionDefinitions[section].label, minutesOf: null },
      // Each meeting's minutes are governed by the case's minutes level, so they show where those do.
      ...(sectionDefinitions[section].perMeeting
        ? meetings.map((meeting) => ({ section, documentName: meetingMinutesDocumentName(caseId, meeting.id), label: meetingMinutesLabel(meeting), minutesOf: meeting }))
        : []),
    ]);
    const all: RevisionGroup[] = [];
    for (const { section, documentName, label, minutesOf } of documents) {
      const level = access[section] as AccessLevel;
      const groups = groupRows(await this.store.rows(documentName))
        .filter((group) => {
          const first = group.rows[0]!;
          const last = group.rows.at(-1)!;
          return (
            (!query.agencyId || first.agencyId === query.agencyId) &&
            (!query.userId || first.userId === query.userId) &&
            (!query.from || last.at >= new Date(`${query.from}T00:00:00+09:00`)) &&
            (!query.to || first.at < new Date(new Date(`${query.to}T00:00:00+09:00`).getTime() + 86_400_000)) &&
            // A meeting's own minutes belong to it even when tidied up after it ended.
            (!chosenMeeting || minutesOf?.id === chosenMeeting.id || duringMeeting(chosenMeeting, first.at.toISOString(), last.at.toISOString()))
          );
        })
        .slice(-GROUPS_PER_SECTION);
      const boundaries = [...new Set(groups.flatMap((group) => [group.rows[0]!.seq - 1, group.rows.at(-1)!.seq]))].sort((a, b) => a - b);
      const reader = sectionReaders[section];
      const states = new Map<number, SectionReading>();
      await this.store.replay(documentName, boundaries, (seq, doc) => states.set(seq, reader.read(doc, level === 'masked' ? redaction : null, new Date())));
      for (const group of groups) {
        const first = group.rows[0]!;
        const last = group.rows.at(-1)!;
        const before = states.get(first.seq - 1);
        const after = states.get(last.seq);
        let summary = before && after ? reader.summarize(label, before, after) : label;
        const restoredFrom = group.rows.map((row) => restores.get(`${documentName}#${row.seq}`)).find((value) => value !== undefined) ?? null;
        if (first.seq === 1) summary = `${label}を作成`;
        const startedAt = first.at.toISOString();
        const endedAt = last.at.toISOString();
        // The meeting whose minutes these are, else the first meeting going on at the time.
        const meeting = minutesOf ?? meetings.find((candidate) => duringMeeting(candidate, startedAt, endedAt)) ?? null;
        all.push({
          section,
          sectionLabel: label,
          seqFrom: first.seq,
          seqTo: last.seq,
          startedAt,
          endedAt,
          userId: first.userId,
          userName: first.userId ? (names.users.get(first.userId) ?? null) : null,
          agencyId: first.agencyId,
          agencyName: first.agencyId ? (names.agencies.get(first.agencyId) ?? null) : null,
          updates: group.rows.length,
          summary: restoredFrom !== null ? `${label}: 第${restoredFrom}版に復元` : summary,
          restoredFromSeq: restoredFrom,
          masked: level === 'masked',
          meeting: meeting ? { id: meeting.id, number: meeting.number, title: meeting.title } : null,
          minutesOfMeeting: minutesOf?.id ?? null,
        });
      }
    }
    return all.sort((a, b) => b.endedAt.localeCompare(a.endedAt) || b.seqTo - a.seqTo);
  }

  /** The section (or, with a meeting id, that meeting's minutes) at `seq` as a Yjs update, masked for a masked reader. */
  async revision(caseId: string, section: CaseSection, seq: number, level: AccessLevel, meetingId?: string): Promise<Uint8Array> {
    const documentName = formatCaseDocumentName({ caseId, section, view: 'source', meetingId });
    const doc = await this.store.stateAt(documentName, seq);
    try {
      if (level !== 'masked') return Y.encodeStateAsUpdate(doc);
      const view = new Y.Doc();
      renderMaskedView(view, section, doc, await this.redactionOverTime(caseId), new Date(), null);
      const state = Y.encodeStateAsUpdate(view);
      view.destroy();
      return state;
    } finally {
      doc.destroy();
    }
  }

  async compare(caseId: string, section: CaseSection, from: number, to: number, level: AccessLevel): Promise<Comparison> {
    const documentName = caseDocumentName(caseId, section);
    const redaction = level === 'masked' ? await this.redactionOverTime(caseId) : null;
    const reader = sectionReaders[section];
    const states = new Map<number, SectionReading>();
    const seqs = [...new Set([from, to])].sort((a, b) => a - b);
    await this.store.replay(documentName, seqs, (seq, doc) => states.set(seq, reader.read(doc, redaction, new Date())));
    return reader.compare(states.get(from), states.get(to));
  }
}
