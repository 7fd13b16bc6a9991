import { z } from 'zod';
import { caseIdSchema } from './documentNames.ts';
import { caseStatuses } from './sections/overview.ts';

/** Request and response shapes of the HTTP API under /api, validated on both sides. */

export const loginRequestSchema = z.object({
  loginId: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const currentUserSchema = z.object({
  id: z.uuid(),
  loginId: z.string(),
  name: z.string(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  role: z.enum(['worker', 'admin']).default('worker'),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const sessionSchema = z.object({
  accessToken: z.string(),
  collabToken: z.string(),
  /** Seconds since the epoch at which both tokens expire. */
  expiresAt: z.number().int(),
  user: currentUserSchema,
});
export type Session = z.infer<typeof sessionSchema>;

export const caseTitleSchema = z.string().trim().min(1).max(200);

export const createCaseRequestSchema = z.object({
  title: caseTitleSchema,
});
export type CreateCaseRequest = z.infer<typeof createCaseRequestSchema>;

export const agencySummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
});
export type AgencySummary = z.infer<typeof agencySummarySchema>;

export const caseSummarySchema = z.object({
  id: caseIdSchema,
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  leadAgency: agencySummarySchema,
  agencies: z.array(agencySummarySchema),
  /** Projected from the documents by the server (null until the section has content). */
  householdName: z.string().nullable(),
  /** False when this agency may not see the identity section: the name is withheld, not missing. */
  householdVisible: z.boolean(),
  status: z.enum(caseStatuses).nullable(),
  /** 予定・タスク in the progress log and 役割分担 rows that are not 完了. */
  openTasks: z.number().int(),
});

/** 事案一覧 search: q matches names and kana in kanji, hiragana or katakana. */
export const caseListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(caseStatuses).optional(),
  agencyId: z.uuid().optional(),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseListSchema = z.object({ cases: z.array(caseSummarySchema) });

export const caseIdParamsSchema = z.object({ caseId: caseIdSchema });

export const healthSchema = z.object({
  status: z.literal('ok'),
  storage: z.enum(['postgresql', 'embedded']),
  version: z.string(),
});
export type Health = z.infer<typeof healthSchema>;

/** Run-time settings of the built app (GET /api/client-config). */
export const clientConfigSchema = z.object({ tldrawLicenseKey: z.string().nullable() });
export type ClientConfig = z.infer<typeof clientConfigSchema>;
