import { z } from 'zod';

/**
 * 入力者・入力日時 per field. Written only by the server, from the verified token, after it
 * applies a client's update; the server refuses any client update that touches this root.
 * Root: Y.Map `changedBy`, field path (e.g. `members/<id>/name`) → FieldChange.
 */
export const ATTRIBUTION_ROOT = 'changedBy';

export const fieldChangeSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  at: z.iso.datetime({ offset: true }),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const attributionSchema = z.record(z.string().max(300), fieldChangeSchema);

export function fieldPath(...parts: string[]): string {
  return parts.join('/');
}
