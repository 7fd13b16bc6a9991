import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoCase } from '../../collab-server/seed/demoData.ts';
import { launchBrowser, logIn, newPerson } from '../helpers/browser.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

describe('a change the server refuses', () => {
  it('is taken back, and the page says why in Japanese beside the section', async () => {
    const { httpUrl } = await newKasaneServer('postgresql', { staticDir: path.resolve('dist') });
    const browser = await launchBrowser();
    const page = (await newPerson(browser, httpUrl)).page;
    await logIn(page, 'fukushi1', DEMO_PASSWORD);
    await page.getByRole('link', { name: demoCase.title }).click();
    await page.getByRole('tab', { name: '世帯・世帯員' }).click();
    const phone = page.getByRole('region', { name: '世帯' }).getByLabel('電話');
    await expect.poll(() => phone.getAttribute('readonly'), { timeout: 15_000 }).toBeNull();
    const before = await phone.inputValue();
    // A client that does not hold the field's limit (an older page, or a crafted one): the server does.
    await phone.evaluate((input) => input.removeAttribute('maxlength'));
    await phone.fill('0'.repeat(250));

    const alert = page.getByRole('alert').filter({ hasText: 'サーバーに受け付けられなかった' });
    await expect.poll(() => alert.count(), { timeout: 15_000 }).toBe(1);
    expect(await alert.textContent()).toContain('サーバーが示した理由');
    expect((await alert.getByRole('listitem').allTextContents()).join('')).not.toBe('');
    await expect.poll(() => page.getByRole('region', { name: '世帯' }).getByLabel('電話').inputValue(), { timeout: 15_000 }).toBe(before);
    await alert.getByRole('button', { name: '閉じる' }).click();
    await expect.poll(() => alert.count()).toBe(0);
  });
});
