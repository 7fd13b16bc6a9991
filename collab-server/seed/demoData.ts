import { defaultAccess, type AgencyAccess } from '../../model/access/accessLevels.ts';
import type { AgencyKind } from '../../model/agencyKinds.ts';

/**
 * The fictional 架空市 and the 山田 household from DOMAIN.md. Ids are fixed so that
 * links and tests stay stable across re-seeding.
 */
export const DEMO_PASSWORD = 'kasane-demo';

export interface DemoAgency {
  id: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  users: { id: string; loginId: string; name: string }[];
}

export const demoAgencies: DemoAgency[] = [
  {
    id: '0b6c1f8e-2d1a-4c3e-9a51-000000000001',
    name: '架空市 福祉総合相談課',
    shortName: '福祉総合相談課',
    kind: '多機関協働事業者',
    users: [
      { id: '5e0a7d3c-1111-4a8b-8c01-000000000001', loginId: 'fukushi1', name: '佐藤 美咲' },
      { id: '5e0a7d3c-1111-4a8b-8c01-000000000002', loginId: 'fukushi2', name: '鈴木 健一' },
    ],
  },
  {
    id: '0b6c1f8e-2d1a-4c3e-9a51-000000000002',
    name: '架空市北部地域包括支援センター',
    shortName: '包括',
    kind: '地域包括支援センター',
    users: [
      { id: '5e0a7d3c-2222-4a8b-8c01-000000000001', loginId: 'houkatsu1', name: '高橋 由美' },
      { id: '5e0a7d3c-2222-4a8b-8c01-000000000002', loginId: 'houkatsu2', name: '田中 誠' },
    ],
  },
  {
    id: '0b6c1f8e-2d1a-4c3e-9a51-000000000003',
    name: '障害者相談支援事業所 あおば',
    shortName: '障害相談',
    kind: '障害者相談支援事業所',
    users: [
      { id: '5e0a7d3c-3333-4a8b-8c01-000000000001', loginId: 'shougai1', name: '伊藤 直子' },
      { id: '5e0a7d3c-3333-4a8b-8c01-000000000002', loginId: 'shougai2', name: '渡辺 翔' },
    ],
  },
  {
    id: '0b6c1f8e-2d1a-4c3e-9a51-000000000004',
    name: '架空市社会福祉協議会 自立相談支援センター',
    shortName: '自立相談',
    kind: '自立相談支援機関',
    users: [
      { id: '5e0a7d3c-4444-4a8b-8c01-000000000001', loginId: 'jiritsu1', name: '山本 さくら' },
      { id: '5e0a7d3c-4444-4a8b-8c01-000000000002', loginId: 'jiritsu2', name: '中村 大輔' },
    ],
  },
];

/** The municipal administrator: 監査ログ and accounts, no case of their own. */
export const demoAdministrator = {
  id: '5e0a7d3c-9999-4a8b-8c01-000000000001',
  loginId: 'kanri1',
  name: '小林 恵',
  agencyId: '0b6c1f8e-2d1a-4c3e-9a51-000000000001',
};

export const demoCase = {
  id: '7f3e2a10-9c4b-4d5e-8f60-000000000001',
  title: '山田世帯（山田 ハナ・山田 太郎）',
  leadAgencyId: demoAgencies[0]!.id,
  createdBy: demoAgencies[0]!.users[0]!.id,
  agencyIds: demoAgencies.map((agency) => agency.id),
};

/** The minutes as the coordinator prepared them before the first 支援会議. */
export const demoMinutes: { heading?: string; paragraph?: string }[] = [
  { heading: '第1回 支援会議（準備メモ）' },
  { paragraph: '日時：令和8年11月20日（金）14:00〜15:00　場所：架空市役所 3階 会議室B' },
  { paragraph: '出席：福祉総合相談課、北部地域包括支援センター、障害者相談支援事業所 あおば、社協 自立相談支援センター、民生委員（北町地区）' },
  { heading: '経過' },
  { paragraph: '民生委員より、山田ハナさん（82歳・要介護1）宅で郵便物がたまり、長男の太郎さん（54歳）の姿を見かけないとの連絡あり。' },
  { paragraph: '包括はハナさんを把握済み。自立相談支援センターでは太郎さんの債務について過去に相談歴あり。' },
  { heading: '協議事項' },
  { paragraph: '世帯の状況の共有、太郎さんへの関わり方、役割分担。' },
];

/**
 * The sharing of the 山田 case as DOMAIN.md's scenario has it before the first 支援会議: the
 * household in full for 包括, masked for the 障害 office until 太郎さん consents.
 */
export const demoSharing: Record<string, AgencyAccess> = {
  [demoAgencies[0]!.id]: defaultAccess('coordinator'),
  [demoAgencies[1]!.id]: {
    overview: 'edit',
    members: 'edit',
    'member-history': 'view',
    'member-health': 'edit',
    'member-finance': 'view',
    'member-work': 'hidden',
    'member-nationality': 'view',
    'progress-log': 'edit',
    plan: 'edit',
    minutes: 'edit',
    ecomap: 'edit',
  },
  [demoAgencies[2]!.id]: {
    overview: 'masked',
    members: 'masked',
    'member-history': 'hidden',
    'member-health': 'masked',
    'member-finance': 'hidden',
    'member-work': 'hidden',
    'member-nationality': 'hidden',
    'progress-log': 'masked',
    plan: 'masked',
    minutes: 'masked',
    // No consent or 支援会議 basis yet: the map masked too (members as 「A氏」「B氏」, notes redacted).
    // Once the meeting's basis is recorded, the coordinator can let this office draw.
    ecomap: 'masked',
  },
  // 自立相談 reads the case (DOMAIN.md: 閲覧のみ) and never the members' health.
  [demoAgencies[3]!.id]: {
    overview: 'view',
    members: 'view',
    'member-history': 'view',
    'member-health': 'hidden',
    'member-finance': 'view',
    'member-work': 'view',
    'member-nationality': 'view',
    'progress-log': 'view',
    plan: 'view',
    minutes: 'view',
    ecomap: 'view',
  },
};
