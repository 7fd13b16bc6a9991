import { configurationFromEnvironment } from './config.ts';
import { DataFolderError } from './db/embedded/dataFolderError.ts';
import { DEMO_PASSWORD, demoAdministrator, demoAgencies } from './seed/demoData.ts';
import { createKasaneServer, type KasaneServer } from './server.ts';

const configuration = configurationFromEnvironment();
let server: KasaneServer;
try {
  server = await createKasaneServer(configuration);
} catch (error) {
  // A data folder in use, unreadable or unopenable is for a person to act on: say what to do.
  if (error instanceof DataFolderError) {
    process.stderr.write(`\n  kasane を起動できませんでした。\n\n${error.message.replace(/^/gm, '  ')}\n\n`);
    process.exit(1);
  }
  throw error;
}
const port = await server.listen();

const storage = server.database.kind === 'embedded'
  ? `組み込み PostgreSQL（${configuration.dataDir}）`
  : 'PostgreSQL（DATABASE_URL）';
const accounts = demoAgencies
  .map((agency) => `    ${agency.users.map((user) => user.loginId).join(', ').padEnd(22)} ${agency.name}`)
  .join('\n')
  .concat(`\n    ${demoAdministrator.loginId.padEnd(22)} 監査ログの管理者（${demoAdministrator.name}）`);
process.stdout.write(`
  kasane が起動しました  http://localhost:${port}
  保存先: ${storage}

  デモ用アカウント（パスワードはすべて ${DEMO_PASSWORD}）:
${accounts}

`);
server.logger.info({ port, storage: server.database.kind }, 'listening');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // Stored first, then the embedded PostgreSQL is stopped (fast shutdown) by the database's close.
    void server.close().finally(() => process.exit(0));
  });
}
