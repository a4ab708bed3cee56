// Builds the tab pages into tabs/dist with Vite (run by `npm run build:tabs`).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));
await build({ root, configFile: path.join(root, 'vite.config.mts') });
process.stdout.write(`tabs built into ${path.join(root, 'dist')}\n`);
