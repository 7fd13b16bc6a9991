import { auditActionLabels } from '../../model/audit.ts';
import { formatWarekiDateTime } from '../../model/time/tokyoClock.ts';

/** Texts of the administrator's screens (composed into `ja` by the lead). */

export const jaAdmin = {
  audit: {
    heading: '監査ログ',
    lead: 'ログイン、記録の閲覧・編集、共有設定の変更などの操作の記録です。記録は変更できません。',
    // Seconds too: an audit trail is read to tell apart events of the same minute.
    formatDateTime: (iso: string): string => formatWarekiDateTime(iso, { seconds: true }) ?? iso,
    actions: auditActionLabels,

    filters: {
      heading: '検索条件',
      from: '期間（開始）',
      to: '期間（終了）',
      action: '操作',
      allActions: 'すべての操作',
      loginId: 'ログインID',
      keyword: 'キーワード',
      keywordHint: '氏名・ログインID・機関名・詳細の一部で探せます。',
      search: '検索',
      invalid: '検索条件を確認してください（ログインIDは64文字、キーワードは100文字まで）。',
    },

    loading: '監査ログを読み込み中…',
    forbidden: '監査ログを見る権限がありません。システム管理者のアカウントでログインしてください。',
    caption: '監査ログ（新しい順）',
    count: (count: number) => `${count.toLocaleString('ja-JP')}件`,
    capped: (limit: number) =>
      `新しいものから${limit.toLocaleString('ja-JP')}件までを表示しています。条件を絞り込むか、CSVで出力するとすべて確認できます。`,
    empty: '条件に合う記録はありません。',
    columns: {
      seq: '番号',
      at: '日時',
      action: '操作',
      loginId: 'ログインID',
      userName: '氏名',
      agency: '機関',
      caseId: '事案',
      section: 'セクション',
      detail: '詳細',
      address: '接続元',
    },
    none: '—',

    exportCsv: 'CSVで出力',
    exportFileName: 'kansa-log.csv',
    exporting: 'CSVを作成しています…',
    exported: 'CSVを出力しました（出力したことも監査ログに記録されます）。',

    verify: '改ざんの確認',
    verifying: '改ざんの有無を確認しています…',
    verifyOk: (checked: number) => `改ざんは見つかりませんでした（${checked} 件を確認）`,
    verifyFailed: (checked: number, problems: number) =>
      `改ざんまたは欠落の疑いがあります（${checked} 件を確認、問題 ${problems} 件）。システムの管理者に連絡してください。`,
    problem: (seq: number | null, problem: string) => (seq === null ? problem : `番号 ${seq}：${problem}`),
  },
} as const;
