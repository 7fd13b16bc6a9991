import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect, onTestFinished } from 'vitest';

export const CHROMIUM_PATH = process.env.KASANE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, with the background services that would try to reach the
 * internet turned off (this network is closed, and so are municipalities').
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  onTestFinished(() => browser.close());
  return browser;
}

/** An isolated browser context (its own storage, like a second person's computer), in Japanese. */
export async function newPerson(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  const page = await context.newPage();
  return { context, page };
}

export async function logIn(page: Page, loginId: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  // Workers start on the case list; the administrator, who has no cases, on the 監査ログ.
  await page.getByRole('heading', { name: /^(事案一覧|監査ログ)$/, level: 1 }).waitFor();
}

/** The minutes editor of an open case, once its stored content has arrived and it accepts typing. */
export async function openMinutesEditor(page: Page): Promise<Locator> {
  const editor = page.getByRole('textbox', { name: '議事録' });
  await expect.poll(() => editor.getAttribute('contenteditable'), { timeout: 15_000 }).toBe('true');
  return editor;
}

/** Puts the caret after the last character, as a person clicking at the end of the text would. */
export async function placeCaretAtEnd(editor: Locator): Promise<void> {
  // ProseMirror writes its own selection back into the page shortly after the editor gains
  // focus unless it has read the new one by then, which under load it may not have: the caret
  // would jump to the start. So the caret is placed until it is still at the end a moment later.
  await expect
    .poll(() =>
      editor.evaluate(async (element) => {
        (element as HTMLElement).focus();
        const selection = window.getSelection();
        selection?.selectAllChildren(element);
        selection?.collapseToEnd();
        await new Promise((resolve) => setTimeout(resolve, 50));
        const now = window.getSelection();
        if (!now || now.rangeCount === 0 || !now.isCollapsed || !element.contains(now.focusNode)) return false;
        const rest = document.createRange();
        rest.setStart(now.getRangeAt(0).endContainer, now.getRangeAt(0).endOffset);
        rest.setEnd(element, element.childNodes.length);
        // Other people's carets are widgets with their names in them, not text.
        const after = rest.cloneContents();
        for (const caret of after.querySelectorAll('.collaboration-carets__caret')) caret.remove();
        return after.textContent === '';
      }),
      // Someone else still typing at the end moves the end on; wait until they pause.
      { timeout: 15_000 },
    )
    .toBe(true);
}

declare global {
  interface Window {
    /** What the page's status line said each time the page asked the browser to print. */
    kasanePrintRequests?: string[];
  }
}

/**
 * Takes over the browser's print dialog, which is outside the project: how a headless Chromium
 * treats `window.print()` differs between builds (156.0.8078.114 keeps the job open, and then
 * refuses the test's own `page.pdf()`). Each request is recorded with what the page's status line
 * said at that moment, so a test can tell the print was recorded by the server before it began;
 * the test then makes the PDF itself. Applies to every page load in the page's lifetime.
 */
export async function interceptPrintDialog(page: Page): Promise<{ requests(): Promise<string[]> }> {
  await page.addInitScript(() => {
    window.kasanePrintRequests = [];
    window.print = () => {
      const status = [...document.querySelectorAll('[role="status"]')].map((element) => element.textContent ?? '').join(' ');
      window.kasanePrintRequests?.push(status);
    };
  });
  return { requests: () => page.evaluate(() => window.kasanePrintRequests ?? []) };
}
