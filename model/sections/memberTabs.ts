import { z } from 'zod';
import {
  idSchema,
  isoDateSchema,
  keyedCollection,
  longTextSchema,
  shortTextSchema,
  yenSchema,
} from './common.ts';

/**
 * The per-member tabs the trial asked for, each its own document so that access can be
 * restricted per tab (健康・障がい and 収入・債務 are the most sensitive). Each has one root,
 * Y.Map `members`: member id → Y.Map of that tab's fields.
 */
export const MEMBER_TAB_ROOT = 'members';

export const handbookKinds = ['身体障害者手帳', '療育手帳', '精神障害者保健福祉手帳'] as const;
/** 等級 per handbook kind, as on the handbooks themselves. */
export const handbookGrades = {
  身体障害者手帳: ['1級', '2級', '3級', '4級', '5級', '6級'],
  療育手帳: ['A（重度）', 'B（中軽度）', 'A1', 'A2', 'B1', 'B2'],
  精神障害者保健福祉手帳: ['1級', '2級', '3級'],
} as const satisfies Record<(typeof handbookKinds)[number], readonly string[]>;
export const careLevels = ['なし', '申請中', '事業対象者', '要支援1', '要支援2', '要介護1', '要介護2', '要介護3', '要介護4', '要介護5'] as const;

const handbookSchema = z
  .object({
    position: z.number().int().min(0).max(10_000),
    kind: z.enum(handbookKinds),
    grade: z.string().max(20).nullable(),
    issuedOn: isoDateSchema.nullable(),
  })
  .partial()
  .refine(
    (handbook) =>
      !handbook.kind || !handbook.grade || (handbookGrades[handbook.kind] as readonly string[]).includes(handbook.grade),
    { message: '手帳の種類に合わない等級です', path: ['grade'] },
  );

export const moneyKinds = ['収入', '公的給付', '債務'] as const;
export const moneyPeriods = ['月額', '年額', '総額'] as const;
const moneyEntrySchema = z
  .object({
    position: z.number().int().min(0).max(10_000),
    kind: z.enum(moneyKinds),
    /** 年金, 生活保護, 消費者金融 … */
    label: shortTextSchema,
    amountYen: yenSchema.nullable(),
    period: z.enum(moneyPeriods),
    note: shortTextSchema,
  })
  .partial();

export const employmentTypes = ['正社員', '契約・派遣', 'パート・アルバイト', '自営', '就労支援事業所', 'その他'] as const;
const jobSchema = z
  .object({
    position: z.number().int().min(0).max(10_000),
    employer: shortTextSchema,
    occupation: shortTextSchema,
    employmentType: z.enum(employmentTypes).nullable(),
    current: z.boolean(),
    from: isoDateSchema.nullable(),
    to: isoDateSchema.nullable(),
  })
  .partial();

export const residenceStatuses = [
  '日本国籍',
  '永住者',
  '特別永住者',
  '定住者',
  '日本人の配偶者等',
  '永住者の配偶者等',
  '家族滞在',
  '留学',
  '技能実習',
  '特定技能',
  'その他',
  '不明',
] as const;

export const memberTabSchemas = {
  'member-history': z.object({ history: longTextSchema }).partial(),
  'member-health': z
    .object({
      diagnoses: longTextSchema,
      handbooks: keyedCollection(handbookSchema),
      careLevel: z.enum(careLevels).nullable(),
      note: longTextSchema,
    })
    .partial(),
  'member-finance': z.object({ entries: keyedCollection(moneyEntrySchema), note: longTextSchema }).partial(),
  'member-work': z.object({ jobs: keyedCollection(jobSchema), note: longTextSchema }).partial(),
  'member-nationality': z
    .object({ nationality: shortTextSchema, residenceStatus: z.enum(residenceStatuses).nullable(), note: longTextSchema })
    .partial(),
} as const;
export type MemberTabSection = keyof typeof memberTabSchemas;
export const memberTabSections = Object.keys(memberTabSchemas) as MemberTabSection[];

export function memberTabDocumentSchema(section: MemberTabSection) {
  return z.object({ [MEMBER_TAB_ROOT]: z.record(idSchema, memberTabSchemas[section]) });
}
