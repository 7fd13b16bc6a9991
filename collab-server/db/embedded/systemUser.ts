import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Logger } from '../../logger.ts';

const run = promisify(execFile);

export interface ServerUser {
  readonly uid: number;
  readonly gid: number;
  readonly name: string;
}

const SYSTEM_USER = 'postgres';

async function idsOf(name: string): Promise<ServerUser | null> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()), name };
  } catch {
    return null;
  }
}

/**
 * PostgreSQL refuses to run as root. When kasane is root (containers, CI), the server runs as
 * the unprivileged system user `postgres`, created if the machine has none; otherwise it runs as
 * kasane's own user (null).
 */
export async function serverUser(logger: Logger): Promise<ServerUser | null> {
  if (process.getuid?.() !== 0) return null;
  let user = await idsOf(SYSTEM_USER);
  if (!user) {
    await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SYSTEM_USER]);
    user = await idsOf(SYSTEM_USER);
    logger.info({ user: SYSTEM_USER }, 'created the system user for the embedded PostgreSQL');
  }
  if (!user) throw new Error(`system user ${SYSTEM_USER} could not be created`);
  logger.info({ user: user.name, uid: user.uid }, 'kasane runs as root: the embedded PostgreSQL runs as an unprivileged system user');
  return user;
}

/** Whether that user can reach (search) the folder, so PostgreSQL can open its cluster inside. */
export async function canReach(user: ServerUser | null, folder: string): Promise<boolean> {
  if (!user) return true;
  try {
    await run('test', ['-x', folder], { uid: user.uid, gid: user.gid });
    return true;
  } catch {
    return false;
  }
}
