import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) {
    return [];
  }
  return fs.readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes('node_modules') && !f.startsWith('dist'))
    .map((f) => path.join(dir, f));
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/^\s*import\s+(?!type\b)[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

function resolveTarget(file: string, spec: string): string {
  return spec.startsWith('.') ? path.normalize(path.join(path.dirname(file), spec)) : spec;
}

/** Folder rules from STYLE.md: who may import what (type-only imports are allowed everywhere). */
const RULES: { from: string; forbidden: RegExp; why: string }[] = [
  { from: 'bot', forbidden: /^src\/(api|data)\b/, why: 'bot/ goes through src/domain, never src/api or src/data' },
  { from: 'src/domain', forbidden: /^(restify|botbuilder|react)\b|^bot\/|^src\/api\b/, why: 'domain code is free of transport' },
  { from: 'src/data', forbidden: /^src\/(domain|api)\b|^bot\//, why: 'the data layer imports neither domain nor api' },
  { from: 'src/api', forbidden: /^bot\/|^botbuilder\b/, why: 'the API never imports the bot' },
  { from: 'src/graph', forbidden: /^src\/(data|api)\b|^bot\//, why: 'graph wrappers stay independent' },
];

describe('architecture boundaries', () => {
  for (const rule of RULES) {
    it(`should keep ${rule.from}/ within its imports (${rule.why})`, () => {
      const offences: string[] = [];
      for (const file of sourceFiles(rule.from)) {
        for (const spec of importsOf(file)) {
          const target = resolveTarget(file, spec);
          if (rule.forbidden.test(target)) {
            offences.push(`${file} imports ${spec}`);
          }
        }
      }
      assert.deepEqual(offences, []);
    });
  }

  it('should read process.env only in src/config (entry points only hand it to loadConfig)', () => {
    const offenders = [...sourceFiles('src'), ...sourceFiles('bot')]
      .filter((f) => !f.startsWith(path.join('src', 'config')))
      .filter((f) =>
        /process\.env\b/.test(
          fs.readFileSync(path.join(ROOT, f), 'utf8').replaceAll('loadConfig(process.env)', '')
        )
      );
    assert.deepEqual(offenders, []);
  });

  it('should not use console.* in src/ or bot/', () => {
    const offenders = [...sourceFiles('src'), ...sourceFiles('bot')].filter((f) =>
      /\bconsole\.(log|error|warn|info|debug)\(/.test(fs.readFileSync(path.join(ROOT, f), 'utf8'))
    );
    assert.deepEqual(offenders, []);
  });

  it('should import only types from the server into the tabs', () => {
    const offences = sourceFiles('tabs/src').flatMap((file) =>
      importsOf(file)
        .map((spec) => resolveTarget(file, spec))
        .filter((t) => /^(src|bot)\//.test(t))
        .map((t) => `${file} imports ${t}`)
    );
    assert.deepEqual(offences, []);
  });
});
