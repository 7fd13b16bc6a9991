import { z } from 'zod';
import { caseSections } from '../documentNames.ts';
import { accessLevelSchema, agencyAccessSchema } from './accessLevels.ts';

/** The HTTP shapes of 共有設定 (sharing) and of an agency's own access to a case. */

export const myAccessSchema = z.object({
  levels: agencyAccessSchema,
  /** The coordinating agency or the case's 主担当 may change the sharing. */
  canManage: z.boolean(),
});
export type MyAccess = z.infer<typeof myAccessSchema>;

export const consentStatuses = ['同意あり', '同意なし', '未確認'] as const;
export const consentMethods = ['書面', '口頭'] as const;

export const consentSchema = z.object({
  memberId: z.string().min(1).max(64),
  status: z.enum(consentStatuses),
  consentedOn: z.iso.date().nullable(),
  method: z.enum(consentMethods).nullable(),
  agencyIds: z.array(z.uuid()).max(100),
  note: z.string().max(2_000),
});
export type Consent = z.infer<typeof consentSchema>;

export const accessBases = ['consent', 'meeting', 'coordinator', 'none'] as const;
export type AccessBasis = (typeof accessBases)[number];

export const sharingAgencySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  levels: agencyAccessSchema,
  basis: z.enum(accessBases),
  /** Sections where the screen proposes masking: identifying access with no basis. */
  proposedMasking: z.array(z.enum(caseSections)),
});

export const sharingSchema = z.object({
  agencies: z.array(sharingAgencySchema),
  consents: z.array(consentSchema),
  meetingBasisAgencyIds: z.array(z.uuid()),
  changes: z.array(
    z.object({
      agencyName: z.string(),
      section: z.enum(caseSections).nullable(),
      oldLevel: accessLevelSchema.nullable(),
      newLevel: accessLevelSchema.nullable(),
      changedBy: z.string().nullable(),
      changedAt: z.string(),
    }),
  ),
});
export type Sharing = z.infer<typeof sharingSchema>;

export const setLevelsRequestSchema = z.object({ levels: agencyAccessSchema });
export const addAgencyRequestSchema = z.object({ agencyId: z.uuid() });
export const meetingBasisRequestSchema = z.object({ active: z.boolean() });
export const consentRequestSchema = consentSchema.omit({ memberId: true });
