import { z } from 'zod';
import { caseSections, meetingIdSchema } from '../documentNames.ts';

/** HTTP shapes of 履歴 (history): timeline, revisions, comparison, restore, named versions. */

export const historyQuerySchema = z.object({
  section: z.enum(caseSections).optional(),
  agencyId: z.uuid().optional(),
  userId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Only what was changed during this 支援会議 (and that meeting's own minutes). */
  meetingId: meetingIdSchema.optional(),
});
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

export const revisionGroupSchema = z.object({
  section: z.enum(caseSections),
  sectionLabel: z.string(),
  seqFrom: z.number().int(),
  seqTo: z.number().int(),
  startedAt: z.string(),
  endedAt: z.string(),
  userId: z.uuid().nullable(),
  userName: z.string().nullable(),
  agencyId: z.uuid().nullable(),
  agencyName: z.string().nullable(),
  updates: z.number().int(),
  summary: z.string(),
  restoredFromSeq: z.number().int().nullable(),
  masked: z.boolean(),
  /** The 支援会議 during which these changes were made, if any. */
  meeting: z.object({ id: meetingIdSchema, number: z.number().int(), title: z.string() }).nullable(),
  /**
   * Set when the changes are to that meeting's own minutes (section `minutes`, but not the case's
   * 議事録): its revisions are read through the meeting, and it is neither compared nor restored here.
   */
  minutesOfMeeting: meetingIdSchema.nullable(),
});
export type RevisionGroup = z.infer<typeof revisionGroupSchema>;

export const namedVersionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  seqs: z.partialRecord(z.enum(caseSections), z.number().int()),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type NamedVersion = z.infer<typeof namedVersionSchema>;

export const historySchema = z.object({
  groups: z.array(revisionGroupSchema),
  versions: z.array(namedVersionSchema),
});
export type History = z.infer<typeof historySchema>;

export const revisionSchema = z.object({
  section: z.enum(caseSections),
  seq: z.number().int(),
  masked: z.boolean(),
  /** The section's state then, as a Yjs update (base64): render it read-only in the same form. */
  state: z.string(),
});
export type Revision = z.infer<typeof revisionSchema>;

export const compareQuerySchema = z.object({ from: z.coerce.number().int().min(0), to: z.coerce.number().int().min(0) });

export const comparisonSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('fields'),
    changes: z.array(z.object({ path: z.string(), label: z.string(), before: z.unknown(), after: z.unknown() })),
  }),
  z.object({
    kind: z.literal('text'),
    parts: z.array(z.object({ kind: z.enum(['added', 'removed', 'same']), text: z.string() })),
  }),
]);
export type Comparison = z.infer<typeof comparisonSchema>;

export const restoreRequestSchema = z.object({ seq: z.number().int().min(1) });
export const nameVersionRequestSchema = z.object({ name: z.string().trim().min(1).max(100) });
