import type { CaseSection } from '../../model/documentNames.ts';
import type { ApiFailureCode } from '../http/apiClient.ts';
import type { SaveStatus } from '../collab/types.ts';
import type { DateParseError } from '../../model/time/wareki.ts';
import { formatWarekiDateTime } from '../../model/time/tokyoClock.ts';
import type { ReloginReason } from '../session/sessionStore.ts';
import { jaAdmin } from './ja.admin.ts';
import { jaChat } from './ja.chat.ts';
import { jaEcomap } from './ja.ecomap.ts';
import { jaPrint } from './ja.print.ts';
import { jaHistory } from './ja.history.ts';
import { jaMeetings } from './ja.meetings.ts';
import { jaSharing } from './ja.sharing.ts';

/**
 * Every text the app shows, in one place, so that wording can be reviewed with the
 * municipalities as a whole and kept consistent (e.g. 「氏名（機関名）」 everywhere).
 */

function personLabel(name: string, agencyName: string): string {
  return `${name}（${agencyName}）`;
}

const apiErrors = {
  invalid_input: '入力内容を確認してください。',
  unauthorized: 'ログイン状態を確認できませんでした。もう一度ログインしてください。',
  token_expired: 'ログインの有効期限が切れました。もう一度ログインしてください。',
  invalid_credentials: 'ログインIDまたはパスワードが正しくありません。',
  forbidden: 'この操作を行う権限がありません。',
  not_found: '見つかりませんでした。',
  payload_too_large: '内容が大きすぎます。',
  internal: 'サーバーで問題が発生しました。しばらくしてからもう一度お試しください。',
  network: 'サーバーに接続できませんでした。ネットワークの状態を確認してください。',
  invalid_response: 'サーバーから予期しない応答がありました。しばらくしてからもう一度お試しください。',
} as const satisfies Record<ApiFailureCode, string>;

const saveStatus = {
  connecting: '接続中',
  saved: '保存済み',
  unsaved: '未保存の変更あり',
  offline: 'オフライン',
} as const satisfies Record<SaveStatus, string>;

const sectionLabels = {
  overview: '事案概要',
  members: '世帯・世帯員',
  'member-history': '相談歴',
  'member-health': '健康・障がい',
  'member-finance': '収入・公的給付・債務',
  'member-work': '職業・職歴',
  'member-nationality': '国籍・在留資格',
  'progress-log': '支援経過',
  plan: '支援プラン',
  minutes: '議事録',
  ecomap: 'エコマップ',
} as const satisfies Record<CaseSection, string>;

const dateErrors = {
  format: '日付は「昭和47年3月5日」「S47.3.5」「1972-03-05」のように入力してください。',
  nonexistent: '存在しない日付です。年・月・日を確認してください。',
  outsideEra: '元号と年の組み合わせが正しくありません（例：平成は31年4月30日まで、令和は元年5月1日から）。',
  outOfRange: '明治元年1月25日（1868年）から2100年12月31日までの日付を入力してください。',
} as const satisfies Record<DateParseError, string>;

const reloginReasons = {
  expired: 'ログインの有効期限が切れました。',
  rejected: 'ログイン状態を確認できませんでした。',
} as const satisfies Record<ReloginReason, string>;

export const ja = {
  appName: 'kasane',
  documentTitle: (page: string) => `${page} | kasane`,
  skipToMain: '本文へ移動',
  loading: '読み込み中…',
  personLabel,
  // Japan time for every reader: several agencies must see the same time.
  formatDateTime: (iso: string): string => formatWarekiDateTime(iso) ?? iso,
  listSeparator: '、',
  apiErrors,

  header: {
    signedInAs: 'ログイン中：',
    logout: 'ログアウト',
    adminNav: '管理',
    audit: '監査ログ',
  },

  adminOnly: {
    heading: 'この画面を表示する権限がありません',
    body: 'この画面はシステム管理者だけが使えます。必要な場合は、システムの管理者に連絡してください。',
    title: '権限がありません',
  },

  login: {
    heading: 'ログイン',
    lead: '多機関協働の事案記録を共有するためのシステムです。所属機関から配布されたログインIDとパスワードを入力してください。',
    loginId: 'ログインID',
    password: 'パスワード',
    submit: 'ログイン',
    missingFields: 'ログインIDとパスワードを入力してください。',
  },

  relogin: {
    heading: '再ログイン',
    reason: reloginReasons,
    keepWorking:
      '入力中の内容はこの画面に残っています。もう一度ログインすると、まだ保存されていない変更も保存されます。',
    differentUser: (name: string) =>
      `別の利用者ではログインし直せません。入力中の内容を保つため、${name}さんのログインIDでログインしてください。`,
    abandon: '作業を中止する',
    abandonNote: '中止するとログイン画面に戻ります。まだ保存されていない変更は失われます。',
  },

  caseList: {
    heading: '事案一覧',
    tableCaption: '参加している事案',
    household: '世帯',
    title: '件名',
    status: '状況',
    leadAgency: '主担当機関',
    updatedAt: '最終更新',
    openTasks: '未完了タスク',
    openTasksCount: (count: number) => `${count}件`,
    unread: '未読',
    unreadCount: (count: number) => `${count}件`,
    notEntered: '未入力',
    householdHidden: '（共有されていません）',
    empty: '参加している事案はまだありません。',
    noMatch: '条件に合う事案はありません。',
    filtersHeading: '絞り込み',
    search: '氏名・ふりがなで検索',
    searchHint: '世帯員の氏名・ふりがなの一部で探せます（ひらがな・カタカナどちらでも）。',
    statusFilter: '状況で絞り込み',
    agencyFilter: '機関で絞り込み',
    all: 'すべて',
    resultCount: (count: number) => `${count}件の事案`,
  },

  newCase: {
    heading: '新規事案',
    title: '件名',
    titleHint: '200文字以内で入力してください。',
    submit: '作成',
    invalidTitle: '件名を200文字以内で入力してください。',
  },

  casePage: {
    backToList: '事案一覧へ',
    leadAgency: '主担当機関',
    agencies: '参加機関',
    notFound: 'この事案は見つかりませんでした。',
    forbidden: 'この事案を閲覧する権限がありません。',
    tabsLabel: '事案の記録',
    historyTab: '履歴',
    sharingTab: '共有設定',
    pageTitle: (tab: string, title: string) => `${tab}：${title}`,
  },

  sectionLabels,

  section: {
    accessDenied: (label: string) => `「${label}」を開く権限がありません。`,
    hidden: (label: string) => `「${label}」はこの機関には共有されていません。`,
    /** Shown on its own, above the explanation, wherever a section is shown masked. */
    maskedBadge: 'マスキング表示中',
    masked: (label: string) =>
      `「${label}」は、共有設定によりマスキングした内容を表示しています（氏名・連絡先などは伏せてあります）。編集はできません。`,
    viewOnly: (label: string) => `「${label}」は閲覧のみできます。`,
    accessChanged: (label: string) => `共有設定が変わりました。「${label}」を開き直しています…`,
    refused: (label: string) =>
      `「${label}」への直前の変更はサーバーに受け付けられなかったため、保存されている内容を読み込み直しました。直前に入力した内容を確認し、必要なら入力し直してください。`,
    refusedBecause: 'サーバーが示した理由：',
    dismiss: '閉じる',
  },

  fields: {
    editing: (person: string) => `${person}が入力中`,
    lastChanged: (person: string, at: string) => `最終更新：${person} ${at}`,
    notSelected: '未選択',
    dateHint: '例：昭和47年3月5日、S47.3.5、1972-03-05',
    dateErrors,
    age: (years: number) => `${years}歳`,
    moneyHint: '例：120,000（全角数字も使えます）',
    moneyErrors: {
      format: '金額は数字で入力してください（例：120,000）。',
      tooLarge: '金額が大きすぎます。',
    },
    yen: '円',
    remove: (item: string) => `${item} を削除`,
  },

  overview: {
    household: '世帯',
    householdMissing: '世帯名は未入力です（「世帯・世帯員」タブで入力できます）。',
    basicsHeading: '受付と状況',
    title: '件名',
    status: '状況',
    statusSteps: '状況の経過',
    statusNotReached: '—',
    intakeDate: '受付日',
    referralRoute: '相談経路',
    leadAgency: '主担当機関',
    consultationHeading: '相談の内容',
    chiefComplaint: '主訴',
    concerns: '相談内容',
    concernsHint: '当てはまるものをすべて選び、主なもの（◎）を1つ選びます。',
    mainConcern: '主な相談内容（◎）',
    mainConcernHint: 'チェックした相談内容から1つ選びます。',
    mainMark: '◎',
    concernDetail: '課題の詳細',
    risksHeading: 'リスク',
    risks: 'リスク',
    riskNote: 'メモ',
    backgroundHeading: '既往歴・経済状況',
    medicalHistory: '既往歴',
    economicSummary: '経済状況',
  },

  members: {
    householdHeading: '世帯',
    householdName: '世帯名',
    householdNameHint: '例：山田世帯',
    address: '住所',
    phone: '電話',
    listHeading: '世帯員',
    add: '世帯員を追加',
    unnamed: '（氏名未入力）',
    principalBadge: '本人',
    principalBadgeLabel: (agencyName: string) => `${agencyName}にとっての本人`,
    deceased: '死亡',
    chooseMember: '世帯員を選ぶと、その人の情報が表示されます。',
    noMembers: '世帯員はまだ登録されていません。',
    notFound: 'この世帯員は見つかりませんでした。',
    detailTabsLabel: (name: string) => `${name}の情報`,
    revisionMember: '表示する世帯員',
    revisionNoMembers: 'この時点では世帯員は登録されていません。',
    revisionMemberFallback: (index: number) => `世帯員 ${index}`,
    tabs: {
      basic: '基本情報',
      history: '相談歴',
      health: '健康・障がい',
      finance: '収入・公的給付・債務',
      work: '職業・職歴',
      nationality: '国籍・在留資格',
    },
    name: '氏名',
    kana: 'ふりがな',
    sex: '性別',
    birthDate: '生年月日',
    relationship: '続柄',
    memberAddress: '住所',
    memberPhone: '電話',
    livesTogether: '同居',
    deceasedField: '死亡',
    principal: 'この機関にとっての本人',
    principalHint: (agencyName: string) => `${agencyName}が支援の中心としている人です。機関ごとに選べます。`,
    history: '相談歴',
    diagnoses: '診断名・病名',
    handbooks: '障害者手帳',
    handbook: (index: number) => `手帳 ${index}`,
    handbookKind: '種類',
    handbookGrade: '等級',
    handbookGradeHint: '先に種類を選んでください。',
    handbookIssuedOn: '交付日',
    addHandbook: '手帳を追加',
    noHandbooks: '手帳は登録されていません。',
    careLevel: '要介護度',
    note: 'メモ',
    financeEntries: '収入・公的給付・債務の内訳',
    financeEntry: (index: number) => `項目 ${index}`,
    moneyKind: '種別',
    moneyLabel: '内容',
    moneyLabelHint: '例：老齢年金、生活保護、消費者金融',
    amount: '金額（円）',
    period: '単位',
    moneyNote: '備考',
    addFinanceEntry: '項目を追加',
    noFinanceEntries: '項目は登録されていません。',
    totals: '合計',
    totalsCaption: '種別・単位ごとの合計',
    totalYen: (amount: string) => `${amount}円`,
    noTotal: '—',
    jobs: '職歴',
    job: (index: number) => `職歴 ${index}`,
    employer: '勤務先',
    occupation: '職種',
    employmentType: '雇用形態',
    currentJob: '現職',
    jobFrom: '開始日',
    jobTo: '終了日',
    addJob: '職歴を追加',
    noJobs: '職歴は登録されていません。',
    nationality: '国籍',
    residenceStatus: '在留資格',
  },

  progress: {
    tableCaption: '支援経過の記録',
    occurredAt: '日時',
    agency: '機関',
    author: '記録者',
    kind: '種別',
    method: '方法',
    text: '内容',
    status: '状況',
    dueDate: '期限',
    sortAscending: '昇順',
    sortDescending: '降順',
    sortLabel: (order: string) => `日時（${order}）`,
    ascendingMark: '▲',
    descendingMark: '▼',
    sortButtonHint: '押すと並び順が切り替わります。',
    filterBy: (column: string) => `${column}で絞り込み`,
    all: 'すべて',
    empty: 'まだ記録はありません。',
    noMatch: '条件に合う記録はありません。',
    count: (shown: number, total: number) => (shown === total ? `${total}件` : `${total}件中${shown}件を表示`),
    clearFilters: '絞り込みを解除',
    notApplicable: '—',
    dueOn: (date: string) => `期限：${date}`,
    textOf: (when: string, author: string) => `内容（${when} ${author}）`,
    statusOf: (when: string, author: string) => `状況（${when} ${author}）`,
    addHeading: '記録を追加',
    add: '記録を追加',
    occurredAtHint: '日本時間',
    textRequired: '内容を入力してください。',
    occurredAtInvalid: '日時を入力してください。',
    dueDateInvalid: '期限の日付を確認してください。',
    added: '記録を追加しました。',
    notEditable: 'この記録の内容は記録した機関だけが変更できます。状況はどの機関からも変更できます。',
  },

  plan: {
    issues: '課題',
    goals: '目標',
    goalsInOwnWords: '本人の言葉（目標）',
    goalsInOwnWordsHint: '本人が話した言葉のまま記録します。',
    reviewDate: '見直し予定日',
    leadAgencyAfterClosure: '終結後の主担当機関',
    rolesHeading: '役割分担',
    role: (index: number) => `役割 ${index}`,
    agency: '機関',
    task: '内容',
    dueDate: '期限',
    status: '状況',
    addRole: '役割を追加',
    noRoles: '役割分担はまだありません。',
  },

  minutes: {
    heading: '議事録',
    editorLabel: '議事録',
    help: '行頭に「# 」で見出し、「- 」で箇条書き、「1. 」で番号付きの箇条書きになります。入力した内容は自動で保存されます。',
    accessDenied: 'この議事録を開く権限がありません。',
  },

  presence: {
    heading: 'いまこのタブを開いている人',
  },

  saveStatus,

  sharing: jaSharing,
  history: jaHistory,
  admin: jaAdmin,
  chat: jaChat,
  ecomap: jaEcomap,
  meetings: jaMeetings,
  print: jaPrint,
} as const;
