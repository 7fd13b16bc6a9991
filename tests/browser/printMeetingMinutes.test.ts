import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as decoding from 'lib0/decoding';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { meetingMinutesDocumentName } from '../../model/documentNames.ts';
import { DECISION_NODE, MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { meetingListSchema } from '../../model/meetings.ts';
import { DEMO_PASSWORD, demoCase } from '../../collab-server/seed/demoData.ts';
import { interceptPrintDialog, launchBrowser, logIn, newPerson, placeCaretAtEnd } from '../helpers/browser.ts';
import { newProvider, synced } from '../helpers/providers.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

const run = promisify(execFile);
const staticDir = path.resolve('dist');
const SYNC = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
// An update that changes nothing: no structs, an empty delete set.
const EMPTY_UPDATE_BYTES = 2;

/** Every document change the page sends for one document: sync updates and non-empty step-2 answers. */
function recordSentChanges(page: Page, documentName: string): Uint8Array[] {
  const sent: Uint8Array[] = [];
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      if (typeof payload === 'string') return;
      const decoder = decoding.createDecoder(new Uint8Array(payload));
      if (decoding.readVarString(decoder) !== documentName || decoding.readVarUint(decoder) !== SYNC) return;
      const syncType = decoding.readVarUint(decoder);
      if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return;
      const update = decoding.readVarUint8Array(decoder);
      if (syncType === SYNC_UPDATE || update.byteLength > EMPTY_UPDATE_BYTES) sent.push(update);
    });
  });
  return sent;
}

describe("printing a 支援会議's minutes in the browser", () => {
  it('shows the 決定事項, the table and the checklist on paper and in 履歴, and the print sends no change of the minutes', async () => {
    expect(existsSync(path.join(staticDir, 'index.html')), 'run `npm run build` first (npm test does)').toBe(true);
    const server = await newKasaneServer('postgresql', { staticDir });
    const directory = await mkdtemp(path.join(os.tmpdir(), 'kasane-print-meeting-'));
    onTestFinished(() => rm(directory, { recursive: true, force: true }));
    const session = await server.login('fukushi1');
    const listed = meetingListSchema.parse(await (await server.api(`/cases/${demoCase.id}/meetings`, { token: session.accessToken })).json());
    const upcoming = listed.meetings.find((meeting) => meeting.status !== '終了')!;
    const documentName = meetingMinutesDocumentName(demoCase.id, upcoming.id);

    const browser = await launchBrowser();
    const { page } = await newPerson(browser, server.httpUrl);
    const dialog = await interceptPrintDialog(page);
    await logIn(page, 'fukushi1', DEMO_PASSWORD);
    await page.getByRole('link', { name: demoCase.title }).click();
    await page.getByRole('tab', { name: '支援会議' }).click();
    await page.getByRole('link', { name: `${upcoming.title}を開く` }).click();
    const editor = page.getByRole('textbox', { name: '支援会議の議事録' });
    await expect.poll(() => editor.getAttribute('contenteditable'), { timeout: 15_000 }).toBe('true');

    // Written with the meeting editor's own toolbar: what the app makes, the server accepts.
    await placeCaretAtEnd(editor);
    await page.keyboard.type('家計の聞き取り');
    await page.getByRole('button', { name: 'チェックリスト' }).click();
    await editor.locator('ul[data-type="taskList"]').waitFor();
    // The editor keeps an empty paragraph after the last block; Ctrl+End reaches it.
    await page.keyboard.press('Control+End');
    await page.getByRole('button', { name: '表を挿入' }).click();
    await editor.locator('table').waitFor();
    await page.keyboard.type('担当機関の一覧');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('包括が区分変更を申請する');
    await page.getByRole('button', { name: '決定事項にする' }).click();
    await editor.locator('section[data-type="decision"]').waitFor();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '保存済み' }).count(), { timeout: 15_000 }).toBeGreaterThan(0);

    const reader = newProvider({ url: server.websocketUrl, name: documentName, token: (await server.login('fukushi2')).collabToken });
    await synced(reader);
    const blocks = () => reader.doc.getXmlFragment(MINUTES_FRAGMENT).toArray().map((block) => (block as Y.XmlElement).nodeName);
    await expect.poll(blocks, { timeout: 15_000 }).toEqual(expect.arrayContaining(['taskList', 'table', DECISION_NODE]));
    const stored = Y.encodeStateVector(reader.doc);
    const rowsBefore = await server.server.database.query<{ count: number }>('select count(*)::int as count from document_updates where document_name = $1', [documentName]);

    // The print view, opened fresh: nothing it renders may change the document.
    const sent = recordSentChanges(page, documentName);
    await page.getByRole('link', { name: '議事録の印刷用の表示' }).click();
    await page.getByRole('heading', { level: 1, name: '支援会議の議事録' }).waitFor();
    const button = page.getByRole('button', { name: '印刷する' });
    await expect.poll(() => button.getAttribute('aria-disabled'), { timeout: 15_000 }).toBeNull();
    const sheet = page.getByRole('article', { name: /支援会議の議事録/ });
    await sheet.locator('section[data-type="decision"]').waitFor();
    await button.click();
    await expect.poll(async () => (await dialog.requests()).length, { timeout: 15_000 }).toBe(1);
    expect(await sheet.getByRole('checkbox').count()).toBeGreaterThan(0);

    const file = path.join(directory, 'meeting-minutes.pdf');
    await writeFile(file, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    const { stdout: text } = await run('pdftotext', ['-layout', file, '-']);
    expect(text).toContain('決定事項');
    expect(text).toContain('包括が区分変更を申請する');
    expect(text).toContain('担当機関の一覧');
    expect(text).toContain('家計の聞き取り');

    // y-tiptap writes when it binds, long before the sheet is on paper: had it deleted anything, it would be sent by now.
    expect(sent, 'the print view sent no change of the minutes').toEqual([]);
    const rowsAfter = await server.server.database.query<{ count: number }>('select count(*)::int as count from document_updates where document_name = $1', [documentName]);
    expect(rowsAfter.rows[0]?.count).toBe(rowsBefore.rows[0]?.count);
    expect(Y.encodeStateVector(reader.doc)).toEqual(stored);
    expect(blocks()).toEqual(expect.arrayContaining(['taskList', 'table', DECISION_NODE]));

    // The same minutes as a past state in 履歴: the revision view has the meeting's schema too.
    await page.goto(`/cases/${demoCase.id}/history`);
    const entries = page.getByRole('list', { name: '変更の一覧（新しい順）' }).getByRole('article');
    await entries.filter({ hasText: `支援会議の議事録（第${upcoming.number}回）` }).first().getByRole('button', { name: 'この時点を表示' }).click();
    const revision = page.getByRole('region', { name: /^過去の版（.*時点）・閲覧のみ$/ });
    await expect.poll(() => revision.locator('section[data-type="decision"]').textContent(), { timeout: 15_000 }).toContain('包括が区分変更を申請する');
    expect(await revision.getByRole('table').textContent()).toContain('担当機関の一覧');
    expect(await revision.locator('ul[data-type="taskList"]').textContent()).toContain('家計の聞き取り');
  });
});
