/**
 * Builds the Teams app package: fills the `${{VAR}}` placeholders of manifest.json and zips it
 * with the icons into `appPackage/build/appPackage.<env>.zip`.
 *
 * Usage: `npm run package -- --env dev` (variables from the environment, e.g. through
 * `node --env-file=.env`). In the `dev` and `local` environments a missing variable falls back to
 * a clearly fake development value; in any other environment it is an error.
 */
import fs from 'node:fs';
import path from 'node:path';

import AdmZip from 'adm-zip';

/** A manifest after substitution, as parsed JSON. */
export type FilledManifest = Record<string, unknown>;

/** What one placeholder is filled from, and its development-only stand-in. */
type PlaceholderSource = { envVar: string; devValue: string; kind: 'guid' | 'host' | 'url' };

const DEV_HOST = 'localhost.dev-only.invalid';

/** The placeholders manifest.json may use. Dev values are valid but obviously fake. */
export const PLACEHOLDERS: Readonly<Record<string, PlaceholderSource>> = {
  APP_ID: {
    envVar: 'TEAMS_APP_ID',
    devValue: '00000000-0000-4000-8000-000000000a99',
    kind: 'guid',
  },
  BOT_ID: {
    envVar: 'MicrosoftAppId',
    devValue: '00000000-0000-4000-8000-00000000b07d',
    kind: 'guid',
  },
  ENTRA_CLIENT_ID: {
    envVar: 'ENTRA_CLIENT_ID',
    devValue: '00000000-0000-4000-8000-00000000e1d0',
    kind: 'guid',
  },
  TAB_HOSTNAME: { envVar: 'PUBLIC_HOSTNAME', devValue: DEV_HOST, kind: 'host' },
  PRIVACY_URL: { envVar: 'PRIVACY_URL', devValue: `https://${DEV_HOST}/privacy`, kind: 'url' },
  TERMS_OF_USE_URL: {
    envVar: 'TERMS_OF_USE_URL',
    devValue: `https://${DEV_HOST}/terms`,
    kind: 'url',
  },
};

/** Environments whose package may use development stand-ins for missing variables. */
export const DEV_ENVIRONMENTS: readonly string[] = ['dev', 'local'];

const PACKAGE_FILES = ['color.png', 'outline.png'] as const;
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const LABEL = '[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?';
const HOST = new RegExp(`^${LABEL}(\\.${LABEL})*(:\\d{1,5})?$`);

/** Raised when the package cannot be built; the message says what to set or fix. */
export class AppPackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AppPackageError';
  }
}

/** Options for {@link buildAppPackage}. */
export type BuildAppPackageOptions = {
  /** environment name, used in the zip name and to allow dev stand-ins (`dev`, `local`) */
  env: string;
  /** the variables to read, normally `process.env` */
  vars: Readonly<Record<string, string | undefined>>;
  /** folder for the zip; defaults to `appPackage/build` */
  outDir?: string;
  /** folder holding manifest.json and the icons; defaults to this folder */
  sourceDir?: string;
};

/** What {@link buildAppPackage} produced. */
export type AppPackageResult = {
  zipPath: string;
  manifest: FilledManifest;
  /** environment variables that were missing and replaced by development stand-ins */
  devValuesUsed: string[];
  /** problems reported by `@microsoft/app-manifest`, or null when that package is not installed */
  schemaErrors: string[] | null;
};

/**
 * Fills the manifest, validates it when `@microsoft/app-manifest` is installed, and writes the zip.
 * @param options environment name, variables and folders
 * @returns the zip path, the filled manifest and which development stand-ins were used
 * @throws AppPackageError when a placeholder is unknown, a value is missing outside dev,
 *   a value is malformed, or the schema check fails
 */
export async function buildAppPackage(options: BuildAppPackageOptions): Promise<AppPackageResult> {
  const sourceDir = options.sourceDir ?? __dirname;
  const outDir = options.outDir ?? path.join(__dirname, 'build');
  if (!/^[A-Za-z0-9_-]+$/.test(options.env)) {
    throw new AppPackageError(`--env must be letters, digits, '-' or '_' (got "${options.env}")`);
  }
  const template = fs.readFileSync(path.join(sourceDir, 'manifest.json'), 'utf8');
  const { text, devValuesUsed } = fillPlaceholders(template, options.env, options.vars);
  const manifest = JSON.parse(text) as FilledManifest;
  const schemaErrors = await validateWithAppManifest(manifest);
  if (schemaErrors && schemaErrors.length > 0) {
    const list = schemaErrors.join('\n  ');
    throw new AppPackageError(`manifest.json fails the Teams schema:\n  ${list}`);
  }
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'));
  for (const file of PACKAGE_FILES) {
    zip.addFile(file, fs.readFileSync(path.join(sourceDir, file)));
  }
  fs.mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `appPackage.${options.env}.zip`);
  zip.writeZip(zipPath);
  return { zipPath, manifest, devValuesUsed, schemaErrors };
}

/**
 * Replaces every `${{NAME}}` in the manifest text with its JSON-escaped value.
 * @returns the filled text and the variables that fell back to development stand-ins
 * @throws AppPackageError naming every unknown placeholder or missing/malformed variable at once
 */
function fillPlaceholders(
  template: string,
  env: string,
  vars: Readonly<Record<string, string | undefined>>
): { text: string; devValuesUsed: string[] } {
  const names = new Set(Array.from(template.matchAll(PLACEHOLDER), (m) => m[1]));
  const resolved = [...names].map((name) => ({ name, ...resolvePlaceholder(name, env, vars) }));
  const problems = resolved.flatMap((r) => (r.problem ? [r.problem] : []));
  if (problems.length > 0) {
    throw new AppPackageError(`Cannot build the Teams app package:\n  ${problems.join('\n  ')}`);
  }
  const values = new Map(resolved.map((r) => [r.name, r.value ?? '']));
  const text = template.replace(PLACEHOLDER, (_m, name: string) =>
    JSON.stringify(values.get(name) ?? '').slice(1, -1)
  );
  const devValuesUsed = resolved.flatMap((r) => (r.devVar ? [r.devVar] : []));
  return { text, devValuesUsed };
}

type Resolution = { value?: string; problem?: string; devVar?: string };

/**
 * Finds one placeholder's value: its mapped variable, a dev stand-in, or a same-named variable.
 * @returns the value, or the problem to report
 */
function resolvePlaceholder(
  name: string,
  env: string,
  vars: Readonly<Record<string, string | undefined>>
): Resolution {
  const source = PLACEHOLDERS[name];
  const raw = vars[source?.envVar ?? name]?.trim();
  if (!source) {
    const hint = `add it to PLACEHOLDERS in appPackage/package.ts or set ${name}`;
    return raw ? { value: raw } : { problem: `\${{${name}}} is unknown: ${hint}` };
  }
  if (!raw && !DEV_ENVIRONMENTS.includes(env)) {
    const problem = `${source.envVar} is not set (fills \${{${name}}}); required for --env ${env}`;
    return { problem };
  }
  const value = raw ? normalise(source.kind, raw) : source.devValue;
  const bad = checkValue(source.kind, value);
  if (bad) {
    return { problem: `${source.envVar} ${bad} (fills \${{${name}}})` };
  }
  return { value, devVar: raw ? undefined : source.envVar };
}

/** Accepts `PUBLIC_HOSTNAME` given as a URL and keeps only its host. */
function normalise(kind: PlaceholderSource['kind'], raw: string): string {
  if (kind === 'host' && /^https?:\/\//i.test(raw)) {
    return new URL(raw).host;
  }
  return kind === 'host' ? raw.replace(/\/+$/, '') : raw;
}

/** @returns why a value is malformed, or undefined when it is fine */
function checkValue(kind: PlaceholderSource['kind'], value: string): string | undefined {
  if (kind === 'guid' && !GUID.test(value)) {
    return 'must be a GUID';
  }
  if (kind === 'host' && !HOST.test(value)) {
    return 'must be a host name such as app.example.org';
  }
  if (kind === 'url' && !/^https:\/\//i.test(value)) {
    return 'must be an https:// URL';
  }
  return undefined;
}

/** The part of `@microsoft/app-manifest` this script uses. */
type AppManifestModule = {
  AppManifestUtils: { validateAgainstSchema: (manifest: FilledManifest) => Promise<string[]> };
};

function isAppManifestModule(mod: unknown): mod is AppManifestModule {
  const utils = (mod as { AppManifestUtils?: { validateAgainstSchema?: unknown } } | null)
    ?.AppManifestUtils;
  return typeof utils?.validateAgainstSchema === 'function';
}

/**
 * Validates with `@microsoft/app-manifest` (offline schemas) when it is installed.
 * @returns its error list, or null when the package is not installed
 */
async function validateWithAppManifest(manifest: FilledManifest): Promise<string[] | null> {
  let mod: unknown;
  try {
    mod = require('@microsoft/app-manifest');
  } catch {
    return null;
  }
  if (!isAppManifestModule(mod)) {
    return null;
  }
  return mod.AppManifestUtils.validateAgainstSchema(manifest);
}

/** @returns the value of `--env <name>` or `--env=<name>`, default `dev` */
function parseEnvArg(argv: readonly string[]): string {
  const i = argv.findIndex((a) => a === '--env' || a.startsWith('--env='));
  if (i < 0) {
    return 'dev';
  }
  const value = argv[i].includes('=') ? argv[i].slice('--env='.length) : argv[i + 1];
  if (!value) {
    throw new AppPackageError('--env needs a name, e.g. --env dev');
  }
  return value;
}

async function main(): Promise<void> {
  const env = parseEnvArg(process.argv.slice(2));
  const result = await buildAppPackage({ env, vars: process.env });
  if (result.devValuesUsed.length > 0) {
    process.stdout.write(
      `WARNING: ${result.devValuesUsed.join(', ')} not set; used development-only stand-ins. ` +
        'This package is for development only and will not work in a real tenant.\n'
    );
  }
  if (result.schemaErrors === null) {
    process.stdout.write(
      'note: @microsoft/app-manifest is not installed; schema validation skipped ' +
        '(the tests run it).\n'
    );
  }
  process.stdout.write(`Teams app package written to ${result.zipPath}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
