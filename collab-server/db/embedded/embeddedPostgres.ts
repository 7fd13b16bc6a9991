import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, open, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../../logger.ts';
import { pathExists } from '../pathExists.ts';
import { freePort } from '../../net/freePort.ts';
import { DataFolderError } from './dataFolderError.ts';
import { lockDataFolder, type DataFolderLock } from './dataFolderLock.ts';
import { postgresBinaries, type PostgresBinaries } from './postgresBinaries.ts';
import { commandLineOf, isRunning, waitForExit } from './processes.ts';
import { canReach, serverUser, type ServerUser } from './systemUser.ts';

/** The folders and files kasane keeps in its data folder for the embedded server. */
export function embeddedLayout(dataDir: string) {
  return {
    cluster: path.join(dataDir, 'postgres'),
    initialising: path.join(dataDir, 'postgres.initialising'),
    password: path.join(dataDir, 'postgres-password'),
    log: path.join(dataDir, 'postgres.log'),
  };
}

const DATABASE = 'kasane';
const ROLE = 'kasane';
const READY_TIMEOUT_MS = 60_000;
const LOG_KEPT_BYTES = 10 * 1024 * 1024;

export interface EmbeddedPostgres {
  readonly connectionString: string;
  /** True when this start made a new, empty cluster. */
  readonly created: boolean;
  /** The postgres process id (changes when it was restarted after dying). */
  pid(): number | undefined;
  /** Fast shutdown (SIGINT): running transactions are rolled back, committed ones are on disk. */
  stop(): Promise<void>;
}



function recoveryAdvice(dataDir: string): string {
  return [
    '対処: データフォルダは消さずに、まず丸ごとコピーを取ってください',
    `  （例: cp -a "${dataDir}" "${dataDir}.backup-$(date +%Y%m%d)"）。`,
    `PostgreSQL の記録は ${embeddedLayout(dataDir).log} にあります。`,
    '解決しない場合は、コピーと記録を添えてシステム管理者に連絡してください。',
  ].join('\n');
}

async function logTail(file: string, from: number): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.slice(from).split('\n').slice(-15).join('\n').trim();
}

/** A cluster made in a side folder and renamed into place, so a crash never leaves half of one. */
async function initialiseCluster(dataDir: string, binaries: PostgresBinaries, user: ServerUser | null, logger: Logger): Promise<void> {
  const layout = embeddedLayout(dataDir);
  await rm(layout.initialising, { recursive: true, force: true });
  const password = randomBytes(24).toString('base64url');
  await mkdir(layout.initialising, { mode: 0o700 });
  if (user) await chown(layout.initialising, user.uid, user.gid);
  // initdb reads the password from a file its own user can open; it is removed right after.
  const passwordForInitdb = path.join(dataDir, `.initdb-password-${randomBytes(4).toString('hex')}`);
  await writeFile(passwordForInitdb, `${password}\n`, { mode: 0o600 });
  if (user) await chown(passwordForInitdb, user.uid, user.gid);
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        binaries.initdb,
        [`--pgdata=${layout.initialising}`, '--auth=scram-sha-256', `--username=${ROLE}`, `--pwfile=${passwordForInitdb}`, '--encoding=UTF8', '--locale=C'],
        { ...(user ? { uid: user.uid, gid: user.gid } : {}), env: { PATH: process.env.PATH ?? '', LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.once('error', reject);
      child.once('close', (code) => (code === 0 ? resolve(text) : reject(new Error(text.trim() || `initdb exited with ${code}`))));
    });
    logger.debug({ output }, 'initdb');
  } catch (error) {
    throw new DataFolderError(
      [`データフォルダ ${dataDir} に PostgreSQL のデータベースを作れませんでした。`, String((error as Error).message), recoveryAdvice(dataDir)].join('\n'),
      'init-failed',
      { cause: error },
    );
  } finally {
    await unlink(passwordForInitdb).catch(() => undefined);
  }
  // The password is written where only kasane's own user can read it, then the cluster moves in.
  const passwordTemp = `${layout.password}.tmp`;
  await writeFile(passwordTemp, password, { mode: 0o600 });
  await rename(passwordTemp, layout.password);
  await rename(layout.initialising, layout.cluster);
  logger.info({ cluster: layout.cluster }, 'embedded PostgreSQL cluster created');
}

/**
 * A PostgreSQL left running by a kasane that was killed (it outlives its parent). It is shut
 * down with a fast shutdown, so that the new one starts from a clean stop; a stale
 * `postmaster.pid` whose process id now belongs to another program is removed.
 */
export async function stopLeftoverServer(cluster: string, logger: Logger): Promise<void> {
  const pidFile = path.join(cluster, 'postmaster.pid');
  const text = await readFile(pidFile, 'utf8').catch(() => null);
  if (text === null) return;
  const pid = Number(text.split('\n')[0]);
  if (!isRunning(pid)) return;
  const commandLine = await commandLineOf(pid);
  if (commandLine !== null && !commandLine.includes('postgres')) {
    await unlink(pidFile).catch(() => undefined);
    return;
  }
  logger.warn({ pid }, 'a PostgreSQL from an earlier kasane was still running on this data folder; shutting it down before starting again');
  const steps: [NodeJS.Signals, number][] = [['SIGINT', 30_000], ['SIGQUIT', 5_000], ['SIGKILL', 5_000]];
  for (const [signal, wait] of steps) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    if (await waitForExit(pid, wait)) return;
  }
}

/** Reasons a start may fail for a moment and succeed a little later. */
const transientStartFailure = /shared memory block|could not bind|address already in use|lock file .* already exists|is another postmaster/i;

interface Running {
  child: ChildProcess;
  exited: Promise<void>;
}

/**
 * The embedded default: a real PostgreSQL server from npm, in the data folder, listening on
 * 127.0.0.1 only with a generated password, started and stopped by kasane, restarted by it if it
 * dies, and taken over cleanly after a crash. Same SQL and `pg` driver as any other PostgreSQL.
 */
export async function startEmbeddedPostgres(dataDir: string, logger: Logger): Promise<EmbeddedPostgres> {
  const layout = embeddedLayout(dataDir);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const lock: DataFolderLock = await lockDataFolder(dataDir);
  try {
    const binaries = await postgresBinaries();
    const user = await serverUser(logger);
    if (user) {
      // The server's own user must pass through the data folder to its cluster (it can list
      // nothing: search permission only; the cluster and the password file stay private).
      const mode = (await stat(dataDir)).mode & 0o777;
      await chmod(dataDir, mode | 0o011);
      if (!(await canReach(user, dataDir))) {
        throw new DataFolderError(
          [
            `PostgreSQL 用のシステムユーザー ${user.name} がデータフォルダ ${dataDir} に入れません（上位のフォルダの権限）。`,
            'root 以外のユーザーで kasane を起動するか、KASANE_DATA_DIR を /var/lib/kasane などの場所にしてください。',
          ].join('\n'),
          'unreachable',
        );
      }
    }
    const created = !(await pathExists(path.join(layout.cluster, 'PG_VERSION')));
    if (created) await initialiseCluster(dataDir, binaries, user, logger);
    else await stopLeftoverServer(layout.cluster, logger);
    const password = (await readFile(layout.password, 'utf8')).trim();
    const port = await freePort();
    const connectionString = `postgresql://${ROLE}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
    const adminConnection = `postgresql://${ROLE}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

    // Keep the log from growing without end across many starts.
    if (((await stat(layout.log).catch(() => null))?.size ?? 0) > LOG_KEPT_BYTES) await rm(layout.log, { force: true });

    let stopping = false;
    let running: Running | undefined;

    const spawnServer = async (): Promise<Running> => {
      const logStart = (await stat(layout.log).catch(() => null))?.size ?? 0;
      const logFile = await open(layout.log, 'a', 0o600);
      // Its own process group: a Ctrl+C in the terminal reaches kasane, which stores what it
      // holds and then stops PostgreSQL, instead of both stopping at once.
      const child = spawn(
        binaries.postgres,
        ['-D', layout.cluster, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=100'],
        { ...(user ? { uid: user.uid, gid: user.gid } : {}), env: { PATH: process.env.PATH ?? '', LC_ALL: 'C' }, stdio: ['ignore', logFile.fd, logFile.fd], detached: true },
      );
      await logFile.close();
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const deadline = Date.now() + READY_TIMEOUT_MS;
      let gone = false;
      void exited.then(() => (gone = true));
      for (;;) {
        if (gone) {
          const tail = await logTail(layout.log, logStart);
          const error = new DataFolderError(
            [`データフォルダ ${dataDir} の PostgreSQL を起動できませんでした。`, 'PostgreSQL の記録（最後の部分）:', tail, recoveryAdvice(dataDir)].join('\n'),
            'start-failed',
          );
          error.transient = transientStartFailure.test(tail);
          throw error;
        }
        const client = new pg.Client({ connectionString: adminConnection, connectionTimeoutMillis: 2_000 });
        client.on('error', () => undefined);
        try {
          await client.connect();
          await client.end();
          return { child, exited };
        } catch {
          await client.end().catch(() => undefined);
        }
        if (Date.now() > deadline) {
          child.kill('SIGQUIT');
          throw new DataFolderError([`データフォルダ ${dataDir} の PostgreSQL が ${READY_TIMEOUT_MS / 1000} 秒以内に応答しませんでした。`, recoveryAdvice(dataDir)].join('\n'), 'start-failed');
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    /** Starts, retrying while an old server's memory or port is still being released. */
    const startWithRetries = async (attempts: number): Promise<Running> => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await spawnServer();
        } catch (error) {
          const transient = error instanceof DataFolderError && error.transient;
          if (!transient || attempt >= attempts) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.min(200 * attempt, 2_000)));
        }
      }
    };

    const supervise = (current: Running) => {
      void current.exited.then(async () => {
        if (stopping) return;
        logger.error({ code: current.child.exitCode, signal: current.child.signalCode }, 'the embedded PostgreSQL stopped unexpectedly; restarting it');
        for (let attempt = 1; !stopping; attempt += 1) {
          try {
            await stopLeftoverServer(layout.cluster, logger);
            running = await startWithRetries(50);
            if (stopping) {
              running.child.kill('SIGINT');
              return;
            }
            logger.warn({ pid: running.child.pid }, 'the embedded PostgreSQL is running again');
            supervise(running);
            return;
          } catch (error) {
            logger.error({ err: error, attempt }, 'the embedded PostgreSQL could not be restarted; trying again');
            await new Promise((resolve) => setTimeout(resolve, Math.min(500 * attempt, 5_000)));
          }
        }
      });
    };

    running = await startWithRetries(50);
    supervise(running);
    // Also after a crash that came between making the cluster and making its database.
    const admin = new pg.Client({ connectionString: adminConnection });
    await admin.connect();
    try {
      const { rows } = await admin.query('select 1 from pg_database where datname = $1', [DATABASE]);
      if (rows.length === 0) await admin.query(`create database ${DATABASE}`);
    } finally {
      await admin.end();
    }
    logger.info({ pid: running.child.pid, port, dataDir }, 'embedded PostgreSQL started');

    let stopped: Promise<void> | undefined;
    return {
      connectionString,
      created,
      pid: () => running?.child.pid,
      stop() {
        stopped ??= (async () => {
          stopping = true;
          const current = running;
          if (current && current.child.exitCode === null && current.child.signalCode === null) {
            current.child.kill('SIGINT');
            const timeout = setTimeout(() => current.child.kill('SIGQUIT'), 30_000);
            await current.exited;
            clearTimeout(timeout);
          }
          await lock.release();
        })();
        return stopped;
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
