import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { onTestFinished, vi } from 'vitest';
import * as Y from 'yjs';

export interface TestProvider {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  /** Why authentication failed, once it has. */
  authenticationFailure(): string | undefined;
  /** Resolves once the server has acknowledged every local change. */
  saved(): Promise<void>;
  destroy(): void;
}

/**
 * A real @hocuspocus/provider client with its own websocket, destroyed when the calling
 * test finishes (the counterpart of Hocuspocus' `newHocuspocusProvider`).
 */
export function newProvider(options: {
  url: string;
  name: string;
  token: string | (() => string);
  WebSocketPolyfill?: typeof WebSocket;
  /** Reconnect attempts before giving up; 0 retries forever (for restart tests). */
  maxAttempts?: number;
}): TestProvider {
  const doc = new Y.Doc();
  let failure: string | undefined;
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: options.url,
    maxAttempts: options.maxAttempts ?? 3,
    ...(options.maxAttempts === 0 ? { delay: 200, minDelay: 100, factor: 1.5, maxDelay: 1_000 } : {}),
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
  });
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: options.name,
    document: doc,
    token: options.token,
    onAuthenticationFailed: ({ reason }) => {
      failure = reason;
    },
  });
  provider.attach();
  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    provider.destroy();
    websocketProvider.destroy();
    doc.destroy();
  };
  onTestFinished(destroy);
  return {
    provider,
    doc,
    authenticationFailure: () => failure,
    saved: () =>
      vi.waitFor(
        () => {
          if (!provider.isSynced || provider.hasUnsyncedChanges) throw new Error('not saved yet');
        },
        { timeout: 20_000, interval: 20 },
      ),
    destroy,
  };
}

export async function synced(client: TestProvider): Promise<void> {
  await vi.waitFor(
    () => {
      if (!client.provider.isSynced) throw new Error('not synced yet');
    },
    { timeout: 20_000, interval: 20 },
  );
}
