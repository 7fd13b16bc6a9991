import { TZDate } from '@date-fns/tz';
import { ageOn, formatWareki, isoDate, isRealDate } from './wareki.ts';

/**
 * The one clock of kasane: Japan time, whatever the zone of the machine or the browser. Records
 * are dated, ages counted and 状況 changed by the day in Japan; a server in UTC or a browser set
 * to another zone must not move a date across midnight. Zone rules come from @date-fns/tz (over
 * the platform's time zone data), not from offsets written here.
 */
export const JAPAN_TIME_ZONE = 'Asia/Tokyo';

export interface TokyoDateTime {
  /** ISO date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The wall-clock date and time in Japan of an instant. */
export function tokyoDateTime(instant: Date): TokyoDateTime | null {
  if (Number.isNaN(instant.getTime())) return null;
  const local = new TZDate(instant.getTime(), JAPAN_TIME_ZONE);
  return { date: isoDate(local.getFullYear(), local.getMonth() + 1, local.getDate()), hour: local.getHours(), minute: local.getMinutes(), second: local.getSeconds() };
}

/** Today's date in Japan (ISO), for ages, 受付日 and 状況 dates. */
export function todayInTokyo(now: Date): string {
  return tokyoDateTime(now)?.date ?? now.toISOString().slice(0, 10);
}

/** Full years of age in Japan at an instant (the birthday counts from 0:00 Japan time). */
export function ageInTokyo(birthIso: string, now: Date): number | null {
  return ageOn(birthIso, todayInTokyo(now));
}

/** `YYYY-MM-DDTHH:mm` in Japan time, the value a datetime-local input expects. */
export function tokyoDateTimeLocal(now: Date): string {
  const local = tokyoDateTime(now);
  if (!local) return '';
  return `${local.date}T${pad(local.hour)}:${pad(local.minute)}`;
}

/** A datetime-local value read as Japan time, stored with its offset: `2026-11-22T14:05:00+09:00`. */
export function dateTimeLocalToIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const local = new TZDate(year, month - 1, day, hour, minute, second, JAPAN_TIME_ZONE);
  const offset = -local.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${isoDate(year, month, day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${zone}`;
}

/** 「令和8年11月22日 14:05」 (Japan time) for an instant given as ISO text; null when it is not one. */
export function formatWarekiDateTime(isoDateTime: string, options: { seconds?: boolean } = {}): string | null {
  const local = tokyoDateTime(new Date(isoDateTime));
  if (!local) return null;
  const date = formatWareki(local.date);
  if (!date) return null;
  return `${date} ${pad(local.hour)}:${pad(local.minute)}${options.seconds ? `:${pad(local.second)}` : ''}`;
}
