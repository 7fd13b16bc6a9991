import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './measure.ts';

/** Gzip size of the JavaScript the app loads first, and of the parts loaded on demand. */
export async function bundleBench(distDir: string): Promise<BenchRow[]> {
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const assets = (await readdir(path.join(distDir, 'assets'))).filter((file) => file.endsWith('.js'));
  const initial = new Set([...html.matchAll(/assets\/([^"']+\.js)/g)].map((match) => match[1]!));
  const size = async (file: string) => gzipSync(await readFile(path.join(distDir, 'assets', file))).length;
  let initialBytes = 0;
  let lazyBytes = 0;
  const lazy: BenchRow[] = [];
  for (const file of assets) {
    const bytes = await size(file);
    if (initial.has(file)) initialBytes += bytes;
    else {
      lazyBytes += bytes;
      lazy.push({ group: 'アプリの JavaScript（gzip）', name: `遅延読み込み: ${file.replace(/-[\w-]{8}\.js$/, '')}`, bytes });
    }
  }
  return [
    { group: 'アプリの JavaScript（gzip）', name: '最初に読み込む部分', bytes: initialBytes, baseline: true },
    ...lazy.sort((a, b) => (b.bytes ?? 0) - (a.bytes ?? 0)),
    { group: 'アプリの JavaScript（gzip）', name: '遅延読み込みの合計', bytes: lazyBytes },
  ];
}
