import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Hocuspocus } from '@hocuspocus/server';
import { createAdaptorServer } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { resolveTokenSecret } from './store/tokenSecret.ts';
import { TokenService } from './auth/tokens.ts';
import { AuthenticationExtension } from './collaboration/AuthenticationExtension.ts';
import { AwarenessFilterExtension } from './collaboration/AwarenessFilterExtension.ts';
import { AuthenticationDeadline, ConnectionAddresses, attachCollaborationSocket } from './collaboration/collaborationSocket.ts';
import { AuditExtension } from './collaboration/AuditExtension.ts';
import { AuditTrail } from './store/auditTrail.ts';
import { restoreSection } from './history/restoreSection.ts';
import { closeMeeting } from './meetings/closeMeeting.ts';
import { writeDecision } from './meetings/decisionToTask.ts';
import { MeetingPresenceBoard, MeetingPresenceExtension, PRESENCE_REFRESH_MS, localMeetings } from './meetings/meetingPresence.ts';
import { CaseEventBus } from './events/caseEventBus.ts';
import { announcePresence, caseEventHandler, reconcileConnections } from './events/caseEventHandlers.ts';
import { redisScaleOut } from './collaboration/redisScaleOut.ts';
import { ConnectionLimitsExtension } from './collaboration/ConnectionLimitsExtension.ts';
import { DurableUpdateLogExtension } from './collaboration/DurableUpdateLogExtension.ts';
import { CaseProjectionExtension } from './collaboration/CaseProjectionExtension.ts';
import { FieldAttributionExtension } from './collaboration/FieldAttributionExtension.ts';
import { MaskedViewExtension } from './collaboration/MaskedViewExtension.ts';
import { inPipelineOrder } from './collaboration/pipeline.ts';
import { logRefusalsQuietly } from './collaboration/quietRefusals.ts';
import { CaseHistory } from './history/caseHistory.ts';
import { approvedRedactions } from './masking/readerMaskings.ts';
import { MaskingApprovalRepository } from './store/maskingApprovalRepository.ts';
import { SectionInitializationExtension } from './collaboration/SectionInitializationExtension.ts';
import { DurableAppends } from './collaboration/durableAppends.ts';
import { ServerWriter } from './collaboration/serverOrigin.ts';
import { TokenExpiryExtension } from './collaboration/TokenExpiryExtension.ts';
import { UpdateValidationExtension } from './collaboration/UpdateValidationExtension.ts';
import type { KasaneConfiguration } from './config.ts';
import type { Database } from './db/database.ts';
import { openDatabase } from './db/openDatabase.ts';
import { createApi } from './http/api.ts';
import { respondWithError } from './http/apiError.ts';
import type { AuthenticatedEnv } from './http/requireUser.ts';
import { createLogger, type Logger } from './logger.ts';
import { isDatabaseEmpty, seedDemoData } from './store/seedDemoData.ts';
import { AccessRepository } from './store/accessRepository.ts';
import { CaseRepository } from './store/caseRepository.ts';
import { MeetingRepository } from './store/meetingRepository.ts';
import { UpdateLog } from './store/updateLog.ts';

const packageJson = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };

export interface KasaneServer {
  readonly database: Database;
  readonly hocuspocus: Hocuspocus;
  readonly httpServer: HttpServer;
  readonly logger: Logger;
  /** The HTTP router (API and app shell); its `routes` are what the deny-by-default test walks. */
  readonly router: Hono;
  /** Resolves with the port actually bound (useful with port 0). */
  listen(): Promise<number>;
  close(): Promise<void>;
}

// The case list's 更新日時 need not move on every keystroke.
const CASE_TOUCH_INTERVAL_MS = 30_000;

function createCaseToucher(cases: CaseRepository, logger: Logger) {
  const lastTouched = new Map<string, number>();
  return (caseId: string) => {
    const now = Date.now();
    if (now - (lastTouched.get(caseId) ?? 0) < CASE_TOUCH_INTERVAL_MS) return;
    lastTouched.set(caseId, now);
    cases.touch(caseId).catch((error: unknown) => logger.warn({ err: error, caseId }, 'case not touched'));
  };
}

function createWebApp(api: Hono<AuthenticatedEnv>, staticDir: string | null): Hono {
  const app = new Hono();
  app.route('/api', api);
  // Sub-app notFound handlers do not apply to paths they have no route for.
  app.all('/api/*', (c) => respondWithError(c, 404, 'not_found'));
  if (staticDir) {
    const root = path.relative(process.cwd(), staticDir) || '.';
    app.use('/*', serveStatic({ root }));
    // Client-side routes (/cases/…) get the app's index.html.
    app.get('*', async (c) => {
      try {
        return c.html(await readFile(path.join(staticDir, 'index.html'), 'utf8'));
      } catch {
        return c.text('アプリがビルドされていません。npm run build を実行してください。', 503);
      }
    });
  }
  return app;
}

export async function createKasaneServer(configuration: KasaneConfiguration): Promise<KasaneServer> {
  const logger = createLogger(configuration.logLevel);
  logRefusalsQuietly(logger);
  const database = await openDatabase(configuration, logger);
  if (configuration.seedDemoData && (await isDatabaseEmpty(database))) {
    await seedDemoData(database, { reset: false });
    logger.info('demo data seeded');
  }
  const tokens = new TokenService(
    await resolveTokenSecret(database, configuration.jwtSecret),
    configuration.tokenTtlSeconds,
  );
  const cases = new CaseRepository(database);
  const touchCase = createCaseToucher(cases, logger);
  const deadline = new AuthenticationDeadline();
  const addresses = new ConnectionAddresses();
  const audit = new AuditTrail(database);
  const updateLog = new UpdateLog(database);
  // One durable append path for client updates and for what the server writes.
  const appends = new DurableAppends({
    updateLog,
    logger,
    snapshotEvery: configuration.snapshotEvery,
    onStored: (context) => touchCase(context.caseId),
  });
  const serverWriter = new ServerWriter(appends);
  // Control events (sharing changes, closed meetings, chat, presence) reach every instance's
  // connections through this bus; the Redis extension relays only documents and awareness.
  const events = new CaseEventBus(database, logger);
  const presence = new MeetingPresenceBoard(() => hocuspocus);
  const announce = (caseId: string, meetingId: string) => void announcePresence({ hocuspocus, bus: events }, caseId, meetingId);

  // Every collaboration concern is one extension, wired here and only here.
  const hocuspocus = new Hocuspocus({
    name: 'kasane',
    quiet: true,
    timeout: 30_000,
    maxPendingDocuments: configuration.maxDocumentsPerConnection,
    // The pipeline in the order it runs (pipeline.ts): the list's order is the hooks' order.
    extensions: inPipelineOrder([
      new ConnectionLimitsExtension(configuration.maxDocumentsPerConnection),
      // Before authentication, so that a document another instance changes is current when opened.
      ...(configuration.redisUrl ? [redisScaleOut(configuration.redisUrl, configuration.redisPrefix)] : []),
      new AuthenticationExtension(tokens, new AccessRepository(database), new MeetingRepository(database)),
      new TokenExpiryExtension(),
      // Before the durable log queues the update: a refused one is never stored.
      new UpdateValidationExtension(logger),
      // Before the storage extensions, which have nothing to load for a derived view.
      new MaskedViewExtension(logger, async (caseId) => ({
        former: (await new CaseHistory(database).identitiesOverTime(caseId)).earlier,
        approved: await approvedRedactions(new MaskingApprovalRepository(database), caseId),
      })),
      new AwarenessFilterExtension(),
      deadline,
      new DurableUpdateLogExtension({ updateLog, appends }),
      new FieldAttributionExtension(serverWriter),
      new CaseProjectionExtension(database, logger),
      new AuditExtension(audit, logger, addresses.addressOf),
      new MeetingPresenceExtension(announce),
      // After the durable log has loaded a document from PostgreSQL.
      new SectionInitializationExtension(serverWriter),
    ]),
  });

  const eventDependencies = { hocuspocus, database, bus: events, presence, logger };
  try {
    await events.start(caseEventHandler(eventDependencies), () => reconcileConnections(eventDependencies));
  } catch (error) {
    await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
    await database.close();
    throw error;
  }
  void events.publish({ type: 'presence-requested' });
  const presenceRefresh = setInterval(() => {
    for (const meeting of localMeetings(hocuspocus)) announce(meeting.caseId, meeting.meetingId);
  }, PRESENCE_REFRESH_MS);
  presenceRefresh.unref();

  const api = createApi({
    database,
    tokens,
    logger,
    version: packageJson.version,
    onAccessChanged: (caseId, agencyId) => events.publish({ type: 'access-changed', caseId, agencyId }),
    audit,
    deliverChat: (message) => events.publish({ type: 'chat-posted', caseId: message.caseId, messageId: message.id }),
    meetings: {
      presence: (caseId, meetingId) => presence.present(caseId, meetingId),
      writeDecision: (decision) => writeDecision({ hocuspocus, writer: serverWriter, database }, decision),
      close: (meeting, closedBy) => closeMeeting({ hocuspocus, database, publish: (event) => events.publish(event) }, meeting, closedBy),
    },
    restore: (caseId, section, seq, author) => restoreSection({ hocuspocus, database, writer: serverWriter }, caseId, section, seq, author),
    trustProxy: configuration.trustProxy,
    tldrawLicenseKey: configuration.tldrawLicenseKey,
  });
  const app = createWebApp(api, configuration.staticDir);
  const httpServer = createAdaptorServer({ fetch: app.fetch }) as HttpServer;
  const sockets = attachCollaborationSocket(httpServer, hocuspocus, deadline, addresses, {
    maxMessageBytes: configuration.maxMessageBytes,
    authenticationDeadlineMs: configuration.authenticationDeadlineMs,
  });

  let closing: Promise<void> | undefined;
  return {
    database,
    hocuspocus,
    httpServer,
    logger,
    router: app,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(configuration.port, configuration.host, () => {
          resolve((httpServer.address() as AddressInfo).port);
        });
      }),
    close() {
      closing ??= (async () => {
        clearInterval(presenceRefresh);
        hocuspocus.closeConnections();
        sockets.closeAll();
        httpServer.closeAllConnections();
        await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        // Extensions release what they hold (Redis connections, timers).
        await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
        await events.close();
        await database.close();
      })();
      return closing;
    },
  };
}
