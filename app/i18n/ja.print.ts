/** Texts of 印刷 (composed into `ja`). */
export const jaPrint = {
  /** The link on each printable tab. */
  open: '印刷用の表示',
  openHint: (section: string) => `「${section}」をA4で印刷する画面を開きます。`,
  pageTitle: (section: string) => `${section}（印刷）`,
  meetingMinutes: '支援会議の議事録',
  toolbarLabel: '印刷の操作',
  print: '印刷する',
  recording: '印刷を記録しています…',
  recorded: '印刷を監査ログに記録しました。',
  back: (section: string) => `「${section}」に戻る`,
  notice:
    '「印刷する」を押すと、印刷したことが監査ログに記録されます。印刷した紙は「取扱注意」の書類として扱い、会議のあとは回収してください。',
  notLoaded: '内容を読み込んでいます。読み込みが終わると印刷できます。',
  failed: '印刷を記録できなかったため、印刷を中止しました。',
  /** Shown on paper instead of the sheet when printing was not started from 「印刷する」. */
  useTheButton: 'この画面は「印刷する」ボタンから印刷してください（印刷は監査ログに記録されます）。',
  confidential: '取扱注意',
  caseId: (id: string) => `事案ID ${id}`,
  printedOn: (date: string) => `印刷日 ${date}`,
  printedBy: (person: string) => `印刷者 ${person}`,
  maskedNote: 'マスキング表示（氏名・連絡先などは伏せてあります）',
  sheetLabel: (section: string) => `印刷する内容：${section}`,
  empty: '（未入力）',
  none: 'なし',
  progressCount: (count: number) => `${count}件（古い順）`,
} as const;
