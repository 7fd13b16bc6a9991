import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const serverRoot = path.resolve('collab-server');
// Where SQL may be written: the repositories, and the database layer with its migrations.
const sqlHomes = [path.join(serverRoot, 'store'), path.join(serverRoot, 'db')];
// A call of query/exec on anything, with SQL text as its first argument.
const sqlCall = /\.(query|exec)\s*(<[^>]*>)?\s*\(\s*['`"]\s*(select|insert|update|delete|with|create|drop|alter|set|lock)\b/i;

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.ts')).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('where SQL is written', () => {
  it('only under collab-server/store/ (and the database layer), so every query has one home', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(serverRoot)) {
      if (sqlHomes.some((home) => file.startsWith(home + path.sep))) continue;
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines.forEach((line, index) => {
        if (sqlCall.test(line)) offenders.push(`${path.relative(process.cwd(), file)}:${index + 1}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
