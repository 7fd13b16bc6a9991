import { z } from 'zod';
import { agencyIdSchema, isoDateSchema, longTextSchema, shortTextSchema } from './common.ts';

/** 事案概要. Root: Y.Map `overview`. Text fields are Y.Text so that edits merge by character. */
export const OVERVIEW_ROOT = 'overview';

export const caseStatuses = ['受付', 'アセスメント', 'プラン作成', '支援中', '終結'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** The 16 相談内容 of the national 相談受付・申込票, in the form's order. */
export const concernCategories = [
  '病気・健康・障害',
  '住まい',
  '収入・生活費',
  '家賃・ローン',
  '税金・公共料金',
  '債務',
  '仕事探し',
  '仕事上のトラブル',
  '地域との関係',
  '家族との関係',
  '子育て',
  '介護',
  'ひきこもり・不登校',
  'DV・虐待',
  '食べるものがない',
  'その他',
] as const;
export type ConcernCategory = (typeof concernCategories)[number];
/**
 * Ticked categories are marked 'yes'; the main one (◎) is its own key, `mainConcern`, so that two
 * agencies choosing different ones at once end with one ◎ (last writer wins), never two.
 */
export const concernMarks = ['yes'] as const;

export const riskKinds = ['虐待・DV', '自傷他害', '生命の危険', '経済的困窮（ライフライン停止）', '住居喪失', '孤立'] as const;

export const referralRoutes = ['本人来所', '家族・親族', '民生委員', '関係機関', '地域住民', '電話', '訪問', 'その他'] as const;

/** The four long texts, shown in full (never cut off). */
export const overviewLongTexts = ['chiefComplaint', 'concernDetail', 'medicalHistory', 'economicSummary'] as const;

export const overviewSchema = z
  .object({
    title: shortTextSchema,
    status: z.enum(caseStatuses),
    /** The date each status was reached. */
    statusDates: z.partialRecord(z.enum(caseStatuses), isoDateSchema),
    chiefComplaint: longTextSchema,
    concerns: z.partialRecord(z.enum(concernCategories), z.enum(concernMarks)),
    mainConcern: z.enum(concernCategories).nullable(),
    concernDetail: longTextSchema,
    risks: z.partialRecord(z.enum(riskKinds), z.boolean()),
    riskNote: longTextSchema,
    medicalHistory: longTextSchema,
    economicSummary: longTextSchema,
    leadAgencyId: agencyIdSchema.nullable(),
    referralRoute: z.enum(referralRoutes).nullable(),
    intakeDate: isoDateSchema.nullable(),
  })
  .partial();
export type Overview = z.infer<typeof overviewSchema>;
