import { readFile } from 'node:fs/promises';

/** Whether a process with this id exists (a signal 0 reaches it, or it belongs to another user). */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The command line of a running process, or null where /proc cannot tell (another OS, or gone).
 * Process ids are reused, above all in containers where every start is pid 1 or close to it, so
 * a lock is only believed when the process holding it is still the kind of program that took it.
 */
export async function commandLineOf(pid: number): Promise<string | null> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ');
  } catch {
    return null;
  }
}

/** Resolves once the process has gone, or false after the time given. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isRunning(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}
