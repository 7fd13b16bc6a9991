import { isApiRequestError } from './apiClient.ts';
import { ja } from '../i18n/ja.ts';

/** Maps any failure of a call to the catalogue text the user should read. */
export function errorMessage(error: unknown): string {
  return isApiRequestError(error) ? ja.apiErrors[error.code] : ja.apiErrors.internal;
}
