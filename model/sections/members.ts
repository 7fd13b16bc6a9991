import { z } from 'zod';
import { agencyIdSchema, idSchema, isoDateSchema, keyedCollection, shortTextSchema } from './common.ts';

/**
 * 世帯・世帯員 (identity). Everything that identifies a person lives here and only here,
 * so that access rules can hide or mask this one document.
 * Roots: Y.Map `household`, Y.Map `members` (id → Y.Map), Y.Map `principalByAgency`.
 */
export const HOUSEHOLD_ROOT = 'household';
export const MEMBERS_ROOT = 'members';
export const PRINCIPAL_ROOT = 'principalByAgency';

export const sexes = ['男性', '女性', 'その他・不明'] as const;
export const relationships = ['世帯主', '配偶者', '子', '子の配偶者', '父母', '祖父母', '孫', '兄弟姉妹', 'その他の親族', '同居人'] as const;

export const householdSchema = z
  .object({
    /** 世帯の呼び名 (e.g. 山田世帯). */
    name: shortTextSchema,
    address: shortTextSchema,
    phone: shortTextSchema,
  })
  .partial();

export const memberSchema = z
  .object({
    /** Display order in the household list. */
    position: z.number().int().min(0).max(10_000),
    name: shortTextSchema,
    kana: shortTextSchema,
    sex: z.enum(sexes).nullable(),
    birthDate: isoDateSchema.nullable(),
    relationship: z.enum(relationships).nullable(),
    address: shortTextSchema,
    phone: shortTextSchema,
    livesTogether: z.boolean(),
    deceased: z.boolean(),
  })
  .partial();
export type Member = z.infer<typeof memberSchema>;

export const membersDocumentSchema = z.object({
  [HOUSEHOLD_ROOT]: householdSchema,
  [MEMBERS_ROOT]: keyedCollection(memberSchema),
  /** Which member is 本人 differs per agency: agencyId → member id. */
  [PRINCIPAL_ROOT]: z.record(agencyIdSchema, idSchema),
});
