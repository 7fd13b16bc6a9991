import { z } from 'zod';
import { agencyIdSchema, isoDateSchema, keyedCollection, longTextSchema, taskStatusSchema } from './common.ts';

/** 支援プラン. Roots: Y.Map `plan` (fields), Y.Map `roles` (役割分担 rows, id → Y.Map). */
export const PLAN_ROOT = 'plan';
export const ROLES_ROOT = 'roles';

export const planSchema = z
  .object({
    issues: longTextSchema,
    goals: longTextSchema,
    /** 本人の言葉で: the goal as the person said it. */
    goalsInOwnWords: longTextSchema,
    reviewDate: isoDateSchema.nullable(),
    /** 終結後の主担当機関. */
    leadAgencyAfterClosure: agencyIdSchema.nullable(),
  })
  .partial();

export const roleSchema = z
  .object({
    position: z.number().int().min(0).max(10_000),
    agencyId: agencyIdSchema.nullable(),
    task: longTextSchema,
    dueDate: isoDateSchema.nullable(),
    status: taskStatusSchema,
  })
  .partial();
export type Role = z.infer<typeof roleSchema>;

export const planDocumentSchema = z.object({ [PLAN_ROOT]: planSchema, [ROLES_ROOT]: keyedCollection(roleSchema) });
