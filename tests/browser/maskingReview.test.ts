import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoCase } from '../../collab-server/seed/demoData.ts';
import { launchBrowser, logIn, newPerson } from '../helpers/browser.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

const staticDir = path.resolve('dist');

describe('マスキングの確認 in the sharing screen', () => {
  it('shows the coordinator what a masked agency will receive, and records an approval', async () => {
    expect(existsSync(path.join(staticDir, 'index.html')), 'run `npm run build` first (npm test does)').toBe(true);
    const { httpUrl } = await newKasaneServer('postgresql', { staticDir });
    const browser = await launchBrowser();
    const page = (await newPerson(browser, httpUrl)).page;
    await logIn(page, 'fukushi1', DEMO_PASSWORD);
    await page.getByRole('link', { name: demoCase.title }).click();
    await page.getByRole('tablist', { name: '事案の記録' }).getByRole('tab', { name: '共有設定' }).click();
    const review = page.getByRole('region', { name: 'マスキングの確認' });
    const text = review.getByLabel('確認する文章');
    const shared = review.getByLabel('マスキング閲覧の機関に届く内容');

    await text.fill('山田ハナさん（82歳）に 090.0000.2222 で連絡');
    await review.getByRole('button', { name: 'マスキング後の表示を確認' }).click();
    await expect.poll(() => shared.textContent(), { timeout: 15_000 }).toBe('A氏さん（80代）に （電話番号） で連絡');
    expect(await review.getByRole('button', { name: 'この置き換え案で共有することを承認する' }).count()).toBe(0);

    await text.fill('山*田さん宅の近くの公民館で面談');
    await review.getByRole('button', { name: 'マスキング後の表示を確認' }).click();
    await expect.poll(() => shared.textContent(), { timeout: 15_000 }).toBe('マスキング中のため表示されません');
    expect(await review.textContent()).toContain('名前などが残っているおそれがあるため表示されません');
    await review.getByRole('button', { name: 'この置き換え案で共有することを承認する' }).click();
    await expect.poll(() => review.getByRole('status').textContent(), { timeout: 15_000 }).toContain('承認しました');
    expect(await shared.textContent()).toBe('山*田さん宅の近くの公民館で面談');
  });
});
