import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../collab-server/seed/demoData.ts';
import { interceptPrintDialog, launchBrowser, logIn, newPerson } from '../helpers/browser.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

const staticDir = path.resolve('dist');
const run = promisify(execFile);

/** Every address the page asked for, to show that nothing left the machine. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

async function openEcomap(page: Page, loginId: string): Promise<void> {
  await logIn(page, loginId, DEMO_PASSWORD);
  await page.getByRole('table', { name: '参加している事案' }).getByRole('link').first().click();
  await page.getByRole('tablist', { name: '事案の記録' }).getByRole('tab', { name: 'エコマップ' }).click();
  await page.getByRole('application', { name: 'エコマップの描画領域' }).waitFor();
}

const canvasOf = (page: Page) => page.getByRole('application', { name: 'エコマップの描画領域' });
const canvasText = async (page: Page) => (await canvasOf(page).textContent()) ?? '';

describe('エコマップ in the browser', () => {
  it('is drawn by two agencies together, saved as of a date, compared and exported, with no request leaving localhost', async () => {
    expect(existsSync(path.join(staticDir, 'index.html')), 'run `npm run build` first (npm test does)').toBe(true);
    const { httpUrl } = await newKasaneServer('postgresql', { staticDir });
    const browser = await launchBrowser();
    const fukushi = (await newPerson(browser, httpUrl)).page;
    const houkatsu = (await newPerson(browser, httpUrl)).page;
    const shougai = (await newPerson(browser, httpUrl)).page;
    const requests = [...[fukushi, houkatsu, shougai].map(recordRequests)];
    const fukushiPrintDialog = await interceptPrintDialog(fukushi);

    await openEcomap(fukushi, 'fukushi1');
    await openEcomap(houkatsu, 'houkatsu1');
    await openEcomap(shougai, 'shougai1');

    // The first interview's map, with members drawn from the household each agency may see:
    // 福祉 and 包括 see names; the 障害 office (no consent yet: household and map masked) sees
    // 「A氏」「B氏」 and cannot draw.
    await expect.poll(() => canvasText(fukushi), { timeout: 20_000 }).toContain('山田 ハナ');
    await expect.poll(() => canvasText(houkatsu), { timeout: 20_000 }).toContain('山田 太郎');
    await expect.poll(() => canvasText(shougai), { timeout: 20_000 }).toContain('A氏');
    expect(await canvasText(shougai)).not.toContain('山田 ハナ');
    expect(await shougai.getByRole('button', { name: '機関・社会資源を置く' }).count()).toBe(0);

    // 福祉 adds a resource; the others see it appear without reloading.
    const palette = fukushi.getByRole('group', { name: '機関・社会資源' });
    await palette.getByLabel('種別').selectOption('教育');
    await palette.getByLabel('名称').fill('架空市立北中学校');
    await palette.getByRole('button', { name: '機関・社会資源を置く' }).click();
    await expect.poll(() => canvasText(houkatsu), { timeout: 15_000 }).toContain('架空市立北中学校');
    await expect.poll(() => canvasText(shougai), { timeout: 15_000 }).toContain('架空市立北中学校');

    // …and 包括 adds one that 福祉 sees.
    const houkatsuPalette = houkatsu.getByRole('group', { name: '機関・社会資源' });
    await houkatsuPalette.getByLabel('種別').selectOption('障害福祉');
    await houkatsuPalette.getByLabel('名称').fill('相談支援専門員');
    await houkatsuPalette.getByRole('button', { name: '機関・社会資源を置く' }).click();
    await expect.poll(() => canvasText(fukushi), { timeout: 15_000 }).toContain('相談支援専門員');

    // Each sees the other's cursor with the name the server took from the token.
    const box = (await canvasOf(fukushi).boundingBox())!;
    await expect
      .poll(
        async () => {
          await fukushi.mouse.move(box.x + box.width / 2 + Math.random() * 40, box.y + box.height / 2);
          return canvasText(houkatsu);
        },
        { timeout: 15_000 },
      )
      .toContain('佐藤 美咲（架空市 福祉総合相談課）');

    // Saved as of the meeting, and compared side by side with the first interview.
    const snapshots = fukushi.getByRole('region', { name: '時点保存と比較' });
    await snapshots.getByLabel('時点の名前').fill('第2回支援会議後');
    await snapshots.getByLabel('時点の日付').fill('2026-11-20');
    await snapshots.getByRole('button', { name: 'この時点を保存' }).click();
    await expect.poll(() => snapshots.getByRole('status').textContent()).toContain('第2回支援会議後');
    await snapshots.getByLabel('左に表示する時点').selectOption({ label: '令和8年11月12日\u3000初回面談時' });
    await snapshots.getByLabel('右に表示する時点').selectOption({ label: '令和8年11月20日\u3000第2回支援会議後' });
    const comparison = snapshots.getByRole('group', { name: '時点の比較' });
    await expect.poll(() => comparison.locator('figcaption').allTextContents()).toEqual(['令和8年11月12日\u3000初回面談時', '令和8年11月20日\u3000第2回支援会議後']);
    await expect.poll(() => comparison.locator('img, svg').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    // Stepping through: 第2回 next to 現在, then back to the first interview.
    await snapshots.getByRole('button', { name: '次の時点' }).click();
    await expect.poll(() => comparison.locator('figcaption').allTextContents()).toEqual(['令和8年11月20日\u3000第2回支援会議後', '現在']);
    await snapshots.getByRole('button', { name: '前の時点' }).click();
    await expect.poll(() => comparison.locator('figcaption').first().textContent()).toContain('初回面談時');

    // SVG export holds the shapes themselves, as this agency sees them.
    const downloaded = fukushi.waitForEvent('download');
    await fukushi.getByRole('button', { name: 'SVGで保存' }).click();
    const svg = readFileSync((await (await downloaded).path())!, 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('架空市立北中学校');
    expect(svg).toContain('山田 ハナ');

    // A4 (landscape) print: the sheet carries the case, 「取扱注意」 and the map as drawn.
    await fukushi.getByRole('button', { name: 'A4で印刷' }).click();
    await fukushi.locator('.ecomap-print svg').waitFor({ state: 'attached' });
    await expect.poll(async () => (await fukushiPrintDialog.requests()).length).toBe(1);
    const pdfFile = path.join(await mkdtemp(path.join(tmpdir(), 'kasane-ecomap-')), 'ecomap.pdf');
    await fukushi.pdf({ path: pdfFile, preferCSSPageSize: true });
    const { stdout: pdfText } = await run('pdftotext', ['-layout', pdfFile, '-']);
    expect(pdfText).toContain('取扱注意');
    expect(pdfText).toContain('架空市立北中学校');
    expect(pdfText).not.toContain('この時点を保存');
    const { stdout: pdfInfo } = await run('pdfinfo', [pdfFile]);
    // A4 landscape: 842 × 595 points.
    expect(pdfInfo).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts/);

    const origin = new URL(httpUrl).host;
    const elsewhere = requests.flat().filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).host !== origin);
    expect(elsewhere).toEqual([]);
  });
});
