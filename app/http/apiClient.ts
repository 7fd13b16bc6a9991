import type { ZodType } from 'zod';
import {
  caseListSchema,
  caseSummarySchema,
  sessionSchema,
  type CaseListQuery,
  type CaseSummary,
  type LoginRequest,
  type Session,
} from '../../model/api.ts';
import { myAccessSchema, type MyAccess } from '../../model/access/sharingApi.ts';
import { apiErrorSchema, type ApiErrorCode } from '../../model/apiErrors.ts';
import type { CaseId } from '../../model/documentNames.ts';
import { currentSession, requireRelogin } from '../session/sessionStore.ts';

/** The server's codes, plus the two ways a call can fail before the server gets a say. */
export type ApiFailureCode = ApiErrorCode | 'network' | 'invalid_response';

export class ApiRequestError extends Error {
  readonly code: ApiFailureCode;
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;

  constructor(code: ApiFailureCode, status: number, message: string) {
    super(message);
    this.name = 'ApiRequestError';
    this.code = code;
    this.status = status;
  }
}

export function isApiRequestError(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError;
}

export type RequestMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface RequestOptions {
  readonly method: RequestMethod;
  readonly path: string;
  readonly body?: unknown;
  /** Bearer token to send; null for the login call. */
  readonly accessToken: string | null;
  /**
   * Whether a 401 should open the re-login dialog. Off for logout: an expired token there is
   * expected and the user is leaving anyway.
   */
  readonly reportUnauthorized: boolean;
  readonly signal?: AbortSignal;
  /** Accept header; JSON unless a file (the audit CSV) is fetched. */
  readonly accept?: string;
}

async function send(options: RequestOptions): Promise<Response> {
  const headers = new Headers({ Accept: options.accept ?? 'application/json' });
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  if (options.accessToken !== null) headers.set('Authorization', `Bearer ${options.accessToken}`);

  let response: Response;
  try {
    response = await fetch(options.path, {
      method: options.method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
      // The API authenticates by header only; no cookies are needed or wanted.
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiRequestError('network', 0, `${options.method} ${options.path}: network error`);
  }

  if (response.ok) return response;

  const code = await readErrorCode(response);
  if (
    response.status === 401 &&
    options.reportUnauthorized &&
    options.accessToken !== null &&
    // A late answer to a request sent before a re-login must not ask for yet another login.
    options.accessToken === currentSession()?.accessToken
  ) {
    requireRelogin(code === 'token_expired' ? 'expired' : 'rejected');
  }
  throw new ApiRequestError(code, response.status, `${options.method} ${options.path}: ${response.status} ${code}`);
}

async function readErrorCode(response: Response): Promise<ApiFailureCode> {
  try {
    const parsed = apiErrorSchema.safeParse(await response.json());
    if (parsed.success) return parsed.data.error.code;
  } catch {
    // Not JSON (e.g. a proxy's error page): fall through to a code derived from the status.
  }
  if (response.status === 401) return 'unauthorized';
  if (response.status === 403) return 'forbidden';
  if (response.status === 404) return 'not_found';
  return 'internal';
}

async function requestJson<T>(options: RequestOptions, schema: ZodType<T>): Promise<T> {
  const response = await send(options);
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiRequestError('invalid_response', response.status, `${options.path}: body is not JSON`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiRequestError('invalid_response', response.status, `${options.path}: unexpected body shape`);
  }
  return parsed.data;
}

/** A request of the logged-in user, for the screens' own API modules. */
export interface AuthorizedRequest {
  readonly method: RequestMethod;
  readonly path: string;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  readonly accept?: string;
}

/** Sends one authenticated request; resolves only with a 2xx response. */
export function authorizedResponse(request: AuthorizedRequest): Promise<Response> {
  return send(authenticated(request.method, request.path, request));
}

/** An authenticated request whose answer must match `schema`. */
export function authorizedJson<T>(request: AuthorizedRequest, schema: ZodType<T>): Promise<T> {
  return requestJson(authenticated(request.method, request.path, request), schema);
}

/** `?a=1&b=2` of the given values, leaving out empty ones; '' when none is left. */
export function searchOf(values: Readonly<Record<string, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.size > 0 ? `?${params.toString()}` : '';
}

function authenticated(method: RequestOptions['method'], path: string, extra: Partial<RequestOptions> = {}): RequestOptions {
  return {
    method,
    path,
    accessToken: currentSession()?.accessToken ?? '',
    reportUnauthorized: true,
    ...extra,
  };
}

export function login(credentials: LoginRequest, signal?: AbortSignal): Promise<Session> {
  return requestJson(
    { method: 'POST', path: '/api/auth/login', body: credentials, accessToken: null, reportUnauthorized: false, signal },
    sessionSchema,
  );
}

export async function logout(accessToken: string): Promise<void> {
  await send({ method: 'POST', path: '/api/auth/logout', accessToken, reportUnauthorized: false });
}

export async function listCases(query: CaseListQuery, signal?: AbortSignal): Promise<CaseSummary[]> {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.status) params.set('status', query.status);
  if (query.agencyId) params.set('agencyId', query.agencyId);
  const search = params.size > 0 ? `?${params.toString()}` : '';
  const list = await requestJson(authenticated('GET', `/api/cases${search}`, { signal }), caseListSchema);
  return list.cases;
}

export function createCase(title: string): Promise<CaseSummary> {
  return requestJson(authenticated('POST', '/api/cases', { body: { title } }), caseSummarySchema);
}

export function getCase(caseId: CaseId, signal?: AbortSignal): Promise<CaseSummary> {
  return requestJson(
    authenticated('GET', `/api/cases/${encodeURIComponent(caseId)}`, { signal }),
    caseSummarySchema,
  );
}

/** This agency's access to each section of a case (編集 / 閲覧 / マスキング閲覧 / 非表示). */
export function getCaseAccess(caseId: CaseId, signal?: AbortSignal): Promise<MyAccess> {
  return requestJson(
    authenticated('GET', `/api/cases/${encodeURIComponent(caseId)}/access`, { signal }),
    myAccessSchema,
  );
}
