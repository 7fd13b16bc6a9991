import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoCase } from '../../collab-server/seed/demoData.ts';
import { launchBrowser, logIn, newPerson } from '../helpers/browser.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

const staticDir = path.resolve('dist');

describe('監査ログ in the browser', () => {
  it('lets the administrator find logins and openings of a case and confirm nothing was tampered with', async () => {
    expect(existsSync(path.join(staticDir, 'index.html')), 'run `npm run build` first (npm test does)').toBe(true);
    const { httpUrl } = await newKasaneServer('postgresql', { staticDir });
    const browser = await launchBrowser();

    // A worker logs in and opens the case: a ログイン and 閲覧 of its sections to find later.
    const worker = (await newPerson(browser, httpUrl)).page;
    await logIn(worker, 'fukushi1', DEMO_PASSWORD);
    // Workers are offered no 監査ログ, and are refused it when they go there anyway.
    expect(await worker.getByRole('link', { name: '監査ログ' }).count()).toBe(0);
    await worker.getByRole('link', { name: demoCase.title }).click();
    await worker.getByRole('tab', { name: '議事録' }).click();
    await expect.poll(() => worker.getByRole('status').textContent(), { timeout: 15_000 }).toContain('保存済み');
    await worker.goto('/admin/audit');
    await worker.getByRole('heading', { name: 'この画面を表示する権限がありません' }).waitFor();
    expect(await worker.getByRole('button', { name: '改ざんの確認' }).count()).toBe(0);

    const admin = (await newPerson(browser, httpUrl)).page;
    await logIn(admin, 'kanri1', DEMO_PASSWORD);
    // The administrator has no cases: they start on the 監査ログ, and a case's address brings them back to it.
    await admin.getByRole('heading', { name: '監査ログ', level: 1 }).waitFor();
    await admin.goto(`/cases/${demoCase.id}`);
    await admin.getByRole('heading', { name: '監査ログ', level: 1 }).waitFor();
    expect(new URL(admin.url()).pathname).toBe('/admin/audit');
    expect(await admin.getByText(demoCase.title).count()).toBe(0);
    await admin.getByRole('link', { name: '監査ログ' }).click();
    await admin.getByRole('heading', { name: '監査ログ', level: 1 }).waitFor();

    // By name: openings recorded by the collaboration side carry the user, not the login ID.
    await admin.getByLabel('キーワード').fill('佐藤 美咲');
    const search = admin.getByRole('search', { name: '検索条件' });
    const table = admin.getByRole('table', { name: '監査ログ（新しい順）' });
    const actions = () => table.locator('tbody td.audit-table__action').allTextContents();
    // Entries written as the socket opens documents may land a moment later: search again until they are there.
    await expect
      .poll(
        async () => {
          await search.getByRole('button', { name: '検索' }).click();
          await admin.getByText('監査ログを読み込み中…').waitFor({ state: 'hidden' });
          return actions();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toEqual(expect.arrayContaining(['ログイン', '閲覧']));
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows.every((row) => row.includes('佐藤 美咲'))).toBe(true);
    expect(rows.some((row) => row.includes('ログイン') && row.includes('fukushi1'))).toBe(true);
    expect(rows.some((row) => row.includes('閲覧') && row.includes(demoCase.id))).toBe(true);

    await admin.getByRole('button', { name: '改ざんの確認' }).click();
    await expect.poll(() => admin.getByText(/改ざんは見つかりませんでした/).count(), { timeout: 15_000 }).toBe(1);
  });
});
