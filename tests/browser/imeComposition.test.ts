import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoCase } from '../../collab-server/seed/demoData.ts';
import { launchBrowser, logIn, newPerson, openMinutesEditor, placeCaretAtEnd } from '../helpers/browser.ts';
import { seededRandom } from '../helpers/seededRandom.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

const staticDir = path.resolve('dist');
const SEED = 20_261_123;
const ROUNDS = 6;
/** What the IME shows while A types かいぎ, and what A finally chooses. */
const compositionSteps = ['か', 'かい', 'かいぎ'];
const committed = '会議';

const editorOf = (page: Page) => page.getByRole('textbox', { name: '議事録' });

/** The text of the paragraph that starts with `marker`, without other people's caret labels. */
function paragraphText(editor: Locator, marker: string): Promise<string | null> {
  return editor.evaluate((element, marker) => {
    for (const block of element.children) {
      const copy = block.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
      const text = copy.textContent ?? '';
      if (text.startsWith(marker)) return text;
    }
    return null;
  }, marker);
}

/**
 * Puts the caret `offset` characters into the paragraph starting with `marker`, as a click there
 * would, and waits until ProseMirror has kept it there (see placeCaretAtEnd for why it may not).
 */
async function placeCaretAt(editor: Locator, marker: string, offset: number): Promise<void> {
  await expect
    .poll(
      () =>
        editor.evaluate(
          async (element, { marker, offset }) => {
            const withoutCarets = (node: Node): string => {
              const copy = node instanceof DocumentFragment ? node : node.cloneNode(true);
              if (copy instanceof Element || copy instanceof DocumentFragment) {
                for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
              }
              return copy.textContent ?? '';
            };
            const block = [...element.children].find((child) => withoutCarets(child).startsWith(marker));
            if (!block) return false;
            const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
              acceptNode: (node) =>
                node.parentElement?.closest('.collaboration-carets__caret') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
            });
            let remaining = offset;
            let target: Text | null = null;
            for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
              if (remaining <= node.data.length) {
                target = node;
                break;
              }
              remaining -= node.data.length;
            }
            if (!target) return false;
            (element as HTMLElement).focus();
            window.getSelection()?.collapse(target, remaining);
            await new Promise((resolve) => setTimeout(resolve, 50));
            const now = window.getSelection();
            if (!now || now.rangeCount === 0 || !now.isCollapsed || !block.contains(now.focusNode)) return false;
            const before = document.createRange();
            before.setStart(block, 0);
            before.setEnd(now.getRangeAt(0).startContainer, now.getRangeAt(0).startOffset);
            return withoutCarets(before.cloneContents()).length === offset;
          },
          { marker, offset },
        ),
      { timeout: 15_000 },
    )
    .toBe(true);
}

/** Counts composition events in the page, to know that A is still composing while B's text arrives. */
async function watchComposition(page: Page): Promise<() => Promise<{ start: number; end: number }>> {
  await page.evaluate(() => {
    const counts = { start: 0, end: 0 };
    (window as unknown as { compositionCounts: typeof counts }).compositionCounts = counts;
    document.addEventListener('compositionstart', () => (counts.start += 1), true);
    document.addEventListener('compositionend', () => (counts.end += 1), true);
  });
  return () => page.evaluate(() => ({ ...(window as unknown as { compositionCounts: { start: number; end: number } }).compositionCounts }));
}

async function compose(cdp: CDPSession, text: string): Promise<void> {
  await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
}

describe('typing Japanese with an IME while someone else edits the same paragraph', () => {
  it('keeps every character of both people exactly once, with nothing left of the composition', async () => {
    expect(existsSync(path.join(staticDir, 'index.html')), 'run `npm run build` first (npm test does)').toBe(true);
    const { httpUrl } = await newKasaneServer('postgresql', { staticDir });
    const browser = await launchBrowser();
    const a = (await newPerson(browser, httpUrl)).page;
    const b = (await newPerson(browser, httpUrl)).page;
    for (const [page, loginId] of [
      [a, 'fukushi1'],
      [b, 'houkatsu1'],
    ] as const) {
      await logIn(page, loginId, DEMO_PASSWORD);
      await page.getByRole('link', { name: demoCase.title }).click();
      await page.getByRole('tab', { name: '議事録' }).click();
      await openMinutesEditor(page);
    }
    const cdpA = await a.context().newCDPSession(a);
    const cdpB = await b.context().newCDPSession(b);
    const compositionCounts = await watchComposition(a);
    const random = seededRandom(SEED);
    const letters = 'abcdefghij';

    for (let round = 1; round <= ROUNDS; round += 1) {
      const marker = `R${round}-`;
      const base = `${marker}${letters}`;
      // A writes a paragraph of its own for the round; both see it before anyone composes.
      await placeCaretAtEnd(editorOf(a));
      await a.keyboard.press('Enter');
      await a.keyboard.type(base);
      await expect.poll(() => paragraphText(editorOf(b), marker), { timeout: 15_000 }).toBe(base);

      // A's caret somewhere among the letters; B's strictly before or after it, in turns (the
      // same spot would leave the order of the two insertions to the CRDT).
      const aOffset = marker.length + 1 + Math.floor(random() * (letters.length - 1));
      const bBefore = round % 2 === 0;
      const bOffset = bBefore
        ? marker.length + Math.floor(random() * (aOffset - marker.length))
        : aOffset + 1 + Math.floor(random() * (base.length - aOffset));
      const bText = `[B${round}相談]`;

      await placeCaretAt(editorOf(a), marker, aOffset);
      const before = await compositionCounts();
      for (const step of compositionSteps) await compose(cdpA, step);
      await expect.poll(() => paragraphText(editorOf(a), marker)).toContain('かいぎ');

      // B's spot is found by the base character just before it, whatever B sees of A's work.
      const anchor = base[bOffset - 1]!;
      const seenByB = (await paragraphText(editorOf(b), marker)) ?? '';
      await placeCaretAt(editorOf(b), marker, seenByB.indexOf(anchor) + 1);
      await b.keyboard.type(`[B${round}`);
      await cdpB.send('Input.insertText', { text: '相談' });
      await b.keyboard.type(']');

      // B's text reaches A while A's IME still holds かいぎ uncommitted.
      await expect.poll(() => paragraphText(editorOf(a), marker), { timeout: 15_000 }).toContain(bText);
      expect(await compositionCounts()).toEqual({ start: before.start + 1, end: before.end });
      expect(await paragraphText(editorOf(a), marker)).toContain('かいぎ');
      // What the IME shows before it is committed is A's alone.
      expect(await paragraphText(editorOf(b), marker)).not.toContain('かいぎ');

      await cdpA.send('Input.insertText', { text: committed });
      const expected = bBefore
        ? `${base.slice(0, bOffset)}${bText}${base.slice(bOffset, aOffset)}${committed}${base.slice(aOffset)}`
        : `${base.slice(0, aOffset)}${committed}${base.slice(aOffset, bOffset)}${bText}${base.slice(bOffset)}`;
      const scenario = `round ${round} (seed ${SEED}): A at ${aOffset}, B at ${bOffset}`;
      for (const page of [a, b]) {
        await expect.poll(() => paragraphText(editorOf(page), marker), { timeout: 15_000, message: scenario }).toBe(expected);
      }
      for (const page of [a, b]) {
        const text = (await paragraphText(editorOf(page), marker)) ?? '';
        for (const leftover of ['か', 'い', 'ぎ']) expect(text, scenario).not.toContain(leftover);
      }
    }

    for (const page of [a, b]) {
      await expect.poll(() => page.getByRole('status').textContent(), { timeout: 15_000 }).toContain('保存済み');
    }
    // And the server has it: a fresh load shows the same paragraphs.
    await b.reload();
    await openMinutesEditor(b);
    for (let round = 1; round <= ROUNDS; round += 1) {
      expect(await paragraphText(editorOf(b), `R${round}-`)).toEqual(await paragraphText(editorOf(a), `R${round}-`));
    }
  });
});
