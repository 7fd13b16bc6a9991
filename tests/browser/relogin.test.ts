import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoCase } from '../../collab-server/seed/demoData.ts';
import { launchBrowser, logIn, newPerson, openMinutesEditor, placeCaretAtEnd } from '../helpers/browser.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

describe('an expired login', () => {
  it('asks to log in again over the open minutes and loses nothing typed', async () => {
    const { httpUrl } = await newKasaneServer('embedded', { staticDir: path.resolve('dist'), tokenTtlSeconds: 12 });
    const browser = await launchBrowser();
    const { page } = await newPerson(browser, httpUrl);
    await logIn(page, 'houkatsu1', DEMO_PASSWORD);
    await page.getByRole('link', { name: demoCase.title }).click();
    await page.getByRole('tab', { name: '議事録' }).click();
    const editor = await openMinutesEditor(page);
    await placeCaretAtEnd(editor);
    await page.keyboard.press('Enter');
    await page.keyboard.type('包括：服薬の状況を聞き取り予定。');

    const dialog = page.getByRole('dialog', { name: '再ログイン' });
    await dialog.waitFor({ timeout: 20_000 });
    // The page under the dialog is still there, with what was typed.
    expect(await editor.textContent()).toContain('服薬の状況を聞き取り予定。');

    await dialog.getByLabel('パスワード').fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'ログイン' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await placeCaretAtEnd(editor);
    await page.keyboard.type('（再ログイン後に追記）');
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 15_000 }).toContain('保存済み');

    await page.reload();
    await expect.poll(() => editor.textContent(), { timeout: 15_000 }).toContain('服薬の状況を聞き取り予定。（再ログイン後に追記）');
  });
});
