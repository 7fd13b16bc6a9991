import { existsSync } from 'node:fs';
import { configurationFromEnvironment } from './config.ts';
import { DataFolderError } from './db/embedded/dataFolderError.ts';
import { openDatabase } from './db/openDatabase.ts';
import { pgliteLayout } from './db/pgliteImport.ts';
import { createLogger } from './logger.ts';
import { storedCounts } from './store/storedCounts.ts';

// `npm run migrate-data`: moves a data folder of an earlier kasane (PGlite) into the embedded
// PostgreSQL. The server does the same by itself on its first start; this says what happened.
const configuration = configurationFromEnvironment();
const layout = pgliteLayout(configuration.dataDir);
if (configuration.databaseUrl) {
  process.stdout.write('DATABASE_URL が設定されています。移行は組み込み PostgreSQL（DATABASE_URL なし）のときだけ行います。\n');
  process.exit(0);
}
if (!existsSync(layout.folder)) {
  process.stdout.write(`${layout.folder} はありません。移す記録はありません。\n`);
  process.exit(0);
}
const alreadyDone = existsSync(layout.imported);
try {
  const database = await openDatabase(configuration, createLogger('info'));
  const counts = await storedCounts(database);
  await database.close();
  process.stdout.write(
    alreadyDone
      ? `${layout.folder} の記録は移行済みです（${layout.imported}）。\n`
      : existsSync(layout.imported)
        ? `${layout.folder} の記録を組み込み PostgreSQL に移しました（機関 ${counts?.agencies} 件、更新 ${counts?.updates} 件、監査ログ ${counts?.audit} 件）。元のフォルダはそのまま残してあります。\n`
        : `組み込み PostgreSQL にはすでに記録があるため、${layout.folder} は移していません。\n`,
  );
} catch (error) {
  if (!(error instanceof DataFolderError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
