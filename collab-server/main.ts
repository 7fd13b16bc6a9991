import { configurationFromEnvironment } from './config.ts';
import { DEMO_PASSWORD, demoAdministrator, demoAgencies } from './seed/demoData.ts';
import { createKasaneServer } from './server.ts';

const configuration = configurationFromEnvironment();
const server = await createKasaneServer(configuration);
const port = await server.listen();

const storage = server.database.kind === 'pglite'
  ? `PGlite（組み込み） ${configuration.dataDir}`
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
    void server.close().finally(() => process.exit(0));
  });
}
