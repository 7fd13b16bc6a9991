/** Texts of チャット (composed into `ja`). */
export const jaChat = {
  tab: 'チャット',
  heading: 'チャット',
  listLabel: 'メッセージ一覧',
  empty: 'まだメッセージはありません。',
  loading: 'メッセージを読み込み中…',
  author: (name: string, agency: string) => `${name}（${agency}）`,
  limitedTo: (agencies: readonly string[]) => `公開先：${agencies.join('、')}`,
  message: 'メッセージ',
  messageHint: '4000文字以内。送信すると参加機関の画面にすぐ表示されます。',
  limit: '公開先を限定する',
  limitHint: 'どれも選ばなければ、すべての参加機関が読めます。自機関は常に含まれます。',
  send: '送信',
  sending: '送信中…',
  empty_body: 'メッセージを入力してください。',
  unknownAgency: '不明な機関',
} as const;
