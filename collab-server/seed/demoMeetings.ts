import * as Y from 'yjs';
import { meetingMinutesDocumentName } from '../../model/documentNames.ts';
import { DECISION_NODE, MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { decisionsIn } from '../../model/meetingMinutes.ts';
import { meetingVersionName, type CreateMeetingRequest } from '../../model/meetings.ts';
import { createSectionDocument } from '../../model/sectionDocuments.ts';
import type { Database, Queryable } from '../db/database.ts';
import { nameVersion } from '../store/namedVersions.ts';
import { MeetingRepository } from '../store/meetingRepository.ts';
import { UpdateLog } from '../store/updateLog.ts';
import { demoAgencies, demoCase } from './demoData.ts';

const [fukushi, houkatsu, shougai, jiritsu] = demoAgencies as [
  (typeof demoAgencies)[number], (typeof demoAgencies)[number], (typeof demoAgencies)[number], (typeof demoAgencies)[number],
];

const everyone = [fukushi, houkatsu, shougai, jiritsu].map((agency) => agency.users[0]!.id);
const outsideAttendees = [{ name: '北町地区 民生委員', role: '民生委員' }];

/** 初回: held, closed, its roles already in the demo plan. */
const firstMeeting: CreateMeetingRequest = {
  date: '2026-11-20',
  startTime: '14:00',
  endTime: '15:00',
  place: '架空市役所 3階 会議室B',
  legalBasis: '支援会議〈社会福祉法第106条の6、守秘義務〉',
  attendeeUserIds: everyone,
  outsideAttendees,
  agenda: '世帯の状況の共有、太郎さんへの関わり方、役割分担',
};

/** Upcoming: the one the demo is about to hold. */
const secondMeeting: CreateMeetingRequest = {
  date: '2026-12-04',
  startTime: '10:00',
  endTime: '11:00',
  place: null,
  online: true,
  legalBasis: '重層的支援会議〈本人同意に基づく〉',
  attendeeUserIds: everyone,
  outsideAttendees,
  agenda: '役割分担の進み具合の確認、太郎さんの同意を得たあとの支援',
};

const firstMinutes: { paragraph?: string; decisions?: string[] }[] = [
  { paragraph: '民生委員より、郵便物がたまり太郎さんの姿を見かけないとの報告。' },
  { paragraph: '包括はハナさんを把握済み。自立相談は太郎さんの債務の相談歴あり。' },
  {
    decisions: [
      '包括：ハナさんのケアプラン見直し、服薬管理の支援',
      '自立相談：太郎さんの債務状況の確認と法律相談の調整',
    ],
  },
];

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

export function firstMinutesDocument(): Y.Doc {
  const doc = createSectionDocument('minutes');
  doc.transact(() => {
    doc.getXmlFragment(MINUTES_FRAGMENT).insert(
      0,
      firstMinutes.map((block) => {
        if (!block.decisions) return paragraph(block.paragraph ?? '');
        const decision = new Y.XmlElement(DECISION_NODE);
        decision.insert(0, block.decisions.map(paragraph));
        return decision;
      }),
    );
  });
  return doc;
}

/** The 山田 case's meetings: 第1回 closed (with its minutes as a named version), 第2回 to come. */
export async function seedDemoMeetings(database: Database, tx: Queryable): Promise<void> {
  const meetings = new MeetingRepository(tx);
  const log = new UpdateLog(database);
  const attendees = (request: CreateMeetingRequest) =>
    (request.attendeeUserIds ?? []).map((userId) => ({ userId, agencyId: demoAgencies.find((agency) => agency.users.some((user) => user.id === userId))!.id }));
  const create = (request: CreateMeetingRequest) =>
    meetings.create({
      caseId: demoCase.id,
      date: request.date,
      startTime: request.startTime,
      endTime: request.endTime ?? null,
      place: request.place ?? null,
      online: request.online ?? false,
      legalBasis: request.legalBasis,
      attendees: attendees(request),
      outsideAttendees: request.outsideAttendees ?? [],
      agenda: request.agenda ?? '',
      createdBy: demoCase.createdBy,
    });

  const first = await create(firstMeeting);
  const minutes = firstMinutesDocument();
  await log.append(meetingMinutesDocumentName(demoCase.id, first), Y.encodeStateAsUpdate(minutes), null, tx);
  const decisions = decisionsIn(minutes);
  minutes.destroy();
  for (const [itemId, agencyId, text] of [
    ['role000001', houkatsu.id, decisions[0]!],
    ['role000002', jiritsu.id, decisions[1]!],
  ] as const) {
    await meetings.addTask({ meetingId: first, target: 'plan', itemId, agencyId, text, dueDate: null, createdBy: demoCase.createdBy });
  }
  const versionId = await nameVersion(tx, demoCase.id, meetingVersionName({ title: '第1回支援会議', date: firstMeeting.date }), demoCase.createdBy);
  await meetings.close(first, demoCase.createdBy, decisions, versionId);

  const second = await create(secondMeeting);
  const empty = createSectionDocument('minutes');
  await log.append(meetingMinutesDocumentName(demoCase.id, second), Y.encodeStateAsUpdate(empty), null, tx);
  empty.destroy();
}
