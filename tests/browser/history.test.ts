import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoCase } from '../../collab-server/seed/demoData.ts';
import { launchBrowser, logIn, newPerson, openMinutesEditor, placeCaretAtEnd } from '../helpers/browser.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

const staticDir = path.resolve('dist');
const coordinatorText = '福祉総合相談課：次回の支援会議は12月4日に開催する。';
const houkatsuText = '包括：ハナさんの服薬管理をヘルパーと確認する。';

const editorOf = (page: Page) => page.getByRole('textbox', { name: '議事録' });

/** An editor's headings and paragraphs, without the other people's caret labels inside them. */
const blocksIn = (editor: Locator) =>
  editor.evaluate((editor) =>
    [...editor.children].map((block) => {
      const copy = block.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
      return copy.textContent ?? '';
    }),
  );

async function addParagraph(page: Page, text: string): Promise<void> {
  const editor = await openMinutesEditor(page);
  await placeCaretAtEnd(editor);
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
  await expect.poll(() => page.getByRole('status').textContent(), { timeout: 15_000 }).toContain('保存済み');
}

describe('履歴 in the browser', () => {
  it('names who wrote what, compares, shows a past state in the editor read-only and restores it for everyone', async () => {
    expect(existsSync(path.join(staticDir, 'index.html')), 'run `npm run build` first (npm test does)').toBe(true);
    const { httpUrl } = await newKasaneServer('postgresql', { staticDir });
    const browser = await launchBrowser();
    const coordinator = (await newPerson(browser, httpUrl)).page;
    const houkatsu = (await newPerson(browser, httpUrl)).page;
    for (const [page, loginId] of [
      [coordinator, 'fukushi1'],
      [houkatsu, 'houkatsu1'],
    ] as const) {
      await logIn(page, loginId, DEMO_PASSWORD);
      await page.getByRole('link', { name: demoCase.title }).click();
      await page.getByRole('tab', { name: '議事録' }).click();
      await openMinutesEditor(page);
    }

    // One paragraph each, one after the other, so that each is its own entry in the history.
    await addParagraph(coordinator, coordinatorText);
    await expect.poll(() => editorOf(houkatsu).textContent(), { timeout: 15_000 }).toContain(coordinatorText);
    await addParagraph(houkatsu, houkatsuText);
    await expect.poll(() => editorOf(coordinator).textContent(), { timeout: 15_000 }).toContain(houkatsuText);

    await coordinator.getByRole('tablist', { name: '事案の記録' }).getByRole('tab', { name: '履歴' }).click();
    const timeline = coordinator.getByRole('list', { name: '変更の一覧（新しい順）' });
    const entries = timeline.getByRole('article');
    await expect.poll(() => entries.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    expect(await entries.nth(0).textContent()).toContain('高橋 由美（架空市北部地域包括支援センター）');
    expect(await entries.nth(0).textContent()).toContain('議事録');
    expect(await entries.nth(1).textContent()).toContain('佐藤 美咲（架空市 福祉総合相談課）');
    expect(await entries.nth(1).textContent()).toContain('議事録');
    const newer = entries.filter({ hasText: '高橋 由美' }).first();
    const older = entries.filter({ hasText: '佐藤 美咲' }).first();

    // Older → newer: houkatsu's paragraph is what was added.
    await older.getByRole('button', { name: '比較の起点にする' }).click();
    await newer.getByRole('button', { name: '比較の終点にする' }).click();
    const comparison = coordinator.getByRole('region', { name: '比較：議事録' });
    await expect.poll(() => comparison.locator('ins').allTextContents(), { timeout: 15_000 }).toEqual(
      expect.arrayContaining([expect.stringContaining(houkatsuText)]),
    );
    expect(await comparison.locator('del').count()).toBe(0);
    await comparison.getByRole('button', { name: '比較を閉じる' }).click();

    // The older state in the same editor, not editable, without what came after it.
    await older.getByRole('button', { name: 'この時点を表示' }).click();
    const revision = coordinator.getByRole('region', { name: /^過去の版（.*時点）・閲覧のみ$/ });
    const pastEditor = revision.getByRole('textbox', { name: '議事録' });
    await expect.poll(() => pastEditor.textContent(), { timeout: 15_000 }).toContain(coordinatorText);
    expect(await pastEditor.getAttribute('contenteditable')).toBe('false');
    expect(await pastEditor.textContent()).toContain('第1回 支援会議');
    expect(await pastEditor.textContent()).not.toContain(houkatsuText);
    const pastBlocks = await blocksIn(pastEditor);
    expect(pastBlocks.at(-1)).toBe(coordinatorText);
    // Typing into it changes nothing.
    await pastEditor.click();
    await coordinator.keyboard.type('ここには書けない');
    expect(await pastEditor.textContent()).not.toContain('ここには書けない');

    await older.getByRole('button', { name: 'この時点に復元' }).click();
    const dialog = coordinator.getByRole('dialog', { name: 'この時点に復元しますか？' });
    await dialog.getByRole('button', { name: '復元する' }).click();
    await expect.poll(() => coordinator.getByText(/」を .* の時点に復元しました。/).count(), { timeout: 15_000 }).toBe(1);

    // Both live editors converge on the restored state: houkatsu's paragraph is gone, the rest stays.
    await coordinator.getByRole('tablist', { name: '事案の記録' }).getByRole('tab', { name: '議事録' }).click();
    for (const page of [coordinator, houkatsu]) {
      await expect.poll(() => blocksIn(editorOf(page)), { timeout: 15_000 }).toEqual(pastBlocks);
    }
  });

  it('shows the past state of each section in the form of its live tab, masked where this agency sees it masked', async () => {
    expect(existsSync(path.join(staticDir, 'index.html')), 'run `npm run build` first (npm test does)').toBe(true);
    const { httpUrl } = await newKasaneServer('postgresql', { staticDir });
    const browser = await launchBrowser();
    const shougai = (await newPerson(browser, httpUrl)).page;
    const errors: Error[] = [];
    shougai.on('pageerror', (error) => errors.push(error));
    await logIn(shougai, 'shougai1', DEMO_PASSWORD);
    // Straight to the tab by its address, as from a bookmark.
    await shougai.goto(`/cases/${demoCase.id}/history`);
    await shougai.getByRole('tab', { name: '履歴', selected: true }).waitFor();

    const entries = shougai.getByRole('list', { name: '変更の一覧（新しい順）' }).getByRole('article');
    await expect.poll(() => entries.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const revision = shougai.getByRole('region', { name: /^過去の版（.*時点）・閲覧のみ$/ });
    const show = async (section: string) => {
      await entries.filter({ hasText: section }).first().getByRole('button', { name: 'この時点を表示' }).click();
      await expect.poll(() => revision.textContent(), { timeout: 15_000 }).toContain(`セクション：${section}`);
      await expect.poll(() => revision.getByText('マスキング表示中', { exact: true }).count(), { timeout: 15_000 }).toBe(1);
    };

    await show('世帯・世帯員');
    const member = revision.getByLabel('表示する世帯員');
    await expect.poll(() => member.locator('option').allTextContents(), { timeout: 15_000 }).toEqual(
      expect.arrayContaining(['A氏', 'B氏']),
    );
    await member.selectOption({ label: 'B氏' });
    await expect.poll(() => revision.getByLabel('氏名').inputValue()).toBe('B氏');
    expect(await revision.getByLabel('氏名').getAttribute('readonly')).not.toBeNull();
    expect(await revision.getByLabel('世帯名').getAttribute('readonly')).not.toBeNull();
    expect(await revision.getByRole('button', { name: '世帯員を追加' }).count()).toBe(0);
    expect(await revision.textContent()).not.toContain('山田 ハナ');

    await show('健康・障がい');
    await expect.poll(() => revision.getByLabel('診断名・病名').count(), { timeout: 15_000 }).toBe(1);
    expect(await revision.getByLabel('診断名・病名').getAttribute('readonly')).not.toBeNull();

    await show('事案概要');
    expect(await revision.getByLabel('件名').getAttribute('readonly')).not.toBeNull();
    expect(await revision.getByLabel('状況', { exact: true }).isDisabled()).toBe(true);

    await show('支援経過');
    await expect.poll(() => revision.getByRole('table', { name: '支援経過の記録' }).locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await revision.getByRole('button', { name: '記録を追加' }).count()).toBe(0);

    await show('支援プラン');
    expect(await revision.getByLabel('課題').getAttribute('readonly')).not.toBeNull();
    expect(await revision.getByRole('button', { name: '役割を追加' }).count()).toBe(0);

    await show('議事録');
    const pastEditor = revision.getByRole('textbox', { name: '議事録' });
    await expect.poll(() => pastEditor.textContent(), { timeout: 15_000 }).toContain('第1回 支援会議');
    expect(await pastEditor.getAttribute('contenteditable')).toBe('false');

    expect(errors).toEqual([]);
  });
});
