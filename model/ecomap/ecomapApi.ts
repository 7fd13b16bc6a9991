import { z } from 'zod';
import { isoDateSchema } from '../sections/common.ts';

/** A saved state of the map: 「初回面談時」「第2回支援会議後」, as of a date. */
export const ecomapSnapshotSchema = z.object({
  id: z.uuid(),
  label: z.string(),
  asOf: isoDateSchema,
  /** The map's update-log position; the state is read through 履歴's revision API. */
  seq: z.number().int().min(0),
  createdByName: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type EcomapSnapshot = z.infer<typeof ecomapSnapshotSchema>;

export const ecomapSnapshotListSchema = z.object({ snapshots: z.array(ecomapSnapshotSchema) });
export type EcomapSnapshotList = z.infer<typeof ecomapSnapshotListSchema>;

export const createEcomapSnapshotRequestSchema = z.object({
  label: z.string().trim().min(1, '名前を入力してください').max(60, '60文字以内で入力してください'),
  asOf: isoDateSchema,
});
export type CreateEcomapSnapshotRequest = z.infer<typeof createEcomapSnapshotRequestSchema>;

export const ecomapExportFormats = ['svg', 'png', 'print'] as const;
export const recordEcomapExportRequestSchema = z.object({ format: z.enum(ecomapExportFormats) });
export type RecordEcomapExportRequest = z.infer<typeof recordEcomapExportRequestSchema>;
