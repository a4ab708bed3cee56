/** `npm run migration:run` / `migration:revert`: apply all pending migrations, or undo the latest. */
import { loadConfig } from '../config/env';
import { createDataSource } from './data-source';

async function main(): Promise<void> {
  const command = process.argv[2];
  if (command !== 'run' && command !== 'revert') {
    process.stderr.write('usage: tsx src/data/cli.ts run|revert\n');
    process.exit(2);
  }
  const ds = createDataSource(loadConfig(process.env).db);
  await ds.initialize();
  try {
    if (command === 'run') {
      const ran = await ds.runMigrations({ transaction: 'each' });
      process.stdout.write(`applied ${ran.length} migration(s)${ran.map((m) => `\n  ${m.name}`).join('')}\n`);
    } else {
      await ds.undoLastMigration({ transaction: 'each' });
      process.stdout.write('reverted the latest migration\n');
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
