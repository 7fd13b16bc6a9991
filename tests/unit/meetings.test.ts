import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DECISION_NODE, MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { decisionsIn } from '../../model/meetingMinutes.ts';
import { createMeetingRequestSchema, meetingVersionName } from '../../model/meetings.ts';
import { agencyNamedIn } from '../../app/meetings/agencyMatch.ts';
import { demoAgencies } from '../../collab-server/seed/demoData.ts';

function block(name: string, ...children: (Y.XmlElement | string)[]): Y.XmlElement {
  const element = new Y.XmlElement(name);
  element.insert(0, children.map((child) => (typeof child === 'string' ? new Y.XmlText(child) : child)));
  return element;
}

describe('meeting minutes and records', () => {
  it('reads every line of the 決定事項 blocks, lists included, and nothing else', () => {
    const doc = new Y.Doc();
    doc.getXmlFragment(MINUTES_FRAGMENT).insert(0, [
      block('paragraph', '出席者の確認'),
      block(DECISION_NODE, block('paragraph', '包括が区分変更を申請する'), block('bulletList', block('listItem', block('paragraph', '自立相談が家計を聞き取る')))),
      block('paragraph', '次回は12月'),
      block(DECISION_NODE, block('paragraph', ''), block('paragraph', '障害相談は同意後に面談')),
    ]);
    expect(decisionsIn(doc)).toEqual(['包括が区分変更を申請する', '自立相談が家計を聞き取る', '障害相談は同意後に面談']);
  });

  it('names the closing version after the meeting and its date', () => {
    expect(meetingVersionName({ title: '第2回支援会議', date: '2026-11-20' })).toBe('第2回支援会議 議事録（2026年11月20日）');
  });

  it('wants a place unless the meeting is online, and an end after the start', () => {
    const base = { date: '2026-11-20', startTime: '14:00', legalBasis: '重層的支援会議〈本人同意に基づく〉' } as const;
    expect(createMeetingRequestSchema.safeParse(base).success).toBe(false);
    expect(createMeetingRequestSchema.safeParse({ ...base, online: true }).success).toBe(true);
    expect(createMeetingRequestSchema.safeParse({ ...base, place: '会議室', endTime: '13:00' }).success).toBe(false);
    expect(createMeetingRequestSchema.safeParse({ ...base, place: '会議室', legalBasis: '支援会議' }).success).toBe(false);
  });

  it('picks the agency a line names first, by full or usual short name', () => {
    const agencies = demoAgencies.map((agency) => ({ id: agency.id, name: agency.name, kind: agency.kind }));
    const [fukushi, houkatsu, shougai, jiritsu] = demoAgencies;
    expect(agencyNamedIn('包括：ハナさんの区分変更を申請', agencies)).toBe(houkatsu!.id);
    expect(agencyNamedIn('自立相談が債務を確認し、包括に報告', agencies)).toBe(jiritsu!.id);
    expect(agencyNamedIn('障害者相談支援事業所 あおばが面談', agencies)).toBe(shougai!.id);
    expect(agencyNamedIn('架空市 福祉総合相談課が次回を調整', agencies)).toBe(fukushi!.id);
    expect(agencyNamedIn('次回の日程を決める', agencies)).toBeNull();
  });
});
