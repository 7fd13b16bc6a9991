import { open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { DataFolderError } from './dataFolderError.ts';
import { commandLineOf, isRunning } from './processes.ts';

const LOCK_FILE = 'kasane.lock';

export interface DataFolderLock {
  release(): Promise<void>;
}

/** A lock left by a kasane that is no longer running (killed, or the machine restarted). */
async function isStale(pid: number): Promise<boolean> {
  if (pid === process.pid || !isRunning(pid)) return true;
  const commandLine = await commandLineOf(pid);
  return commandLine !== null && !commandLine.includes('node');
}

/**
 * One kasane per data folder: two would start two PostgreSQL servers on one cluster. The lock
 * file is created exclusively, so two starts at the same moment cannot both win; a lock whose
 * process has gone is taken over.
 */
export async function lockDataFolder(dataDir: string): Promise<DataFolderLock> {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      await handle.close();
      return {
        async release() {
          await unlink(file).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readFile(file, 'utf8')
      .then((text) => Number((JSON.parse(text) as { pid?: unknown }).pid))
      .catch(() => Number.NaN);
    // A lock file cut short by a crash while it was written belongs to nobody.
    if (Number.isNaN(holder) || (await isStale(holder))) {
      await unlink(file).catch(() => undefined);
      continue;
    }
    throw new DataFolderError(
      [
        `データフォルダ ${dataDir} は、別の kasane（プロセス番号 ${holder}）が使用中です。`,
        '同じデータフォルダで kasane を二つ同時に起動することはできません。',
        '先に起動した kasane を停止するか（Ctrl+C）、別のデータフォルダを KASANE_DATA_DIR で指定してください。',
      ].join('\n'),
      'in-use',
    );
  }
  throw new DataFolderError(`データフォルダ ${dataDir} のロックを取得できませんでした。もう一度起動してください。`, 'in-use');
}
