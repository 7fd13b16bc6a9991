import { describe, expect, it } from 'vitest';
import type { Context } from 'hono';
import { redactionFor, WITHHELD_TEXT } from '../../model/access/masking.ts';
import { clearReader, forReader, type ForReader, type ReaderMasking } from '../../model/access/readerSerializer.ts';
import type { ChatMessage } from '../../model/chat.ts';
import type { Meeting } from '../../model/meetings.ts';
import { readerJson } from '../../collab-server/http/readerJson.ts';

const masked: ReaderMasking = {
  kind: 'masked',
  redaction: redactionFor({ members: [{ id: 'm-000001', position: 0, name: '山田 ハナ', kana: 'やまだ はな', phone: '090-0000-2222' }] }),
};

const meeting = {
  id: '5d0c2b8e-0000-4000-8000-000000000001',
  title: 'ﾔﾏﾀﾞ ﾊﾅさんの支援会議',
  place: 'Yamada Hana 宅',
  agenda: 'ハナさんの通院',
  decisions: ['山田ハナさんに 090.0000.2222 で連絡', '山*田さん宅を訪問'],
  tasks: [{ text: 'HANA YAMADA さんの同行', agencyName: '架空市北部地域包括支援センター' }],
  outsideAttendees: [{ name: '山田 ハナ', role: '本人' }],
  attendees: [{ name: '佐藤 美咲' }],
  versionName: null,
} as unknown as Meeting;

describe('the reader serializer', () => {
  it('masks every classified field of a meeting for a masked reader, and nothing else', () => {
    const result = forReader('meeting', meeting, masked);
    expect(result).toMatchObject({
      title: 'A氏さんの支援会議',
      place: 'A氏 宅',
      agenda: 'A氏さんの通院',
      decisions: ['A氏さんに （電話番号） で連絡', WITHHELD_TEXT],
      tasks: [{ text: 'A氏 さんの同行', agencyName: '架空市北部地域包括支援センター' }],
      outsideAttendees: [{ name: 'A氏', role: '本人' }],
      attendees: [{ name: '佐藤 美咲' }],
      versionName: null,
    });
    expect(forReader('meeting', meeting, clearReader)).toBe(meeting);
  });

  it('masks list responses through the same paths', () => {
    const list = forReader('meetingList', { meetings: [meeting], agencies: [] }, masked);
    expect(list.meetings[0]).toEqual(forReader('meeting', meeting, masked));
    const chat = forReader('chatHistory', { messages: [{ body: 'ﾔﾏﾀﾞ ﾊﾅ', userName: '高橋 由美' } as ChatMessage], unread: 0 }, masked);
    expect(chat.messages[0]).toMatchObject({ body: 'A氏', userName: '高橋 由美' });
    const history = forReader('history', { groups: [{ summary: '議事録', meeting: { title: '山田ハナさん' } }], versions: [{ name: 'Hana Yamada' }] }, masked);
    expect(history).toMatchObject({ groups: [{ meeting: { title: 'A氏さん' } }], versions: [{ name: 'A氏' }] });
  });

  it('is the only way to a response: a raw value does not type-check', () => {
    const c = { json: (body: unknown) => new Response(JSON.stringify(body)) } as unknown as Context;
    // @ts-expect-error a meeting that did not go through forReader
    readerJson(c, meeting);
    const ok: ForReader<Meeting> = forReader('meeting', meeting, masked);
    expect(readerJson(c, ok)).toBeInstanceOf(Response);
  });
});
