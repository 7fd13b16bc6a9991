import { z } from 'zod';

/**
 * What each client publishes in the awareness field `user`. The caret extension reads the
 * same field, so carets and the presence list always show the same person. Awareness is
 * written by other browsers, so it is parsed, never trusted.
 */
export const AWARENESS_USER_FIELD = 'user';

/**
 * The field path (as in the `changedBy` root, e.g. `members/<id>/name`) the person's focus is
 * in, or null. Shown under that field as 「…が入力中」.
 */
export const AWARENESS_EDITING_FIELD = 'editing';

const hexColor = /^#[0-9a-fA-F]{6}$/;
const fallbackColor = '#767676';

export const awarenessUserSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(100),
  agencyName: z.string().min(1).max(200),
  color: z.string().regex(hexColor).catch(fallbackColor),
});
export type AwarenessUser = z.infer<typeof awarenessUserSchema>;

export function parseAwarenessUser(value: unknown): AwarenessUser | null {
  const parsed = awarenessUserSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const editingSchema = z.string().min(1).max(300);

export function parseAwarenessEditing(value: unknown): string | null {
  const parsed = editingSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && hexColor.test(value);
}
