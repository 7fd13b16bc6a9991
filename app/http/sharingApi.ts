import { z, type ZodType } from 'zod';
import type { AgencyAccess } from '../../model/access/accessLevels.ts';
import { sharingSchema, type consentRequestSchema, type Sharing } from '../../model/access/sharingApi.ts';
import { apiErrorSchema } from '../../model/apiErrors.ts';
import type { CaseId } from '../../model/documentNames.ts';
import { currentSession, requireRelogin } from '../session/sessionStore.ts';
import { ApiRequestError, type ApiFailureCode } from './apiClient.ts';

/*
 * apiClient.ts keeps its request function to itself and speaks only GET and POST, while 共有設定
 * needs PUT and DELETE and the audit export a body that is not JSON. Until it exports one, the
 * screens added with this file share the function below. It keeps apiClient's rules (Bearer
 * header only, no cookies, no cache, ApiRequestError with the server's code, re-login on a 401
 * of the current token) so that errorMessage() and the re-login dialog treat both alike.
 */

export type AuthorizedMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface AuthorizedRequest {
  readonly method: AuthorizedMethod;
  readonly path: string;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  /** Accept header; JSON unless a file is fetched. */
  readonly accept?: string;
}

/** Sends one authenticated request; resolves only with a 2xx response. */
export async function authorizedResponse(request: AuthorizedRequest): Promise<Response> {
  const accessToken = currentSession()?.accessToken ?? '';
  const headers = new Headers({ Accept: request.accept ?? 'application/json', Authorization: `Bearer ${accessToken}` });
  if (request.body !== undefined) headers.set('Content-Type', 'application/json');

  let response: Response;
  try {
    response = await fetch(request.path, {
      method: request.method,
      headers,
      body: request.body === undefined ? null : JSON.stringify(request.body),
      signal: request.signal ?? null,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw new ApiRequestError('network', 0, `${request.method} ${request.path}: network error`);
  }
  if (response.ok) return response;

  const code = await errorCodeOf(response);
  // A late answer to a request sent before a re-login must not ask for yet another login.
  if (response.status === 401 && accessToken === currentSession()?.accessToken) {
    requireRelogin(code === 'token_expired' ? 'expired' : 'rejected');
  }
  throw new ApiRequestError(code, response.status, `${request.method} ${request.path}: ${response.status} ${code}`);
}

async function errorCodeOf(response: Response): Promise<ApiFailureCode> {
  try {
    const parsed = apiErrorSchema.safeParse(await response.json());
    if (parsed.success) return parsed.data.error.code;
  } catch {
    // Not JSON (a proxy's error page, say): the status has to do.
  }
  if (response.status === 401) return 'unauthorized';
  if (response.status === 403) return 'forbidden';
  if (response.status === 404) return 'not_found';
  return 'internal';
}

/** An authenticated request whose answer must match `schema`. */
export async function authorizedJson<T>(request: AuthorizedRequest, schema: ZodType<T>): Promise<T> {
  const response = await authorizedResponse(request);
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw new ApiRequestError('invalid_response', response.status, `${request.path}: body is not JSON`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiRequestError('invalid_response', response.status, `${request.path}: unexpected body shape`);
  }
  return parsed.data;
}

/** `?a=1&b=2` of the given values, leaving out empty ones; '' when none is left. */
export function searchOf(values: Readonly<Record<string, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.size > 0 ? `?${params.toString()}` : '';
}

// ---- 共有設定 ---------------------------------------------------------------------------

export const agencyOptionSchema = z.object({ id: z.uuid(), name: z.string(), kind: z.string() });
export type AgencyOption = z.infer<typeof agencyOptionSchema>;
const agencyListSchema = z.object({ agencies: z.array(agencyOptionSchema) });

export type ConsentRequest = z.infer<typeof consentRequestSchema>;

const casePath = (caseId: CaseId) => `/api/cases/${encodeURIComponent(caseId)}`;

/** 403 unless the user's agency coordinates the case (or is a 多機関協働事業者 taking part). */
export function getSharing(caseId: CaseId, signal?: AbortSignal): Promise<Sharing> {
  return authorizedJson({ method: 'GET', path: `${casePath(caseId)}/sharing`, signal }, sharingSchema);
}

/** Sets only the sections named; the others keep their level. */
export function setAgencyLevels(caseId: CaseId, agencyId: string, levels: AgencyAccess): Promise<Sharing> {
  return authorizedJson(
    { method: 'PUT', path: `${casePath(caseId)}/sharing/${encodeURIComponent(agencyId)}`, body: { levels } },
    sharingSchema,
  );
}

/** Every agency of the municipality, participating or not. */
export async function listAgencies(signal?: AbortSignal): Promise<AgencyOption[]> {
  const list = await authorizedJson({ method: 'GET', path: '/api/agencies', signal }, agencyListSchema);
  return list.agencies;
}

export function addCaseAgency(caseId: CaseId, agencyId: string): Promise<Sharing> {
  return authorizedJson({ method: 'POST', path: `${casePath(caseId)}/agencies`, body: { agencyId } }, sharingSchema);
}

/** The server refuses (403) to remove the coordinating agency. */
export function removeCaseAgency(caseId: CaseId, agencyId: string): Promise<Sharing> {
  return authorizedJson(
    { method: 'DELETE', path: `${casePath(caseId)}/agencies/${encodeURIComponent(agencyId)}` },
    sharingSchema,
  );
}

export function setMeetingBasis(caseId: CaseId, agencyId: string, active: boolean): Promise<Sharing> {
  return authorizedJson(
    { method: 'PUT', path: `${casePath(caseId)}/meeting-basis/${encodeURIComponent(agencyId)}`, body: { active } },
    sharingSchema,
  );
}

export function recordConsent(caseId: CaseId, memberId: string, consent: ConsentRequest): Promise<Sharing> {
  return authorizedJson(
    { method: 'PUT', path: `${casePath(caseId)}/consents/${encodeURIComponent(memberId)}`, body: consent },
    sharingSchema,
  );
}
