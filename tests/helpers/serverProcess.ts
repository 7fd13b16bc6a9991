import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { sessionSchema, type Session } from '../../model/api.ts';
import { DEMO_PASSWORD } from '../../collab-server/seed/demoData.ts';
import type { StorageLocation } from './storageBackends.ts';

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  kill(signal: NodeJS.Signals): Promise<void>;
}

const mainScript = path.resolve(import.meta.dirname, '../../collab-server/main.ts');

/** `node collab-server/main.ts` as a separate process, so that it can be killed for real. */
export async function startServerProcess(storage: StorageLocation, requestedPort = 0): Promise<ServerProcess> {
  const child = spawn(process.execPath, [mainScript], {
    env: {
      ...process.env,
      PORT: String(requestedPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      KASANE_DATA_DIR: storage.dataDir,
      DATABASE_URL: storage.databaseUrl ?? '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  onTestFinished(() => kill('SIGKILL'));
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/localhost:(\d+)/.exec(output);
      if (match?.[1]) resolve(Number(match[1]));
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
  return { child, port, kill };
}

/** A port that was free a moment ago, for a server that must come back on the same one. */
export { freePort } from '../../collab-server/net/freePort.ts';

/** Starts `node collab-server/main.ts` expecting it to refuse to start: its exit code and what it printed. */
export async function startServerProcessExpectingRefusal(storage: StorageLocation): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [mainScript], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', KASANE_DATA_DIR: storage.dataDir, DATABASE_URL: storage.databaseUrl ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  return { code, output };
}

/** Logs in to a server started by `startServerProcess`, as the app does. */
export async function loginAt(port: number, loginId: string, password = DEMO_PASSWORD): Promise<Session> {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginId, password }),
  });
  return sessionSchema.parse(await response.json());
}
