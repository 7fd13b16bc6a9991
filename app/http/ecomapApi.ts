import { clientConfigSchema, type ClientConfig } from '../../model/api.ts';
import type { CaseId } from '../../model/documentNames.ts';
import {
  ecomapSnapshotListSchema,
  type CreateEcomapSnapshotRequest,
  type EcomapSnapshot,
  type RecordEcomapExportRequest,
} from '../../model/ecomap/ecomapApi.ts';
import { authorizedJson, authorizedResponse } from './apiClient.ts';

export async function listEcomapSnapshots(caseId: CaseId, signal?: AbortSignal): Promise<EcomapSnapshot[]> {
  return (await authorizedJson({ method: 'GET', path: `/api/cases/${caseId}/ecomap/snapshots`, signal }, ecomapSnapshotListSchema)).snapshots;
}

export async function saveEcomapSnapshot(caseId: CaseId, request: CreateEcomapSnapshotRequest): Promise<EcomapSnapshot[]> {
  return (await authorizedJson({ method: 'POST', path: `/api/cases/${caseId}/ecomap/snapshots`, body: request }, ecomapSnapshotListSchema)).snapshots;
}

/** Recorded before the file or the print leaves the browser. */
export async function recordEcomapExport(caseId: CaseId, request: RecordEcomapExportRequest): Promise<void> {
  await authorizedResponse({ method: 'POST', path: `/api/cases/${caseId}/ecomap/exports`, body: request });
}

export function getClientConfig(signal?: AbortSignal): Promise<ClientConfig> {
  return authorizedJson({ method: 'GET', path: '/api/client-config', signal }, clientConfigSchema);
}
