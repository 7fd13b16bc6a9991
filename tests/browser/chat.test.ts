import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../collab-server/seed/demoData.ts';
import { launchBrowser, logIn, newPerson } from '../helpers/browser.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

const staticDir = path.resolve('dist');
const HOUKATSU = '架空市北部地域包括支援センター';

async function openChat(page: Page, loginId: string): Promise<void> {
  await logIn(page, loginId, DEMO_PASSWORD);
  // あおば sees 事案概要 masked, and so the title with pseudonyms: the case is the list's only one.
  await page.getByRole('table', { name: '参加している事案' }).getByRole('link').first().click();
  await page.getByRole('tablist', { name: '事案の記録' }).getByRole('tab', { name: 'チャット' }).click();
  await page.getByLabel('メッセージ', { exact: true }).waitFor();
}

const messagesOf = (page: Page) => page.getByRole('tabpanel', { name: 'チャット' }).getByRole('list', { name: 'メッセージ一覧' });
/** What the messages say ('' while there are none), without waiting for the list to appear. */
const chatText = async (page: Page) => (await messagesOf(page).allTextContents()).join('\n');

describe('チャット in the browser', () => {
  it('brings a limited message live only to the agencies it is for, and an unlimited one to all', async () => {
    expect(existsSync(path.join(staticDir, 'index.html')), 'run `npm run build` first (npm test does)').toBe(true);
    const { httpUrl } = await newKasaneServer('postgresql', { staticDir });
    const browser = await launchBrowser();
    const fukushi = (await newPerson(browser, httpUrl)).page;
    const houkatsu = (await newPerson(browser, httpUrl)).page;
    const shougai = (await newPerson(browser, httpUrl)).page;

    await openChat(houkatsu, 'houkatsu1');
    await openChat(shougai, 'shougai1');
    await openChat(fukushi, 'fukushi1');
    expect(await houkatsu.url()).toMatch(/\/cases\/[^/]+\/chat$/);

    // A message only for 包括.
    const limitGroup = fukushi.getByRole('group', { name: '公開先を限定する' });
    await limitGroup.getByRole('checkbox', { name: HOUKATSU }).check();
    await fukushi.getByLabel('メッセージ', { exact: true }).fill('包括さんだけに：訪問日を調整したいです');
    await fukushi.getByRole('button', { name: '送信' }).click();
    await expect.poll(() => chatText(fukushi), { timeout: 15_000 }).toContain('包括さんだけに');
    await expect.poll(() => fukushi.getByLabel('メッセージ', { exact: true }).inputValue()).toBe('');

    // 包括 sees it without reloading, with who wrote it and to whom it is limited.
    await expect.poll(() => chatText(houkatsu), { timeout: 15_000 }).toContain('包括さんだけに');
    const limited = messagesOf(houkatsu).getByRole('listitem').filter({ hasText: '包括さんだけに' });
    const limitedText = (await limited.textContent()) ?? '';
    expect(limitedText).toContain('佐藤 美咲（架空市 福祉総合相談課）');
    expect(limitedText).toContain('公開先：');
    expect(limitedText).toContain(HOUKATSU);
    expect(limitedText).toMatch(/令和\d+年\d+月\d+日 \d\d:\d\d/);

    // Then one for everyone.
    await fukushi.getByLabel('メッセージ', { exact: true }).fill('皆さんへ：次回の支援会議は来週です');
    await fukushi.getByRole('button', { name: '送信' }).click();
    for (const page of [fukushi, houkatsu, shougai]) {
      await expect.poll(() => chatText(page), { timeout: 15_000 }).toContain('皆さんへ');
    }
    const everyone = messagesOf(houkatsu).getByRole('listitem').filter({ hasText: '皆さんへ' });
    expect(await everyone.textContent()).not.toContain('公開先：');

    // あおば got the later message but never the limited one, even after several polls' worth of time.
    for (let second = 0; second < 6; second += 1) {
      expect(await chatText(shougai)).not.toContain('包括さんだけに');
      await shougai.waitForTimeout(1_000);
    }
    // Nor after opening the chat afresh.
    await shougai.reload();
    await expect.poll(() => chatText(shougai), { timeout: 15_000 }).toContain('皆さんへ');
    expect(await chatText(shougai)).not.toContain('包括さんだけに');

    // 事案一覧 counts what is unread: 自立相談 has not opened the chat and may read only the one for everyone.
    const jiritsu = (await newPerson(browser, httpUrl)).page;
    await logIn(jiritsu, 'jiritsu1', DEMO_PASSWORD);
    const table = jiritsu.getByRole('table', { name: '参加している事案' });
    // The list arrives after the page: read its headers once they are there.
    await expect.poll(() => table.getByRole('columnheader').allTextContents(), { timeout: 15_000 }).toContain('未読');
    const unreadColumn = (await table.getByRole('columnheader').allTextContents()).indexOf('未読');
    const unreadCell = table.getByRole('row').nth(1).getByRole('cell').or(table.getByRole('row').nth(1).getByRole('rowheader')).nth(unreadColumn);
    await expect.poll(() => unreadCell.textContent(), { timeout: 15_000 }).toBe('1件');
  });
});
