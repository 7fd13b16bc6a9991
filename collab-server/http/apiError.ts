import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError, ApiErrorCode } from '../../model/apiErrors.ts';

const messages: Record<ApiErrorCode, string> = {
  invalid_input: '入力内容に誤りがあります',
  unauthorized: 'ログインが必要です',
  token_expired: 'ログインの有効期限が切れました',
  invalid_credentials: 'ログインIDまたはパスワードが正しくありません',
  forbidden: 'この操作は許可されていません',
  not_found: '見つかりません',
  payload_too_large: 'データが大きすぎます',
  internal: 'サーバーでエラーが発生しました',
};

export function apiError(code: ApiErrorCode, issues?: ApiError['error']['issues']): ApiError {
  return { error: { code, message: messages[code], ...(issues ? { issues } : {}) } };
}

export function respondWithError(c: Context, status: ContentfulStatusCode, code: ApiErrorCode) {
  return c.json(apiError(code), status);
}

export function invalidInput(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): ApiError {
  return apiError(
    'invalid_input',
    error.issues.map((issue) => ({
      path: issue.path.filter((key): key is string | number => typeof key !== 'symbol'),
      message: issue.message,
    })),
  );
}
