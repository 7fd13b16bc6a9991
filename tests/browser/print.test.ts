import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { auditEntrySchema } from '../../model/audit.ts';
import { DEMO_PASSWORD, demoCase } from '../../collab-server/seed/demoData.ts';
import { interceptPrintDialog, launchBrowser, logIn, newPerson, openMinutesEditor, placeCaretAtEnd } from '../helpers/browser.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

const run = promisify(execFile);
const staticDir = path.resolve('dist');
const A4_RATIO = 297 / 210;

type PrintDialog = Awaited<ReturnType<typeof interceptPrintDialog>>;

/**
 * Presses 「印刷する」 and checks the order a person relies on: the browser is not asked to print
 * while the server has not yet recorded the print (its request is held here), and is asked once
 * the page says the print is in the audit log.
 */
async function pressPrint(page: Page, dialog: PrintDialog): Promise<void> {
  const button = page.getByRole('button', { name: '印刷する' });
  // Enabled once the section's stored content has arrived.
  await expect.poll(() => button.getAttribute('aria-disabled'), { timeout: 15_000 }).toBeNull();
  const before = (await dialog.requests()).length;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let arrived = false;
  const recordRoute = '**/api/cases/*/prints';
  await page.route(recordRoute, async (route) => {
    arrived = true;
    await held;
    await route.continue();
  });
  await button.click();
  await expect.poll(() => arrived, { timeout: 15_000 }).toBe(true);
  expect(await dialog.requests(), 'no print before the server has recorded it').toHaveLength(before);
  release();
  await expect.poll(() => page.getByRole('status').textContent(), { timeout: 15_000 }).toContain('印刷を監査ログに記録しました');
  await expect.poll(async () => (await dialog.requests()).length, { timeout: 15_000 }).toBe(before + 1);
  expect((await dialog.requests()).at(-1)).toContain('印刷を監査ログに記録しました');
  await page.unroute(recordRoute);
}

/** Opens the tab's print layout from its 「印刷用の表示」 link and prints it through the button. */
async function printSection(page: Page, tab: string, dialog: PrintDialog): Promise<void> {
  // The one demo case; a masking agency sees its title masked (○○世帯), so not by the full title.
  await page.getByRole('link', { name: /世帯/ }).first().click();
  await page.getByRole('tablist', { name: '事案の記録' }).getByRole('tab', { name: tab }).click();
  await page.getByRole('link', { name: '印刷用の表示' }).click();
  await page.getByRole('heading', { level: 1, name: tab }).waitFor();
  await pressPrint(page, dialog);
}

interface PrintedPdf {
  readonly text: string;
  readonly firstPage: { readonly width: number; readonly height: number };
}

/** The page as Chromium prints it, read back the way a person would see the paper. */
async function pdfOf(page: Page, directory: string, name: string): Promise<PrintedPdf> {
  const file = path.join(directory, `${name}.pdf`);
  await writeFile(file, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  await run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, path.join(directory, name)]);
  const png = (await readdir(directory)).find((entry) => entry.startsWith(`${name}-`) && entry.endsWith('.png'));
  expect(png, 'pdftoppm wrote page 1').toBeDefined();
  const bytes = await readFile(path.join(directory, png!));
  // PNG IHDR: width and height as big-endian 32-bit integers at bytes 16 and 20.
  const firstPage = { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  return { text: stdout, firstPage };
}

describe('印刷 in the browser', () => {
  it('prints 議事録 and 事案概要 on A4 with the running header and page numbers, masked for a masking agency, and records each print', async () => {
    expect(existsSync(path.join(staticDir, 'index.html')), 'run `npm run build` first (npm test does)').toBe(true);
    const server = await newKasaneServer('postgresql', { staticDir });
    const directory = await mkdtemp(path.join(os.tmpdir(), 'kasane-print-'));
    onTestFinished(() => rm(directory, { recursive: true, force: true }));
    const browser = await launchBrowser();
    const coordinator = (await newPerson(browser, server.httpUrl)).page;
    const shougai = (await newPerson(browser, server.httpUrl)).page;
    const coordinatorDialog = await interceptPrintDialog(coordinator);
    const shougaiDialog = await interceptPrintDialog(shougai);
    await logIn(coordinator, 'fukushi1', DEMO_PASSWORD);
    await logIn(shougai, 'shougai1', DEMO_PASSWORD);

    // Enough minutes for a second page, to see the running header and page numbers repeat.
    await coordinator.getByRole('link', { name: demoCase.title }).click();
    await coordinator.getByRole('tablist', { name: '事案の記録' }).getByRole('tab', { name: '議事録' }).click();
    await placeCaretAtEnd(await openMinutesEditor(coordinator));
    await coordinator.keyboard.press('Enter');
    const cdp = await coordinator.context().newCDPSession(coordinator);
    await cdp.send('Input.insertText', { text: '長い議事録の行。'.repeat(400) + '最終行' });
    await expect.poll(() => coordinator.getByRole('status').textContent(), { timeout: 15_000 }).toContain('保存済み');
    await coordinator.getByRole('link', { name: '事案一覧へ' }).click();

    await printSection(coordinator, '議事録', coordinatorDialog);
    const minutes = await pdfOf(coordinator, directory, 'minutes');
    expect(minutes.firstPage.height / minutes.firstPage.width).toBeCloseTo(A4_RATIO, 1);
    expect(minutes.text).toContain('議事録');
    expect(minutes.text).toContain('第1回 支援会議');
    expect(minutes.text).toContain('取扱注意');
    expect(minutes.text).toContain(demoCase.id);
    expect(minutes.text).toContain('最終行');
    const pages = minutes.text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, index) => {
      expect(page).toContain('取扱注意');
      expect(page).toContain(demoCase.id);
      expect(page).toMatch(new RegExp(`${index + 1} ?/ ?${pages.length}`));
    });

    await coordinator.getByRole('link', { name: '「議事録」に戻る' }).click();
    await coordinator.getByRole('link', { name: '事案一覧へ' }).click();
    await printSection(coordinator, '事案概要', coordinatorDialog);
    const overview = await pdfOf(coordinator, directory, 'overview');
    expect(overview.text).toContain('事案概要');
    expect(overview.text).toContain('ハナさん');
    expect(overview.text).toContain('太郎さん');

    await coordinator.getByRole('link', { name: '「事案概要」に戻る' }).click();
    await coordinator.getByRole('link', { name: '事案一覧へ' }).click();
    await printSection(coordinator, '支援経過', coordinatorDialog);
    const progress = await pdfOf(coordinator, directory, 'progress');
    expect(progress.text).toContain('支援経過');
    expect(progress.text).toContain('冷蔵庫の中身が少ない');
    expect(progress.text).toContain('取扱注意');

    // A 支援会議's own minutes, for the person who joins without a computer.
    await coordinator.getByRole('link', { name: '「支援経過」に戻る' }).click();
    await coordinator.getByRole('tablist', { name: '事案の記録' }).getByRole('tab', { name: '支援会議' }).click();
    await coordinator.getByRole('link', { name: '第1回支援会議を開く' }).click();
    await coordinator.getByRole('link', { name: '議事録の印刷用の表示' }).click();
    await coordinator.getByRole('heading', { level: 1, name: '支援会議の議事録' }).waitFor();
    await pressPrint(coordinator, coordinatorDialog);
    const meetingMinutes = await pdfOf(coordinator, directory, 'meeting-minutes');
    expect(meetingMinutes.text).toContain('支援会議の議事録');
    expect(meetingMinutes.text).toContain('郵便物がたまり');
    expect(meetingMinutes.text).toContain('取扱注意');
    expect(meetingMinutes.text).not.toContain('最終行');

    await printSection(shougai, '事案概要', shougaiDialog);
    const masked = await pdfOf(shougai, directory, 'overview-masked');
    expect(masked.firstPage.height / masked.firstPage.width).toBeCloseTo(A4_RATIO, 1);
    expect(masked.text).toContain('事案概要');
    expect(masked.text).toContain('マスキング表示');
    expect(masked.text).toContain('取扱注意');
    expect(masked.text).toContain(demoCase.id);
    for (const hidden of ['ハナ', '太郎']) expect(masked.text).not.toContain(hidden);

    const admin = await server.login('kanri1');
    const response = await server.api(`/audit?action=print&caseId=${demoCase.id}`, { token: admin.accessToken });
    const entries = ((await response.json()) as { entries: unknown[] }).entries.map((entry) => auditEntrySchema.parse(entry));
    expect(entries.map((entry) => [entry.loginId, entry.section, entry.detail['level']])).toEqual([
      ['shougai1', 'overview', 'masked'],
      ['fukushi1', 'minutes', 'edit'],
      ['fukushi1', 'progress-log', 'edit'],
      ['fukushi1', 'overview', 'edit'],
      ['fukushi1', 'minutes', 'edit'],
    ]);
  });
});
