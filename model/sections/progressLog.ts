import { z } from 'zod';
import { agencyIdSchema, isoDateTimeSchema, keyedCollection, longTextSchema, shortTextSchema, taskStatusSchema } from './common.ts';

/** 支援経過. Root: Y.Map `entries` (id → Y.Map). */
export const PROGRESS_ROOT = 'entries';

export const progressKinds = ['実施した支援', '予定・タスク', '連絡・報告'] as const;
export const contactMethods = ['訪問', '来所', '電話', 'メール・文書', '会議', '同行', 'その他'] as const;

export const progressEntrySchema = z.object({
  occurredAt: isoDateTimeSchema,
  /** Set by the writer's client to its own user and agency; the server refuses any other. */
  agencyId: agencyIdSchema,
  authorId: z.uuid(),
  authorName: shortTextSchema,
  agencyName: shortTextSchema,
  kind: z.enum(progressKinds),
  contactMethod: z.enum(contactMethods).nullable(),
  text: longTextSchema,
  /** Only for 予定・タスク. */
  taskStatus: taskStatusSchema.nullable(),
  dueDate: z.iso.date().nullable().optional(),
});
export type ProgressEntry = z.infer<typeof progressEntrySchema>;

export const progressLogDocumentSchema = z.object({ [PROGRESS_ROOT]: keyedCollection(progressEntrySchema) });
