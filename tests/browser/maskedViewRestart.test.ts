import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { caseDocumentName } from '../../model/documentNames.ts';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { DEMO_PASSWORD, demoCase } from '../../collab-server/seed/demoData.ts';
import { launchBrowser, logIn, newPerson } from '../helpers/browser.ts';
import { newTcpProxy } from '../helpers/tcpProxy.ts';
import { newProvider, synced } from '../helpers/providers.ts';
import { newStorageLocation } from '../helpers/storageBackends.ts';
import { newKasaneServer, type TestServer } from '../helpers/testServer.ts';

const staticDir = path.resolve('dist');

/** The coordinator adds a paragraph to the case's minutes on `server`. */
async function addParagraph(server: TestServer, text: string): Promise<void> {
  const minutes = newProvider({ url: server.websocketUrl, name: caseDocumentName(demoCase.id, 'minutes'), token: (await server.login('fukushi1')).collabToken });
  await synced(minutes);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  minutes.doc.getXmlFragment(MINUTES_FRAGMENT).push([paragraph]);
  await minutes.saved();
  minutes.destroy();
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('a masked reader’s page in the browser', () => {
  it('shows the current masked minutes, once, after the server restarts under it', async () => {
    expect(existsSync(path.join(staticDir, 'index.html')), 'run `npm run build` first (npm test does)').toBe(true);
    const storage = await newStorageLocation('postgresql');
    const first = await newKasaneServer('postgresql', { storage, staticDir });
    // The page keeps one address, as behind a load balancer; the restarted server gets another port.
    const proxy = await newTcpProxy({ host: '127.0.0.1', port: Number(new URL(first.httpUrl).port) });
    const browser = await launchBrowser();
    const page = (await newPerson(browser, `http://127.0.0.1:${proxy.port}`)).page;
    await logIn(page, 'shougai1', DEMO_PASSWORD);
    await page.goto(`/cases/${demoCase.id}/minutes`);
    await page.getByRole('tab', { name: '議事録', selected: true }).waitFor();
    const minutes = page.getByRole('textbox', { name: '議事録' });
    await addParagraph(first, '再起動前の確認事項');
    await expect.poll(() => minutes.textContent(), { timeout: 15_000 }).toContain('再起動前の確認事項');
    const heading = '第1回 支援会議（準備メモ）';
    expect(occurrences((await minutes.textContent()) ?? '', heading)).toBe(1);
    await page.evaluate(() => {
      (window as unknown as Record<string, unknown>)['kasaneNotReloaded'] = true;
    });

    // The server restarts on the same database (its sockets dropped first: close() waits for them).
    proxy.cut();
    await first.server.close();
    const restarted = await newKasaneServer('postgresql', { storage, staticDir, seedDemoData: false });
    onTestFinished(() => proxy.cut());
    await addParagraph(restarted, '再起動後の確認事項');
    proxy.moveTo(Number(new URL(restarted.httpUrl).port));
    proxy.restore();

    await expect.poll(() => minutes.textContent(), { timeout: 20_000 }).toContain('再起動後の確認事項');
    const shown = (await minutes.textContent()) ?? '';
    // Exactly the server's masked view: the earlier derivation is not merged in.
    expect(occurrences(shown, heading)).toBe(1);
    expect(occurrences(shown, '再起動前の確認事項')).toBe(1);
    expect(occurrences(shown, '再起動後の確認事項')).toBe(1);
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>)['kasaneNotReloaded'])).toBe(true);
  });
});
