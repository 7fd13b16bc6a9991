import { describe, expect, it, vi } from 'vitest';
import { WITHHELD_TEXT } from '../../model/access/masking.ts';
import { maskingReviewSchema } from '../../model/access/maskingReviewApi.ts';
import { auditEntrySchema } from '../../model/audit.ts';
import { caseDocumentName } from '../../model/documentNames.ts';
import { OVERVIEW_ROOT } from '../../model/sections/overview.ts';
import { sectionDefinitions } from '../../model/sections/sectionRegistry.ts';
import { writeValue } from '../../model/sections/yjsValues.ts';
import { demoCase } from '../../collab-server/seed/demoData.ts';
import { newProvider, synced } from '../helpers/providers.ts';
import { newKasaneServer } from '../helpers/testServer.ts';

// Someone wrote the surname with a star inside: redaction cannot tell, so the final check withholds it.
const disguised = '山*田さん宅の近くの公民館で面談';

describe('the coordinator’s review of what a masked agency will see', () => {
  it('shows the proposal and the reason for withholding, and records an explicit approval', { timeout: 60_000 }, async () => {
    const server = await newKasaneServer('postgresql');
    const fukushi = await server.login('fukushi1');
    const preview = async (token: string, text: string, path = 'preview') =>
      server.api(`/cases/${demoCase.id}/masking/${path}`, { method: 'POST', token, body: JSON.stringify({ text }) });

    const plain = maskingReviewSchema.parse(await (await preview(fukushi.accessToken, '山田ハナさん（82歳）に 090.0000.2222 で連絡')).json());
    expect(plain).toMatchObject({ shared: 'A氏さん（80代）に （電話番号） で連絡', withheld: false, approved: false });
    const held = maskingReviewSchema.parse(await (await preview(fukushi.accessToken, disguised)).json());
    expect(held).toMatchObject({ shared: WITHHELD_TEXT, proposed: disguised, withheld: true, approved: false });
    expect(held.remaining).toContain('山田');

    // Only the agencies that manage the case's sharing review or approve.
    for (const loginId of ['shougai1', 'houkatsu1']) {
      const other = await server.login(loginId);
      expect((await preview(other.accessToken, disguised)).status, loginId).toBe(403);
      expect((await preview(other.accessToken, disguised, 'approvals')).status, loginId).toBe(403);
    }

    const coordinator = newProvider({ url: server.websocketUrl, name: caseDocumentName(demoCase.id, 'overview'), token: fukushi.collabToken });
    await synced(coordinator);
    writeValue(coordinator.doc.getMap(OVERVIEW_ROOT), 'riskNote', disguised, sectionDefinitions.overview.textKeys);
    await coordinator.saved();
    const shougai = await server.login('shougai1');
    const before = newProvider({ url: server.websocketUrl, name: caseDocumentName(demoCase.id, 'overview', 'masked'), token: shougai.collabToken });
    await synced(before);
    await vi.waitFor(() => expect(String(before.doc.getMap(OVERVIEW_ROOT).get('riskNote'))).toBe(WITHHELD_TEXT));
    before.destroy();

    const approval = await preview(fukushi.accessToken, disguised, 'approvals');
    expect(approval.status).toBe(201);
    expect(maskingReviewSchema.parse(await approval.json())).toMatchObject({ shared: disguised, approved: true });

    const after = newProvider({ url: server.websocketUrl, name: caseDocumentName(demoCase.id, 'overview', 'masked'), token: shougai.collabToken });
    await synced(after);
    await vi.waitFor(() => expect(String(after.doc.getMap(OVERVIEW_ROOT).get('riskNote'))).toBe(disguised));
    // The approval holds for that text only: a changed text is checked anew.
    writeValue(coordinator.doc.getMap(OVERVIEW_ROOT), 'riskNote', `${disguised}。`, sectionDefinitions.overview.textKeys);
    await coordinator.saved();
    await vi.waitFor(() => expect(String(after.doc.getMap(OVERVIEW_ROOT).get('riskNote'))).toBe(WITHHELD_TEXT));

    const admin = await server.login('kanri1');
    const entries = (await (await server.api('/audit?action=masking.approve', { token: admin.accessToken })).json()) as { entries: unknown[] };
    const [entry] = entries.entries.map((raw) => auditEntrySchema.parse(raw));
    expect(entry).toMatchObject({ action: 'masking.approve', loginId: 'fukushi1', caseId: demoCase.id, detail: { wasWithheld: true } });
    expect(JSON.stringify(entry)).not.toContain('山');
    after.destroy();
    coordinator.destroy();
  });
});
