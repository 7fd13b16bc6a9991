import { z } from 'zod';

/** Limits shared by every section schema; a longer value is refused by the server. */
export const SHORT_TEXT_MAX = 200;
export const LONG_TEXT_MAX = 20_000;
export const MAX_ITEMS = 500;

export const isoDateSchema = z.iso.date();
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/);
export const agencyIdSchema = z.uuid();

export const shortTextSchema = z.string().max(SHORT_TEXT_MAX);
export const longTextSchema = z.string().max(LONG_TEXT_MAX);

/** Amounts are whole yen (never rounded to 万), within what a household can owe or earn. */
export const yenSchema = z.number().int().min(0).max(100_000_000_000);

export const taskStatuses = ['未着手', '対応中', '完了'] as const;
export const taskStatusSchema = z.enum(taskStatuses);
export type TaskStatus = (typeof taskStatuses)[number];

/** A keyed collection: Y.Map<id, Y.Map>. Keys are ids; order comes from a field. */
export function keyedCollection<Item extends z.ZodType>(item: Item) {
  return z
    .record(idSchema, item)
    .refine((value) => Object.keys(value).length <= MAX_ITEMS, { message: `${MAX_ITEMS} 件を超えています` });
}

/** Ids for new items: short, URL-safe, random (collisions between clients are negligible). */
export function newItemId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(36).padStart(2, '0')).join('').slice(0, 16);
}
