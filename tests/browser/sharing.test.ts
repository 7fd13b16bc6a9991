import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoCase } from '../../collab-server/seed/demoData.ts';
import { launchBrowser, logIn, newPerson } from '../helpers/browser.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

const staticDir = path.resolve('dist');

describe('共有設定 in the browser', () => {
  it('masks 世帯・世帯員 for 自立相談 while its worker has the tab open, without a reload', async () => {
    expect(existsSync(path.join(staticDir, 'index.html')), 'run `npm run build` first (npm test does)').toBe(true);
    const { httpUrl } = await newKasaneServer('postgresql', { staticDir });
    const browser = await launchBrowser();
    const coordinator = (await newPerson(browser, httpUrl)).page;
    const jiritsu = (await newPerson(browser, httpUrl)).page;

    // 自立相談 sees the household under 閲覧, names and all.
    await logIn(jiritsu, 'jiritsu1', DEMO_PASSWORD);
    await jiritsu.getByRole('link', { name: demoCase.title }).click();
    await jiritsu.getByRole('tab', { name: '世帯・世帯員' }).click();
    const jiritsuPanel = jiritsu.getByRole('tabpanel', { name: '世帯・世帯員' });
    await expect.poll(() => jiritsuPanel.getByRole('link', { name: /山田 ハナ/ }).count(), { timeout: 15_000 }).toBe(1);
    expect(await jiritsuPanel.textContent()).toContain('閲覧のみできます');
    // Only the coordinating agency is offered the sharing.
    expect(await jiritsu.getByRole('tab', { name: '共有設定' }).count()).toBe(0);
    // Survives only as long as the page is not loaded again.
    await jiritsu.evaluate(() => {
      (window as unknown as Record<string, unknown>)['kasaneNotReloaded'] = true;
    });

    await logIn(coordinator, 'fukushi1', DEMO_PASSWORD);
    await coordinator.getByRole('link', { name: demoCase.title }).click();
    await coordinator.getByRole('tablist', { name: '事案の記録' }).getByRole('tab', { name: '共有設定' }).click();
    const cell = coordinator.getByLabel('架空市社会福祉協議会 自立相談支援センター の 世帯・世帯員', { exact: true });
    await expect.poll(() => cell.inputValue(), { timeout: 15_000 }).toBe('view');
    await cell.selectOption({ label: 'マスキング閲覧' });
    await expect.poll(() => coordinator.getByText('共有設定を変更しました。').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await cell.inputValue()).toBe('masked');
    const changes = coordinator.getByRole('table', { name: '共有設定の変更履歴（新しい順）' });
    await expect.poll(() => changes.textContent()).toContain('閲覧 → マスキング閲覧');
    // The other sections it could read now reach it masked too, and the screen says why.
    await expect.poll(() => coordinator.getByText(/自立相談支援センター：世帯・世帯員を見られないため/).count()).toBe(1);

    // The open tab re-opens on the masked view by itself: pseudonyms instead of names.
    await expect.poll(() => jiritsuPanel.textContent(), { timeout: 20_000 }).toContain('A氏');
    await expect.poll(() => jiritsu.getByText('マスキング表示中', { exact: true }).count(), { timeout: 15_000 }).toBe(1);
    const panelText = (await jiritsuPanel.textContent()) ?? '';
    expect(panelText).not.toContain('山田 ハナ');
    expect(panelText).not.toContain('閲覧のみできます');
    expect(await jiritsu.evaluate(() => (window as unknown as Record<string, unknown>)['kasaneNotReloaded'])).toBe(true);
    // Nowhere else on the page either, but for the case's title: the server shows the title to
    // every agency that sees 事案概要 (自立相談 edits it), whatever its access to 世帯・世帯員.
    const pageWithoutTitle = await jiritsu.locator('main').evaluate((main) => {
      const copy = main.cloneNode(true) as HTMLElement;
      copy.querySelector('h1')?.remove();
      return copy.textContent ?? '';
    });
    expect(pageWithoutTitle).toContain('A氏');
    expect(pageWithoutTitle).not.toContain('山田 ハナ');
    // Masked means read-only, whatever the fields had allowed before.
    await jiritsuPanel.getByRole('link', { name: /A氏/ }).first().click();
    await expect.poll(() => jiritsu.getByRole('tabpanel', { name: '基本情報' }).getByLabel('氏名').inputValue(), { timeout: 15_000 }).toBe('A氏');
    expect(await jiritsu.getByRole('tabpanel', { name: '基本情報' }).getByLabel('氏名').getAttribute('readonly')).not.toBeNull();

    // The coordinator's own page follows its changes too: the header lists the agencies taking part.
    const header = coordinator.locator('dl.case-meta');
    expect(await header.textContent()).toContain('障害者相談支援事業所 あおば');
    await coordinator
      .getByRole('listitem')
      .filter({ hasText: '障害者相談支援事業所 あおば' })
      .getByRole('button', { name: '参加機関から外す' })
      .click();
    await expect.poll(() => header.textContent(), { timeout: 15_000 }).not.toContain('障害者相談支援事業所 あおば');
  });
});
