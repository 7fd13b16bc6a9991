import { formatWarekiDateTime } from '../../model/time/tokyoClock.ts';
/** Texts of 履歴 (composed into `ja` by the lead; kept apart so the screen can be reviewed alone). */

/** 「令和8年11月22日 14:05」, Japan time for every reader: the offices date their records in 和暦. */
function formatDateTime(iso: string): string {
  return formatWarekiDateTime(iso) ?? iso;
}

/** 「佐藤 美咲（架空市 福祉総合相談課）」, as people are named everywhere in the app. */
function personLabel(userName: string | null, agencyName: string | null): string {
  const name = userName ?? '記入者の記録なし';
  return agencyName ? `${name}（${agencyName}）` : name;
}

export const jaHistory = {
  heading: '履歴',
  lead: 'いつ・誰が・どの項目を変更したかを、新しい順に表示します。共有されていない項目は表示されません。',
  loading: '履歴を読み込み中…',
  forbidden: 'この事案の履歴を見る権限がありません。',
  formatDateTime,
  personLabel,

  filters: {
    heading: '絞り込み',
    section: 'セクションで絞り込み',
    agency: '機関で絞り込み',
    user: '記入者で絞り込み',
    meeting: '支援会議で絞り込み（会議中の変更のみ）',
    from: '期間（開始）',
    to: '期間（終了）',
    all: 'すべて',
    clear: '絞り込みを解除',
  },

  timeline: {
    caption: '変更の一覧（新しい順）',
    count: (count: number) => `${count}件の変更`,
    empty: 'まだ変更の記録はありません。',
    noMatch: '条件に合う変更はありません。',
    masked: 'マスキング表示',
    maskedHint: 'この項目はマスキングして共有されているため、氏名・連絡先などを伏せて表示しています。',
    updates: (count: number) => `保存 ${count} 回`,
    compareOrigin: '比較の起点',
    meeting: (title: string) => `${title}中の変更`,
    version: (name: string) => `版: ${name}`,
    versionMeta: (at: string, by: string | null) => (by ? `${at} ${by}が名前を付けました` : at),
  },

  actions: {
    show: 'この時点を表示',
    compareFrom: '比較の起点にする',
    compareTo: '比較の終点にする',
    compareCancelOrigin: '比較の起点を解除',
    restore: 'この時点に復元',
  },

  revision: {
    heading: (at: string) => `過去の版（${at}時点）・閲覧のみ`,
    banner: 'これは過去の版です。いまの内容ではありません。ここでは変更できません。',
    section: (label: string) => `セクション：${label}`,
    masked: 'マスキングした内容を表示しています。',
    loading: '過去の版を読み込み中…',
    close: '過去の版を閉じる',
  },

  compare: {
    heading: (section: string) => `比較：${section}`,
    range: (from: string, to: string) => `${from} の時点 → ${to} の時点`,
    originChosen: (section: string, at: string) =>
      `比較の起点：${section}（${at}）。同じセクションの別の変更で「比較の終点にする」を押すと比較します。`,
    cancel: '比較をやめる',
    loading: '比較しています…',
    close: '比較を閉じる',
    caption: '変更された項目',
    field: '項目',
    before: '変更前',
    after: '変更後',
    noChanges: '違いはありません。',
    emptyValue: '（なし）',
    yes: 'はい',
    no: 'いいえ',
    valueSeparator: '、',
    textLegend: '緑の下線は追加された文字、赤の取り消し線は削除された文字です。',
    addedStart: '［追加］',
    addedEnd: '［追加ここまで］',
    removedStart: '［削除］',
    removedEnd: '［削除ここまで］',
  },

  restore: {
    heading: 'この時点に復元しますか？',
    body: (section: string, at: string) =>
      `「${section}」を ${at} の時点の内容に戻します。いまの内容も履歴に残るので、あとから戻すこともできます。変更はほかの機関の画面にもすぐに反映されます。`,
    confirm: '復元する',
    cancel: 'やめる',
    forbidden: 'この項目を復元する権限がありません',
    done: (section: string, at: string) => `「${section}」を ${at} の時点に復元しました。`,
  },

  nameVersion: {
    heading: '版として名前を付ける',
    name: '版の名前',
    hint: '例：第1回支援会議 終了時点。いまの全セクションの内容に名前を付け、履歴に目印として残します。',
    submit: '名前を付けて保存',
    invalid: '版の名前を100文字以内で入力してください。',
    saved: (name: string) => `版「${name}」を保存しました。`,
  },
} as const;
