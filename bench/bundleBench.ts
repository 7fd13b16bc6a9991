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
      lazy.push({ group: 'アプリの JavaScript（gzip）', name: `遅延読み込み: ${file.replace(/-[\w-]{8}\.js$/, '')}`, bytes, file });
    }
  }
  // What the browser holds once the ecomap tab is open: the first load plus tldraw's chunk and
  // everything it imports, each file counted once.
  const withEcomap = new Set(initial);
  const pending = assets.filter((file) => /^EcomapTab-/.test(file));
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (withEcomap.has(file) && !file.startsWith('EcomapTab-')) continue;
    withEcomap.add(file);
    const code = await readFile(path.join(distDir, 'assets', file), 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)) if (!withEcomap.has(match[1]!)) pending.push(match[1]!);
  }
  let withEcomapBytes = 0;
  for (const file of withEcomap) withEcomapBytes += await size(file);
  for (const row of lazy) if (row.file && withEcomap.has(row.file)) row.note = 'エコマップを開くと読み込む';
  return [
    { group: 'アプリの JavaScript（gzip）', name: '最初に読み込む部分', bytes: initialBytes, baseline: true },
    { group: 'アプリの JavaScript（gzip）', name: '最初に読み込む部分＋エコマップ（tldraw）を開いたとき', bytes: withEcomapBytes, ratioTo: initialBytes },
    ...lazy.sort((a, b) => (b.bytes ?? 0) - (a.bytes ?? 0)),
    { group: 'アプリの JavaScript（gzip）', name: '遅延読み込みの合計', bytes: lazyBytes },
  ];
}
