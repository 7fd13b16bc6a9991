import { z } from 'zod';
import { accessLevelSchema } from './access/accessLevels.ts';
import { meetingIdSchema } from './documentNames.ts';
import { sectionDefinitions } from './sections/sectionRegistry.ts';

/**
 * The sections that have a print layout (印刷): the ones taken to meetings on paper. Members
 * are left out on purpose: a printed identity sheet is the easiest leak there is.
 */
export const printableSections = ['overview', 'progress-log', 'plan', 'minutes'] as const;
export type PrintableSection = (typeof printableSections)[number];

export const printRequestSchema = z
  .object({
    section: z.enum(printableSections),
    /** The minutes of one 支援会議 rather than the case's own 議事録. */
    meetingId: meetingIdSchema.optional(),
  })
  .strict()
  .refine((request) => request.meetingId === undefined || sectionDefinitions[request.section].perMeeting, { message: '会議を指定できるのは議事録だけです', path: ['meetingId'] });
export type PrintRequest = z.infer<typeof printRequestSchema>;

/** The server's answer once the print is in the 監査ログ: the level the sheet was printed at. */
export const printRecordSchema = z.object({
  section: z.enum(printableSections),
  level: accessLevelSchema,
  recordedAt: z.iso.datetime(),
});
export type PrintRecord = z.infer<typeof printRecordSchema>;
