import { z } from 'zod';

/** What the 監査ログ records. */
export const auditActions = [
  'login',
  'login.failed',
  'logout',
  'section.open',
  'section.edit',
  'sharing.change',
  'sharing.agency',
  'consent.record',
  'export',
  'print',
  'account.change',
  'audit.export',
  'meeting.create',
  'meeting.close',
  'masking.approve',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditActionLabels: Record<AuditAction, string> = {
  login: 'ログイン',
  'login.failed': 'ログイン失敗',
  logout: 'ログアウト',
  'section.open': '閲覧',
  'section.edit': '編集',
  'sharing.change': '共有設定の変更',
  'sharing.agency': '参加機関の変更',
  'consent.record': '本人同意の記録',
  export: '出力',
  print: '印刷',
  'account.change': 'アカウントの変更',
  'audit.export': '監査ログの出力',
  'meeting.create': '支援会議の作成',
  'meeting.close': '支援会議の終了',
  'masking.approve': 'マスキングの承認',
};

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  action: z.enum(auditActions),
  userId: z.uuid().nullable(),
  loginId: z.string().nullable(),
  userName: z.string().nullable(),
  agencyName: z.string().nullable(),
  caseId: z.uuid().nullable(),
  section: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  address: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  action: z.enum(auditActions).optional(),
  loginId: z.string().max(64).optional(),
  caseId: z.uuid().optional(),
  q: z.string().max(100).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  problems: z.array(z.object({ seq: z.number().int().nullable(), problem: z.string() })),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
