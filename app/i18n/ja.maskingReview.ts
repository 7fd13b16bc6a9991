/** 共有設定の「マスキングの確認」の文言。 */
export const jaMaskingReview = {
  heading: 'マスキングの確認',
  lead: '文章を貼り付けると、マスキング閲覧の機関にどのように届くかを確認できます。名前などが残っているおそれがある文章は表示されません。',
  textLabel: '確認する文章',
  preview: 'マスキング後の表示を確認',
  checking: '確認しています…',
  sharedLabel: 'マスキング閲覧の機関に届く内容',
  proposedLabel: '置き換え案',
  withheld: 'この文章は、名前などが残っているおそれがあるため表示されません。',
  remainingLabel: '残っているおそれがあるもの',
  approve: 'この置き換え案で共有することを承認する',
  approved: '承認しました。この文章はこの置き換え案のとおり届きます（監査ログに記録しました）。',
  alreadyApproved: 'この置き換え案は承認済みです。',
  empty: '文章を入力してください。',
} as const;
