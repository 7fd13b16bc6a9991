import type * as Y from 'yjs';
import type { CaseSection } from '../../model/documentNames.ts';
import { MEMBER_TAB_ROOT } from '../../model/sections/memberTabs.ts';
import { HOUSEHOLD_ROOT, MEMBERS_ROOT, PRINCIPAL_ROOT } from '../../model/sections/members.ts';
import { OVERVIEW_ROOT } from '../../model/sections/overview.ts';
import { PLAN_ROOT, ROLES_ROOT } from '../../model/sections/plan.ts';
import { PROGRESS_ROOT } from '../../model/sections/progressLog.ts';
import { sectionDefinitions } from '../../model/sections/sectionRegistry.ts';
import { writeObject, type PlainValue } from '../../model/sections/yjsValues.ts';
import type { Consent } from '../../model/access/sharingApi.ts';
import { demoAgencies } from './demoData.ts';

/** The 山田 household of DOMAIN.md, filled in as the agencies would have by the first meeting. */
type Roots = Record<string, { readonly [key: string]: PlainValue }>;

const [fukushi, houkatsu, shougai, jiritsu] = demoAgencies as [
  (typeof demoAgencies)[number],
  (typeof demoAgencies)[number],
  (typeof demoAgencies)[number],
  (typeof demoAgencies)[number],
];

/** Member ids are random-looking and fixed: an id is copied into every view, masked ones included, so it carries no name. */
export const HANA = '3c9a5e2f-71d4-4b08-9e6a-52f0c8d1b7a4';
export const TARO = 'b81e4d07-2a9c-4f63-8d15-e6a73f09c2d8';

const author = (agency: (typeof demoAgencies)[number], index = 0) => ({
  agencyId: agency.id,
  agencyName: agency.name,
  authorId: agency.users[index]!.id,
  authorName: agency.users[index]!.name,
});

const demoRecord: Partial<Record<CaseSection, Roots>> = {
  overview: {
    [OVERVIEW_ROOT]: {
      title: '山田世帯（山田 ハナ・山田 太郎）',
      status: 'アセスメント',
      statusDates: { 受付: '2026-11-04', アセスメント: '2026-11-12' },
      intakeDate: '2026-11-04',
      referralRoute: '民生委員',
      leadAgencyId: fukushi.id,
      chiefComplaint:
        '民生委員より「山田さん宅の郵便受けに郵便物がたまっている。ハナさんは最近物忘れが目立ち、同居の長男 太郎さんは何年も姿を見ていない」と相談。世帯全体の生活状況が分からず心配とのこと。',
      concerns: { 介護: 'yes', 債務: 'yes', 'ひきこもり・不登校': 'yes', '収入・生活費': 'yes', '病気・健康・障害': 'yes' },
      mainConcern: '介護',
      concernDetail:
        'ハナさん（82歳）は要介護1、軽度の認知症。デイサービス週2回。太郎さん（54歳）は約10年ひきこもり状態で無収入、消費者金融等に債務あり。世帯の収入はハナさんの年金のみ。',
      risks: { '経済的困窮（ライフライン停止）': true, 孤立: true },
      riskNote: '電気料金の督促状あり（11月時点）。太郎さんは外部との接触がほとんどない。',
      medicalHistory: 'ハナさん：高血圧、アルツハイマー型認知症（令和6年診断）。太郎さん：受診歴不明。',
      economicSummary: 'ハナさんの老齢基礎年金・遺族厚生年金 月約11万円。太郎さん名義の債務 約180万円。家賃なし（持ち家）。',
    },
  },
  members: {
    [HOUSEHOLD_ROOT]: { name: '山田世帯', address: '架空市北町3丁目12番5号', phone: '0120-000-111' },
    [MEMBERS_ROOT]: {
      [HANA]: {
        position: 0,
        name: '山田 ハナ',
        kana: 'やまだ はな',
        sex: '女性',
        birthDate: '1944-05-10',
        relationship: '世帯主',
        address: '架空市北町3丁目12番5号',
        phone: '0120-000-111',
        livesTogether: true,
        deceased: false,
      },
      [TARO]: {
        position: 1,
        name: '山田 太郎',
        kana: 'やまだ たろう',
        sex: '男性',
        birthDate: '1972-03-05',
        relationship: '子',
        address: '架空市北町3丁目12番5号',
        phone: '090-0000-2222',
        livesTogether: true,
        deceased: false,
      },
    },
    [PRINCIPAL_ROOT]: { [houkatsu.id]: HANA, [shougai.id]: TARO, [jiritsu.id]: TARO, [fukushi.id]: HANA },
  },
  'member-history': {
    [MEMBER_TAB_ROOT]: {
      [HANA]: { history: '令和6年 包括に介護保険申請の相談。要介護1認定、デイサービス利用開始。' },
      [TARO]: { history: '平成30年 社協 自立相談支援センターに債務の相談（1回のみ、その後連絡途絶）。' },
    },
  },
  'member-health': {
    [MEMBER_TAB_ROOT]: {
      [HANA]: { diagnoses: '高血圧、アルツハイマー型認知症', careLevel: '要介護1', note: '服薬管理に支援が必要。' },
      [TARO]: { diagnoses: '', careLevel: 'なし', note: '精神科受診歴なし。障害の可能性について障害者相談支援事業所に相談予定。' },
    },
  },
  'member-finance': {
    [MEMBER_TAB_ROOT]: {
      [HANA]: {
        entries: {
          pension001: { position: 0, kind: '公的給付', label: '老齢基礎年金', amountYen: 65_000, period: '月額', note: '' },
          pension002: { position: 1, kind: '公的給付', label: '遺族厚生年金', amountYen: 45_000, period: '月額', note: '' },
        },
        note: '',
      },
      [TARO]: {
        entries: {
          debt000001: { position: 0, kind: '債務', label: '消費者金融（2社）', amountYen: 1_350_000, period: '総額', note: '督促あり' },
          debt000002: { position: 1, kind: '債務', label: 'クレジットカード', amountYen: 450_000, period: '総額', note: '' },
        },
        note: '本人の収入なし。',
      },
    },
  },
  'member-work': {
    [MEMBER_TAB_ROOT]: {
      [TARO]: {
        jobs: {
          job0000001: { position: 0, employer: '北町印刷株式会社', occupation: '製版', employmentType: '正社員', current: false, from: '1994-04-01', to: '2009-03-31' },
          job0000002: { position: 1, employer: '（派遣）物流センター', occupation: '仕分け', employmentType: '契約・派遣', current: false, from: '2010-06-01', to: '2015-12-31' },
        },
        note: '',
      },
    },
  },
  'member-nationality': {
    [MEMBER_TAB_ROOT]: {
      [HANA]: { nationality: '日本', residenceStatus: '日本国籍', note: '' },
      [TARO]: { nationality: '日本', residenceStatus: '日本国籍', note: '' },
    },
  },
  'progress-log': {
    [PROGRESS_ROOT]: {
      entry000001: {
        ...author(fukushi),
        occurredAt: '2026-11-04T10:30:00+09:00',
        kind: '実施した支援',
        contactMethod: '電話',
        text: '民生委員（北町地区）から電話相談を受付。世帯の状況を聞き取り。',
        taskStatus: null,
      },
      entry000002: {
        ...author(houkatsu),
        occurredAt: '2026-11-06T14:00:00+09:00',
        kind: '実施した支援',
        contactMethod: '訪問',
        text: 'ハナさん宅を訪問。ハナさんは在宅、太郎さんは自室から出てこず。冷蔵庫の中身が少ない。',
        taskStatus: null,
      },
      entry000003: {
        ...author(jiritsu),
        occurredAt: '2026-11-10T09:00:00+09:00',
        kind: '連絡・報告',
        contactMethod: 'メール・文書',
        text: '過去の相談記録を確認。平成30年に太郎さん本人から債務相談あり。',
        taskStatus: null,
      },
      entry000004: {
        ...author(fukushi, 1),
        occurredAt: '2026-11-20T15:00:00+09:00',
        kind: '予定・タスク',
        contactMethod: '訪問',
        text: '太郎さんへの手紙を作成し、包括と同行訪問する。',
        taskStatus: '対応中',
        dueDate: '2026-12-04',
      },
    },
  },
  plan: {
    [PLAN_ROOT]: {
      issues: '世帯の収入が年金のみで債務がある。ハナさんの認知症の進行。太郎さんの社会的孤立。',
      goals: 'ハナさんが在宅生活を続けられる。太郎さんが支援者とつながり、債務整理に向けて動き出せる。',
      goalsInOwnWords: '（ハナさん）「この家で息子と暮らしたい」',
      reviewDate: '2027-02-20',
      leadAgencyAfterClosure: houkatsu.id,
    },
    [ROLES_ROOT]: {
      role000001: { position: 0, agencyId: houkatsu.id, task: 'ハナさんのケアプラン見直し、服薬管理の支援', dueDate: '2026-12-15', status: '対応中' },
      role000002: { position: 1, agencyId: jiritsu.id, task: '太郎さんの債務状況の確認と法律相談の調整', dueDate: '2027-01-15', status: '未着手' },
      role000003: { position: 2, agencyId: shougai.id, task: '太郎さんの障害の可能性についての見立て（本人同意後）', dueDate: '2027-01-31', status: '未着手' },
    },
  },
};

/**
 * 本人同意 as recorded at the first interview: ハナさん agreed in writing to sharing with the city,
 * 包括 and 自立相談; 太郎さん has not been asked yet, so the 障害 office has no basis (masked).
 */
export const demoConsents: Consent[] = [
  {
    memberId: HANA,
    status: '同意あり',
    consentedOn: '2026-11-06',
    method: '書面',
    agencyIds: [fukushi.id, houkatsu.id, jiritsu.id],
    note: '初回訪問時に「関係機関(者)と情報共有することに同意します」に署名',
  },
  { memberId: TARO, status: '未確認', consentedOn: null, method: null, agencyIds: [], note: '本人と未面談' },
];

/** Fills a fresh section document with the demo record (nothing for sections it has none of). */
export function fillDemoSection(doc: Y.Doc, section: CaseSection): void {
  const roots = demoRecord[section];
  if (!roots) return;
  const { textKeys } = sectionDefinitions[section];
  doc.transact(() => {
    for (const [root, values] of Object.entries(roots)) writeObject(doc.getMap<unknown>(root), values, textKeys);
  });
}
