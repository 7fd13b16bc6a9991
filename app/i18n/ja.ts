import type { ApiFailureCode } from '../http/apiClient.ts';
import type { SaveStatus } from '../collab/caseDocumentConnection.ts';
import type { ReloginReason } from '../session/sessionStore.ts';

/**
 * Every text the app shows, in one place, so that wording can be reviewed with the
 * municipalities as a whole and kept consistent (e.g. 「氏名（機関名）」 everywhere).
 */

// Fixed to Japan time: records are read by several agencies and must show the same time to all.
const dateTimeFormat = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

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
  formatDateTime: (iso: string): string => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
  },
  listSeparator: '、',
  apiErrors,

  header: {
    signedInAs: 'ログイン中：',
    logout: 'ログアウト',
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
    title: '件名',
    leadAgency: '主担当機関',
    agencies: '参加機関',
    updatedAt: '更新日時',
    empty: '参加している事案はまだありません。',
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
  },

  minutes: {
    heading: '議事録',
    editorLabel: '議事録',
    help: '行頭に「# 」で見出し、「- 」で箇条書き、「1. 」で番号付きの箇条書きになります。入力した内容は自動で保存されます。',
    accessDenied: 'この議事録を開く権限がありません。',
  },

  presence: {
    heading: 'いまこの事案を開いている人',
  },

  saveStatus,
} as const;
