/**
 * `npm run playground`: starts the app in dev mode (unless one already answers on PORT) and the
 * Microsoft 365 Agents Playground against its bot endpoint, then prints the chat's address.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

import { loadConfig } from '../src/config/env';
import { startApp } from '../src/index';

const PLAYGROUND_PORT = process.env.PLAYGROUND_PORT ?? '56150';

async function appIsRunning(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`)).ok;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const url = `http://127.0.0.1:${config.port}`;
  if (!(await appIsRunning(url))) {
    await startApp({ ...config, host: '127.0.0.1' });
  }
  const root = path.resolve(__dirname, '..');
  const cli = path.join(root, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
  const child = spawn(
    process.execPath,
    [cli, '-e', `${url}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', PLAYGROUND_PORT],
    { cwd: root, stdio: 'inherit', env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' } }
  );
  process.stdout.write(`\nAgents Playground: http://127.0.0.1:${PLAYGROUND_PORT}/ (chatting with ${url}/api/messages)\n\n`);
  const stop = () => {
    child.kill('SIGTERM');
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

void main();
