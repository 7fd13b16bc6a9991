import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoCase } from '../../collab-server/seed/demoData.ts';
import { launchBrowser, logIn, newPerson } from '../helpers/browser.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

describe('the case record in two browsers', () => {
  it('fills a new member across tabs while another agency works on the case, live, with 和暦, sorting, filters and kana search', async () => {
    const { httpUrl } = await newKasaneServer('postgresql', { staticDir: path.resolve('dist') });
    const browser = await launchBrowser();
    const coordinator = (await newPerson(browser, httpUrl)).page;
    const houkatsu = (await newPerson(browser, httpUrl)).page;
    for (const [page, loginId] of [[coordinator, 'fukushi1'], [houkatsu, 'houkatsu1']] as const) {
      await logIn(page, loginId, DEMO_PASSWORD);
      await page.getByRole('link', { name: demoCase.title }).click();
      await page.getByRole('tab', { name: '世帯・世帯員' }).click();
    }

    // The coordinator adds a member and fills the basic tab; 包括 sees it arrive.
    await coordinator.getByRole('button', { name: '世帯員を追加' }).click();
    const basic = coordinator.getByRole('tabpanel', { name: '基本情報' });
    await basic.getByLabel('氏名').fill('山田 次郎');
    await basic.getByLabel('ふりがな').fill('やまだ じろう');
    await basic.getByLabel('生年月日').fill('S55.4.1');
    await basic.getByLabel('生年月日').press('Tab');
    await expect.poll(() => basic.getByLabel('生年月日').inputValue(), { timeout: 10_000 }).toBe('昭和55年4月1日');
    expect(await basic.textContent()).toContain('1980年4月1日');
    expect(await basic.textContent()).toMatch(/4[56]歳/);
    await expect.poll(() => houkatsu.getByRole('link', { name: /山田 次郎/ }).count(), { timeout: 15_000 }).toBe(1);

    // Meanwhile 包括 changes the household's phone; the coordinator sees it.
    const household = houkatsu.getByRole('region', { name: '世帯' });
    await household.getByLabel('電話').fill('0120-000-222');
    await expect.poll(() => coordinator.getByRole('region', { name: '世帯' }).getByLabel('電話').inputValue(), { timeout: 15_000 }).toBe('0120-000-222');

    // Other tabs of the new member: 職業・職歴 (several jobs), 健康・障がい.
    await coordinator.getByRole('tab', { name: '職業・職歴' }).click();
    await coordinator.getByRole('button', { name: '職歴を追加' }).click();
    await coordinator.getByRole('button', { name: '職歴を追加' }).click();
    await coordinator.getByRole('group', { name: '職歴 1' }).getByLabel('勤務先').fill('北町商店');
    await coordinator.getByRole('group', { name: '職歴 2' }).getByLabel('勤務先').fill('南町配送センター');
    await coordinator.getByRole('tab', { name: '健康・障がい' }).click();
    await coordinator.getByLabel('診断名・病名').fill('うつ病（疑い）');
    await expect.poll(() => coordinator.getByRole('status').textContent(), { timeout: 15_000 }).toContain('保存済み');

    // 包括 opens the same member and sees what was entered, 和暦 included.
    await houkatsu.getByRole('link', { name: /山田 次郎/ }).click();
    await expect.poll(() => houkatsu.getByRole('tabpanel', { name: '基本情報' }).getByLabel('生年月日').inputValue(), { timeout: 15_000 }).toBe('昭和55年4月1日');
    // 包括 may see 健康・障がい (編集) but not 職業・職歴 (非表示) under the seeded sharing.
    await houkatsu.getByRole('tab', { name: '健康・障がい' }).click();
    await expect.poll(() => houkatsu.getByLabel('診断名・病名').inputValue(), { timeout: 15_000 }).toBe('うつ病（疑い）');

    // 和暦 round-trips through storage: after a reload the date reads the same.
    await coordinator.reload();
    await coordinator.getByRole('tab', { name: '基本情報' }).click();
    await expect.poll(() => coordinator.getByRole('tabpanel', { name: '基本情報' }).getByLabel('生年月日').inputValue(), { timeout: 15_000 }).toBe('昭和55年4月1日');

    // 支援経過: sorted by date both ways, and filtered by a column.
    await coordinator.getByRole('tab', { name: '支援経過' }).click();
    const bodyRows = () => coordinator.getByRole('table', { name: '支援経過の記録' }).locator('tbody').getByRole('row');
    const firstRowText = async () => (await bodyRows().first().textContent()) ?? '';
    await expect.poll(firstRowText, { timeout: 15_000 }).toContain('太郎さんへの手紙');
    await coordinator.getByRole('button', { name: /日時（/ }).click();
    await expect.poll(firstRowText).toContain('民生委員（北町地区）から電話相談');
    await coordinator.getByLabel('機関で絞り込み').selectOption({ label: '架空市北部地域包括支援センター' });
    await expect.poll(() => bodyRows().count()).toBe(1);
    expect(await firstRowText()).toContain('ハナさん宅を訪問');

    // 事案一覧: found by name in hiragana and katakana, not by another name.
    await coordinator.getByRole('link', { name: '事案一覧へ' }).first().click();
    const search = coordinator.getByLabel('氏名・ふりがなで検索');
    for (const query of ['やまだ', 'ヤマダ', 'じろう']) {
      await search.fill(query);
      await expect.poll(() => coordinator.getByRole('link', { name: demoCase.title }).count(), { timeout: 10_000 }).toBe(1);
    }
    await search.fill('すずき');
    await expect.poll(() => coordinator.getByRole('link', { name: demoCase.title }).count(), { timeout: 10_000 }).toBe(0);
  });
});
