import { configurationFromEnvironment } from './config.ts';
import { openDatabase } from './db/openDatabase.ts';
import { DEMO_PASSWORD } from './seed/demoData.ts';
import { seedDemoData } from './store/seedDemoData.ts';

// `npm run seed`: deliberately replaces everything stored with the demo city.
const configuration = configurationFromEnvironment();
const database = await openDatabase(configuration);
await seedDemoData(database, { reset: true });
await database.close();
process.stdout.write(`デモデータを作り直しました（パスワード: ${DEMO_PASSWORD}）\n`);
