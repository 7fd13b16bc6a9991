import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoAgencies, demoCase } from '../../collab-server/seed/demoData.ts';
import { launchBrowser, logIn, newPerson, placeCaretAtEnd } from '../helpers/browser.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

const staticDir = path.resolve('dist');
const houkatsu = demoAgencies[1]!;

describe('holding a support meeting in the browser', () => {
  it('creates a meeting, writes a decision, turns it into a plan row and closes the meeting', async () => {
    expect(existsSync(path.join(staticDir, 'index.html')), 'run `npm run build` first (npm test does)').toBe(true);
    const { httpUrl } = await newKasaneServer('postgresql', { staticDir });
    const browser = await launchBrowser();
    const { page } = await newPerson(browser, httpUrl);
    await logIn(page, 'fukushi1', DEMO_PASSWORD);
    await page.getByRole('link', { name: demoCase.title }).click();
    await page.getByRole('heading', { name: demoCase.title }).waitFor();
    await page.getByRole('tab', { name: '支援会議' }).click();

    // The seeded meetings are listed; a third is registered.
    await page.getByRole('link', { name: '第1回支援会議を開く' }).waitFor();
    await page.getByLabel('開催日').fill('2026-12-18');
    await page.getByLabel('開始時刻').fill('14:00');
    await page.getByLabel('終了時刻').fill('15:00');
    await page.getByLabel('場所').fill('架空市役所 3階 会議室A');
    await page.getByRole('radio', { name: '支援会議〈社会福祉法第106条の6、守秘義務〉' }).check();
    await page.getByRole('checkbox', { name: '高橋 由美' }).check();
    await page.getByRole('button', { name: '機関外の出席者を追加' }).click();
    await page.getByLabel('氏名').fill('北町地区 民生委員');
    await page.getByLabel('立場（民生委員など）').fill('民生委員');
    await page.getByLabel('議題').fill('区分変更の申請について');
    await page.getByRole('button', { name: '登録する' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '登録しました' }).textContent()).toContain('第3回支援会議');

    // Meeting mode: the meeting's own minutes, with the server's list of who is connected.
    await page.getByRole('link', { name: '第3回支援会議を開く' }).click();
    await page.getByRole('heading', { name: '第3回支援会議' }).waitFor();
    const editor = page.getByRole('textbox', { name: '支援会議の議事録' });
    await expect.poll(() => editor.getAttribute('contenteditable'), { timeout: 15_000 }).toBe('true');
    const present = page.getByRole('list', { name: 'いま接続している出席者' });
    await expect.poll(() => present.textContent(), { timeout: 15_000 }).toContain('佐藤 美咲（架空市 福祉総合相談課）');

    await page.getByRole('button', { name: '全画面で書く' }).click();
    await expect.poll(() => page.getByRole('button', { name: '全画面を終える' }).getAttribute('aria-pressed')).toBe('true');
    await placeCaretAtEnd(editor);
    const decision = '包括：ハナさんの要介護認定の区分変更を申請する';
    await page.keyboard.type(decision);
    await page.getByRole('button', { name: '決定事項にする' }).click();
    await expect.poll(() => editor.locator('section[data-type="decision"]').textContent()).toContain(decision);
    await page.getByRole('button', { name: '全画面を終える' }).click();

    // The line the caret is in is the decision; 包括 is picked from its text.
    const form = page.getByRole('form', { name: '決定事項を役割分担・タスクにする' });
    await expect.poll(() => form.getByLabel('内容').inputValue()).toBe(decision);
    await expect.poll(() => form.getByLabel('担当機関').inputValue()).toBe(houkatsu.id);
    await form.getByLabel('登録先').selectOption({ label: '支援プランの役割分担' });
    await form.getByLabel('期限').fill('2026-12-25');
    await form.getByRole('button', { name: '登録する' }).click();
    await expect
      .poll(() => form.getByRole('status').textContent(), { timeout: 15_000 })
      .toBe(`支援プランの役割分担に追加しました（担当：${houkatsu.name}）。`);
    await expect.poll(() => page.getByRole('list', { name: 'この会議で決めた役割分担・タスク' }).textContent()).toContain(decision);
    await expect.poll(() => page.getByRole('status').filter({ hasText: '保存済み' }).count(), { timeout: 15_000 }).toBeGreaterThan(0);

    // It is a 役割分担 row of the plan, for 包括.
    await page.getByRole('tab', { name: '支援プラン' }).click();
    const row = page.getByRole('group', { name: '役割 4' });
    await expect.poll(() => row.getByLabel('内容').inputValue(), { timeout: 15_000 }).toBe(decision);
    await expect.poll(() => row.getByLabel('機関').inputValue()).toBe(houkatsu.id);

    // Closing names the minutes as a version and shows the record.
    await page.getByRole('tab', { name: '支援会議' }).click();
    await page.getByRole('link', { name: '第3回支援会議を開く' }).click();
    await page.getByRole('button', { name: '会議を終了する' }).click();
    await page.getByRole('button', { name: '終了する' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '会議を終了し' }).textContent(), { timeout: 15_000 })
      .toBe('会議を終了し、議事録を「第3回支援会議 議事録（2026年12月18日）」として保存しました。');
    await expect.poll(() => page.getByRole('list', { name: '決定事項', exact: true }).textContent()).toContain(decision);
    await expect.poll(() => page.getByRole('heading', { name: '会議の記録' }).count()).toBe(1);
  });
});
