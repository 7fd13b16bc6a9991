import { describe, expect, it } from 'vitest';
import { formatYen, parseYen } from '../../app/fields/money.ts';
import { ageOn, formatWareki, parseDateInput } from '../../model/time/wareki.ts';
import { dateTimeLocalToIso } from '../../model/time/tokyoClock.ts';

describe('和暦 dates', () => {
  it.each([
    ['昭和47年3月5日', '1972-03-05'],
    ['S47.3.5', '1972-03-05'],
    ['s47/3/5', '1972-03-05'],
    ['令和7年4月1日', '2025-04-01'],
    ['R7.4.1', '2025-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['1972-03-05', '1972-03-05'],
    ['1972/3/5', '1972-03-05'],
    ['１９７２－０３－０５', '1972-03-05'],
  ])('%s is read as %s', (input, iso) => {
    expect(parseDateInput(input)).toEqual({ ok: true, iso });
  });

  it.each([
    ['昭和64年1月8日', 'outsideEra'],
    ['令和7年2月30日', 'nonexistent'],
    ['明日', 'format'],
  ])('%s is refused (%s)', (input, error) => {
    expect(parseDateInput(input)).toEqual({ ok: false, error });
  });

  it('shows ISO dates in 和暦 and computes ages', () => {
    expect(formatWareki('1972-03-05')).toBe('昭和47年3月5日');
    expect(formatWareki('2019-05-01')).toBe('令和元年5月1日');
    expect(formatWareki('1989-01-07')).toBe('昭和64年1月7日');
    expect(ageOn('1972-03-05', '2026-11-22')).toBe(54);
    expect(ageOn('1972-11-23', '2026-11-22')).toBe(53);
    expect(dateTimeLocalToIso('2026-11-22T14:05')).toBe('2026-11-22T14:05:00+09:00');
  });
});

describe('円 amounts', () => {
  it('reads and writes yen with thousands separators, never in 万', () => {
    expect(formatYen(120000)).toBe('120,000');
    expect(parseYen('１２０，０００')).toMatchObject({ ok: true, yen: 120000 });
    expect(parseYen('12万')).toMatchObject({ ok: false });
  });
});
