import { AuditTrail } from './store/auditTrail.ts';
import { configurationFromEnvironment } from './config.ts';
import { openDatabase } from './db/openDatabase.ts';

// `npm run audit:verify`: checks the 監査ログ's hash chain; exits 1 when it was tampered with.
const database = await openDatabase(configurationFromEnvironment());
const result = await new AuditTrail(database).verify();
await database.close();
if (result.ok) {
  process.stdout.write(`監査ログは改ざんされていません（${result.checked} 件を確認）\n`);
} else {
  process.stdout.write(`監査ログに問題があります（${result.checked} 件を確認）\n`);
  for (const problem of result.problems) process.stdout.write(`  記録 ${problem.seq ?? '-'}: ${problem.problem}\n`);
  process.exitCode = 1;
}
