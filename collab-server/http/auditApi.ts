import { Hono } from 'hono';
import { auditActionLabels, auditQuerySchema, type AuditEntry } from '../../model/audit.ts';
import type { AuditTrail } from '../store/auditTrail.ts';
import { accountPermissions } from '../../model/access/casePermissions.ts';
import { respondWithError } from './apiError.ts';
import { actorOf } from './caseStanding.ts';
import { clientAddress } from './clientAddress.ts';
import type { AuthenticatedEnv } from './requireUser.ts';
import { validate } from './validate.ts';

const csvCell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  // A leading =, +, - or @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
};

function toCsv(entries: AuditEntry[]): string {
  const header = ['番号', '日時', '操作', 'ログインID', '氏名', '機関', '事案ID', 'セクション', '詳細', '接続元'];
  const lines = entries.map((entry) =>
    [entry.seq, entry.at, auditActionLabels[entry.action], entry.loginId, entry.userName, entry.agencyName, entry.caseId, entry.section, entry.detail, entry.address]
      .map(csvCell)
      .join(','),
  );
  // BOM so that Excel opens the UTF-8 file as Japanese text.
  return `\uFEFF${[header.map(csvCell).join(','), ...lines].join('\r\n')}\r\n`;
}

/** 監査ログ for the municipal administrator: search, CSV export, tamper check. Read-only. */
export function createAuditApi(audit: AuditTrail, trustProxy: boolean): Hono<AuthenticatedEnv> {
  const api = new Hono<AuthenticatedEnv>();
  api.use('*', async (c, next) => {
    if (!accountPermissions.readAudit(actorOf(c.get('user')))) return respondWithError(c, 403, 'forbidden');
    await next();
    return undefined;
  });
  api.get('/', validate('query', auditQuerySchema), async (c) => c.json({ entries: await audit.search(c.req.valid('query')) }));
  api.get('/export.csv', validate('query', auditQuerySchema), async (c) => {
    const user = c.get('user');
    const query = c.req.valid('query');
    const entries = await audit.search(query, 100_000);
    await audit.record({ action: 'audit.export', user: { id: user.sub, agencyId: user.agencyId }, detail: { query, rows: entries.length }, address: clientAddress(c, trustProxy) });
    return c.body(toCsv(entries), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="audit-log.csv"',
    });
  });
  api.get('/verify', async (c) => c.json(await audit.verify()));
  return api;
}
