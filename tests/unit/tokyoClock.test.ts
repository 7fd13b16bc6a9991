import { afterEach, describe, expect, it } from 'vitest';
import { ageBand } from '../../model/access/masking.ts';
import { householdMemberView } from '../../model/ecomap/genogram.ts';
import { MEMBERS_ROOT } from '../../model/sections/members.ts';
import { ageInTokyo, dateTimeLocalToIso, formatWarekiDateTime, todayInTokyo, tokyoDateTimeLocal } from '../../model/time/tokyoClock.ts';

const originalZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalZone;
});

// 令和8年12月4日 23:30 and 12月5日 00:30 in Japan; the UTC date is the 4th for both.
const beforeMidnight = new Date('2026-12-04T14:30:00Z');
const afterMidnight = new Date('2026-12-04T15:30:00Z');
// Turns 60 on 5 December, in Japan.
const birthDate = '1966-12-05';

describe.each(['UTC', 'America/Los_Angeles', 'Asia/Tokyo'])('the Tokyo clock with the process in %s', (zone) => {
  it('dates, ages and 年代 turn at midnight in Japan, not in the machine zone', () => {
    process.env.TZ = zone;
    expect(todayInTokyo(beforeMidnight)).toBe('2026-12-04');
    expect(todayInTokyo(afterMidnight)).toBe('2026-12-05');
    expect(ageInTokyo(birthDate, beforeMidnight)).toBe(59);
    expect(ageInTokyo(birthDate, afterMidnight)).toBe(60);
    expect(ageBand(birthDate, beforeMidnight)).toBe('50代');
    expect(ageBand(birthDate, afterMidnight)).toBe('60代');
    const members = { [MEMBERS_ROOT]: { m: { name: '架空 花子', birthDate, sex: '女性' } } };
    expect(householdMemberView(members, 'm', beforeMidnight).age).toContain('59');
    expect(householdMemberView(members, 'm', afterMidnight).age).toContain('60');
  });

  it('writes and reads times as Japan time', () => {
    process.env.TZ = zone;
    expect(formatWarekiDateTime(beforeMidnight.toISOString())).toBe('令和8年12月4日 23:30');
    expect(formatWarekiDateTime(afterMidnight.toISOString(), { seconds: true })).toBe('令和8年12月5日 00:30:00');
    expect(tokyoDateTimeLocal(afterMidnight)).toBe('2026-12-05T00:30');
    expect(dateTimeLocalToIso('2026-12-05T00:30')).toBe('2026-12-05T00:30:00+09:00');
    expect(new Date(dateTimeLocalToIso('2026-12-05T00:30')!).getTime()).toBe(afterMidnight.getTime());
    expect(dateTimeLocalToIso('2026-02-30T10:00')).toBeNull();
  });
});
