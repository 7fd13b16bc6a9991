import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoCase } from '../../collab-server/seed/demoData.ts';
import { launchBrowser, logIn, newPerson, openMinutesEditor, placeCaretAtEnd } from '../helpers/browser.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

const staticDir = path.resolve('dist');

describe('writing the minutes together in two browsers', () => {
  it('shows each agency the other’s text and caret, saved, and still there after a reload', async () => {
    expect(existsSync(path.join(staticDir, 'index.html')), 'run `npm run build` first (npm test does)').toBe(true);
    const { httpUrl } = await newKasaneServer('postgresql', { staticDir });
    const browser = await launchBrowser();
    const coordinator = await newPerson(browser, httpUrl);
    const houkatsu = await newPerson(browser, httpUrl);

    for (const [person, loginId] of [
      [coordinator, 'fukushi1'],
      [houkatsu, 'houkatsu1'],
    ] as const) {
      await logIn(person.page, loginId, DEMO_PASSWORD);
      await person.page.getByRole('link', { name: demoCase.title }).click();
      await person.page.getByRole('heading', { name: demoCase.title }).waitFor();
      await person.page.getByRole('tab', { name: '議事録' }).click();
    }

    const editorOf = (page: typeof coordinator.page) => page.getByRole('textbox', { name: '議事録' });
    await openMinutesEditor(coordinator.page);
    await openMinutesEditor(houkatsu.page);
    await expect.poll(() => editorOf(coordinator.page).textContent()).toContain('第1回 支援会議');

    await placeCaretAtEnd(editorOf(coordinator.page));
    await coordinator.page.keyboard.press('Enter');
    await coordinator.page.keyboard.type('福祉総合相談課：出席者を確認しました。');

    await placeCaretAtEnd(editorOf(houkatsu.page));
    await houkatsu.page.keyboard.press('Enter');
    await houkatsu.page.keyboard.type('包括：ハナさんは週2回デイサービス利用中。');

    for (const { page } of [coordinator, houkatsu]) {
      await expect.poll(() => editorOf(page).textContent(), { timeout: 15_000 }).toContain('出席者を確認しました。');
      await expect.poll(() => editorOf(page).textContent(), { timeout: 15_000 }).toContain('週2回デイサービス利用中。');
      await expect.poll(() => page.getByRole('status').textContent(), { timeout: 15_000 }).toContain('保存済み');
    }

    // Each sees the other's caret, labelled 「氏名（機関名）」, and the other in the list of who is here.
    await expect
      .poll(() => coordinator.page.getByText('高橋 由美（架空市北部地域包括支援センター）').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() => houkatsu.page.getByText('佐藤 美咲（架空市 福祉総合相談課）').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);

    await coordinator.page.reload();
    await expect.poll(() => editorOf(coordinator.page).textContent(), { timeout: 15_000 }).toContain('週2回デイサービス利用中。');
    await expect.poll(() => editorOf(coordinator.page).textContent()).toContain('出席者を確認しました。');
  });
});
