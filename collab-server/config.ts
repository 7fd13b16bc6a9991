import path from 'node:path';
import { z } from 'zod';

/**
 * Everything kasane reads from the environment, with defaults. Tests build a
 * configuration directly instead of touching process.env.
 */
export interface KasaneConfiguration {
  port: number;
  host: string | undefined;
  /** PostgreSQL connection string; when absent an embedded PGlite in dataDir is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** HS256 secret; when absent one is generated once and kept in the database. */
  jwtSecret: string | undefined;
  tokenTtlSeconds: number;
  /** Largest websocket message the server reads; bigger ones close the connection. */
  maxMessageBytes: number;
  /** Documents one websocket may have open at once. */
  maxDocumentsPerConnection: number;
  /** A socket that has not authenticated any document by then is closed. */
  authenticationDeadlineMs: number;
  /** Update-log rows after which a new snapshot is written. */
  snapshotEvery: number;
  /** Folder of the built app (vite build); null serves the API only. */
  staticDir: string | null;
  /** Seed demo data when the database is empty. */
  seedDemoData: boolean;
  logLevel: string;
  /** Redis for running several instances: documents are shared between them through it. */
  redisUrl: string | undefined;
  /** Key prefix in Redis, so that several deployments (or test runs) can share one Redis. */
  redisPrefix: string;
  /** Behind a reverse proxy: take the client address for the 監査ログ from X-Forwarded-For. */
  trustProxy: boolean;
  /**
   * tldraw's licence key, handed to the browser for the ecomap. tldraw needs one for production
   * deployments (not on localhost or in development); it is checked in the browser, offline.
   */
  tldrawLicenseKey: string | undefined;
}

export const defaultConfiguration: KasaneConfiguration = {
  port: 8080,
  host: undefined,
  databaseUrl: undefined,
  dataDir: path.resolve('.kasane-data'),
  jwtSecret: undefined,
  tokenTtlSeconds: 30 * 60,
  maxMessageBytes: 2 * 1024 * 1024,
  maxDocumentsPerConnection: 20,
  authenticationDeadlineMs: 10_000,
  snapshotEvery: 500,
  staticDir: path.resolve('dist'),
  seedDemoData: true,
  logLevel: 'info',
  trustProxy: false,
  redisUrl: undefined,
  redisPrefix: 'kasane',
  tldrawLicenseKey: undefined,
};

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HOST: optionalString,
  DATABASE_URL: optionalString,
  KASANE_DATA_DIR: optionalString,
  KASANE_JWT_SECRET: optionalString.refine((value) => value === undefined || value.length >= 32, {
    message: 'KASANE_JWT_SECRET は 32 文字以上にしてください',
  }),
  KASANE_TOKEN_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).optional(),
  KASANE_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).optional(),
  KASANE_SEED_DEMO: z.enum(['true', 'false']).optional(),
  LOG_LEVEL: optionalString,
  KASANE_TRUST_PROXY: z.enum(['true', 'false']).optional(),
  REDIS_URL: optionalString,
  KASANE_REDIS_PREFIX: optionalString,
  TLDRAW_LICENSE_KEY: optionalString,
});

export function configurationFromEnvironment(
  environment: NodeJS.ProcessEnv = process.env,
): KasaneConfiguration {
  const env = environmentSchema.parse(environment);
  return {
    ...defaultConfiguration,
    port: env.PORT ?? defaultConfiguration.port,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.KASANE_DATA_DIR ? path.resolve(env.KASANE_DATA_DIR) : defaultConfiguration.dataDir,
    jwtSecret: env.KASANE_JWT_SECRET,
    tokenTtlSeconds: env.KASANE_TOKEN_TTL_SECONDS ?? defaultConfiguration.tokenTtlSeconds,
    maxMessageBytes: env.KASANE_MAX_MESSAGE_BYTES ?? defaultConfiguration.maxMessageBytes,
    seedDemoData: env.KASANE_SEED_DEMO !== 'false',
    logLevel: env.LOG_LEVEL ?? defaultConfiguration.logLevel,
    trustProxy: env.KASANE_TRUST_PROXY === 'true',
    redisUrl: env.REDIS_URL,
    redisPrefix: env.KASANE_REDIS_PREFIX ?? defaultConfiguration.redisPrefix,
    tldrawLicenseKey: env.TLDRAW_LICENSE_KEY,
  };
}
