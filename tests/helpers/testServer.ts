import { onTestFinished } from 'vitest';
import type { Session } from '../../model/api.ts';
import { sessionSchema } from '../../model/api.ts';
import { defaultConfiguration, type KasaneConfiguration } from '../../collab-server/config.ts';
import { createKasaneServer, type KasaneServer } from '../../collab-server/server.ts';
import { DEMO_PASSWORD } from '../../collab-server/seed/demoData.ts';
import { newStorageLocation, type StorageBackend, type StorageLocation } from './storageBackends.ts';

export interface TestServer {
  server: KasaneServer;
  storage: StorageLocation;
  httpUrl: string;
  websocketUrl: string;
  login(loginId: string, password?: string): Promise<Session>;
  api(path: string, init?: RequestInit & { token?: string }): Promise<Response>;
}

/**
 * A real kasane server on port 0 with its own fresh storage. Like Hocuspocus'
 * `newHocuspocus`, it owns its cleanup: it is closed when the calling test finishes.
 */
export async function newKasaneServer(
  backend: StorageBackend,
  overrides: Partial<KasaneConfiguration> & { storage?: StorageLocation } = {},
): Promise<TestServer> {
  const storage = overrides.storage ?? (await newStorageLocation(backend));
  const server = await createKasaneServer({
    ...defaultConfiguration,
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    staticDir: null,
    ...overrides,
    databaseUrl: storage.databaseUrl,
    dataDir: storage.dataDir,
  });
  onTestFinished(() => server.close());
  const port = await server.listen();
  const httpUrl = `http://127.0.0.1:${port}`;
  const api: TestServer['api'] = (path, init = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return fetch(`${httpUrl}/api${path}`, { ...init, headers });
  };
  return {
    server,
    storage,
    httpUrl,
    websocketUrl: `ws://127.0.0.1:${port}/collaboration`,
    api,
    async login(loginId, password = DEMO_PASSWORD) {
      const response = await api('/auth/login', { method: 'POST', body: JSON.stringify({ loginId, password }) });
      if (response.status !== 200) throw new Error(`login ${loginId} failed: ${response.status}`);
      return sessionSchema.parse(await response.json());
    },
  };
}
