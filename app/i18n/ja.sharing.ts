import { accessLevelLabels } from '../../model/access/accessLevels.ts';
import type { AccessBasis } from '../../model/access/sharingApi.ts';
import { formatWarekiDateTime } from '../../model/time/tokyoClock.ts';

/** Texts of 共有設定 (composed into `ja` by the lead; kept apart so the screen can be reviewed alone). */

const basis = {
  coordinator: '主担当機関',
  consent: '本人同意',
  meeting: '支援会議（社会福祉法第106条の6）',
  none: '根拠なし',
} as const satisfies Record<AccessBasis, string>;

export const jaSharing = {
  heading: '共有設定',
  lead: '参加機関ごとに、どの項目をどこまで共有するかを決めます。変更はすぐに各機関の画面に反映されます。',
  loading: '共有設定を読み込み中…',
  forbidden: 'この事案の共有設定を変更する権限がありません。主担当機関または多機関協働事業者の職員が変更できます。',
  notFound: 'この事案は見つかりませんでした。',
  saved: '共有設定を変更しました。',
  formatDateTime: (iso: string): string => formatWarekiDateTime(iso) ?? iso,
  listSeparator: '、',

  levels: accessLevelLabels,
  basis,

  matrix: {
    heading: '機関ごとの共有範囲',
    caption: '機関ごとの共有範囲（行：機関、列：項目）',
    agency: '機関',
    basis: '共有の根拠',
    cellLabel: (agencyName: string, sectionLabel: string) => `${agencyName} の ${sectionLabel}`,
    legend: '編集：内容を変更できます。閲覧：見るだけです。マスキング閲覧：氏名・連絡先などを伏せて見せます。非表示：見せません。',
    proposal: '同意がないため、マスキングを提案します',
    proposalSections: (labels: string) => `対象の項目：${labels}`,
    applyProposal: '提案どおりマスキングにする',
    identityCap: (agencyName: string) =>
      `${agencyName}：世帯・世帯員を見られないため、ほかの項目も（非表示のものを除き）マスキング閲覧で届きます。記録のどこにでも氏名が書かれうるためです。`,
  },

  agencies: {
    heading: '参加機関',
    coordinatorNote: '主担当機関は参加機関から外せません。',
    remove: '参加機関から外す',
    removed: (agencyName: string) => `${agencyName}を参加機関から外しました。`,
    addHeading: '機関を追加',
    addSelect: '追加する機関',
    addHint: '追加した機関には、標準の共有範囲（世帯・世帯員はマスキング閲覧、健康などの詳細は非表示）が設定されます。',
    choose: '選択してください',
    noneLeft: '追加できる機関はありません。',
    add: '機関を追加',
    added: (agencyName: string) => `${agencyName}を参加機関に追加しました。`,
    chooseFirst: '追加する機関を選んでください。',
    agenciesUnavailable: '機関の一覧を読み込めませんでした。',
  },

  meeting: {
    heading: '支援会議による共有',
    lead: '支援会議（社会福祉法第106条の6）の構成員として情報を共有する機関を選びます。本人の同意がなくても、会議の目的の範囲で共有できます（守秘義務があります）。',
    checkbox: '支援会議（第106条の6）として共有',
    on: (agencyName: string) => `${agencyName}を支援会議として共有する機関にしました。`,
    off: (agencyName: string) => `${agencyName}の支援会議としての共有をやめました。`,
  },

  consent: {
    heading: '本人同意',
    lead: '世帯員ごとに、情報の共有についての同意を記録します。同意の対象とした機関には、同意を根拠に共有できます。',
    noMembers: '世帯員が登録されていません。「世帯・世帯員」で世帯員を登録すると、同意を記録できます。',
    status: '同意の状況',
    consentedOn: '同意日',
    method: '方法',
    methodUnset: '未選択',
    agencies: '対象機関',
    note: 'メモ',
    submit: '同意を記録',
    recorded: (memberName: string) => `${memberName}さんの同意を記録しました。`,
    invalid: '入力内容を確認してください（メモは2,000文字以内）。',
    unnamed: '（氏名未入力）',
  },

  changes: {
    heading: '変更履歴',
    caption: '共有設定の変更履歴（新しい順）',
    at: '日時',
    agency: '機関',
    section: 'セクション',
    change: '変更前 → 変更後',
    changedBy: '変更者',
    arrow: (before: string, after: string) => `${before} → ${after}`,
    membership: '参加機関',
    joined: '参加機関に追加',
    left: '参加機関から外す',
    unset: '（未設定）',
    unknownUser: '—',
    empty: '変更はまだありません。',
    showAll: (count: number) => `すべて表示（${count}件）`,
    showRecent: (count: number) => `新しい${count}件だけ表示`,
  },
} as const;
