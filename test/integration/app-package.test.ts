import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

import AdmZip from 'adm-zip';

import { buildAppPackage, PLACEHOLDERS, type FilledManifest } from '../../appPackage/package';
import { assertSchemaValid, validateTeamsManifest } from '../helpers/schemas';

const APP_PACKAGE_DIR = path.resolve(__dirname, '../../appPackage');

const PROD_VARS = {
  TEAMS_APP_ID: '3f2b8c1e-5a4d-4e6f-9b7a-1c2d3e4f5a6b',
  MicrosoftAppId: '8d9e0f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a',
  ENTRA_CLIENT_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  PUBLIC_HOSTNAME: 'https://learning.partnership.example.org/',
  PRIVACY_URL: 'https://partnership.example.org/privacy',
  TERMS_OF_USE_URL: 'https://partnership.example.org/terms',
};

type Png = { width: number; height: number; colorType: number; bitDepth: number; idat: Buffer };

/** Reads the IHDR and the concatenated IDAT data of a PNG. */
function readPng(file: Buffer): Png {
  assert.deepEqual([...file.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(file.toString('ascii', 12, 16), 'IHDR');
  const idat: Buffer[] = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    if (file.toString('ascii', at + 4, at + 8) === 'IDAT') {
      idat.push(file.subarray(at + 8, at + 8 + length));
    }
    at += length + 12;
  }
  return {
    width: file.readUInt32BE(16),
    height: file.readUInt32BE(20),
    bitDepth: file[24],
    colorType: file[25],
    idat: Buffer.concat(idat),
  };
}

/** Decodes an 8-bit RGBA, non-interlaced PNG to raw RGBA bytes (all five row filters). */
function decodeRgba(png: Png): Buffer {
  assert.equal(png.bitDepth, 8, 'outline icon must be 8-bit');
  assert.equal(png.colorType, 6, 'outline icon must be RGBA (colour type 6) to be transparent');
  const raw = zlib.inflateSync(png.idat);
  const stride = png.width * 4;
  const out = Buffer.alloc(png.height * stride);
  for (let y = 0; y < png.height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= 4 ? out[y * stride + x - 4] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= 4 && y > 0 ? out[(y - 1) * stride + x - 4] : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      assert.notEqual(predictor, undefined, `unknown PNG filter ${filter}`);
      out[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  return out;
}

function unzip(zipPath: string): Map<string, Buffer> {
  const zip = new AdmZip(zipPath);
  return new Map(zip.getEntries().map((e) => [e.entryName, e.getData()]));
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sl-app-package-'));
}

type BotManifest = {
  botId: string;
  scopes: string[];
  supportsFiles: boolean;
  commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
};

describe('buildAppPackage', () => {
  let outDir: string;

  beforeEach(() => {
    outDir = tempDir();
  });

  afterEach(() => {
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('should build a schema-valid dev package with stand-ins when nothing is set', async () => {
    const result = await buildAppPackage({ env: 'dev', vars: {}, outDir });

    assert.equal(result.zipPath, path.join(outDir, 'appPackage.dev.zip'));
    const entries = unzip(result.zipPath);
    assert.deepEqual([...entries.keys()].sort(), ['color.png', 'manifest.json', 'outline.png']);
    const text = entries.get('manifest.json')?.toString('utf8') ?? '';
    const manifest = JSON.parse(text) as FilledManifest;
    assertSchemaValid(validateTeamsManifest(manifest), 'dev manifest');
    assert.ok(result.devValuesUsed.includes('MicrosoftAppId'));
    assert.equal((manifest.bots as BotManifest[])[0].botId, PLACEHOLDERS.BOT_ID.devValue);
    assert.doesNotMatch(JSON.stringify(manifest), /\$\{\{/);
  });

  it('should fill the bot id, app id, host and SSO resource from the given variables', async () => {
    const result = await buildAppPackage({ env: 'prod', vars: PROD_VARS, outDir });

    const manifest = JSON.parse(
      unzip(result.zipPath).get('manifest.json')?.toString('utf8') ?? ''
    ) as FilledManifest & { staticTabs: { entityId: string; contentUrl?: string }[] };
    assertSchemaValid(validateTeamsManifest(manifest), 'prod manifest');
    assert.deepEqual(result.devValuesUsed, []);
    assert.equal((manifest.bots as BotManifest[])[0].botId, PROD_VARS.MicrosoftAppId);
    assert.equal(manifest.id, PROD_VARS.TEAMS_APP_ID);
    assert.deepEqual(manifest.validDomains, ['learning.partnership.example.org']);
    assert.deepEqual(manifest.webApplicationInfo, {
      id: PROD_VARS.ENTRA_CLIENT_ID,
      resource: `api://learning.partnership.example.org/${PROD_VARS.ENTRA_CLIENT_ID}`,
    });
    const tracker = manifest.staticTabs.find((t) => t.entityId === 'tracker');
    assert.equal(tracker?.contentUrl, 'https://learning.partnership.example.org/tabs/index.html?page=tracker', 'the deep link to the tab lands on the tracker');
  });

  it('should declare the bot commands for personal and team scopes', async () => {
    const { manifest } = await buildAppPackage({ env: 'dev', vars: {}, outDir });

    const bot = (manifest.bots as BotManifest[])[0];
    assert.deepEqual(bot.scopes, ['personal', 'team']);
    assert.equal(bot.supportsFiles, false);
    assert.deepEqual(bot.commandLists.map((l) => l.scopes), [['personal'], ['team']]);
    for (const list of bot.commandLists) {
      assert.deepEqual(
        list.commands.map((c) => c.title),
        ['notify a case', 'focus groups', 'my actions', 'my reviews', 'help']
      );
    }
  });

  it('should ship a 192x192 colour icon and a 32x32 white-on-transparent outline', async () => {
    const entries = unzip((await buildAppPackage({ env: 'dev', vars: {}, outDir })).zipPath);

    const color = readPng(entries.get('color.png') ?? Buffer.alloc(0));
    assert.deepEqual([color.width, color.height], [192, 192]);
    const outline = readPng(entries.get('outline.png') ?? Buffer.alloc(0));
    assert.deepEqual([outline.width, outline.height], [32, 32]);
    const pixels = decodeRgba(outline);
    let transparent = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] === 0) {
        transparent++;
      } else {
        const rgb = [...pixels.subarray(i, i + 3)];
        assert.deepEqual(rgb, [255, 255, 255], `pixel ${i / 4} is not white`);
      }
    }
    assert.ok(transparent > 0 && transparent < 32 * 32, `${transparent} transparent pixels`);
  });

  it('should fail naming every missing variable outside the dev environments', async () => {
    await assert.rejects(buildAppPackage({ env: 'prod', vars: {}, outDir }), (err: Error) => {
      assert.match(err.message, /MicrosoftAppId is not set/);
      assert.match(err.message, /PUBLIC_HOSTNAME is not set/);
      return true;
    });
    assert.equal(fs.existsSync(path.join(outDir, 'appPackage.prod.zip')), false);
  });

  it('should fail with a clear message when MicrosoftAppId is not a GUID', async () => {
    await assert.rejects(
      buildAppPackage({ env: 'dev', vars: { MicrosoftAppId: 'my-bot' }, outDir }),
      /MicrosoftAppId must be a GUID/
    );
  });

  it('should fail with a clear message for an unknown placeholder', async () => {
    const sourceDir = tempDir();
    try {
      for (const file of ['color.png', 'outline.png']) {
        fs.copyFileSync(path.join(APP_PACKAGE_DIR, file), path.join(sourceDir, file));
      }
      const template = fs
        .readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8')
        .replace('"version": "1.0.0"', '"version": "${{MYSTERY_VERSION}}"');
      fs.writeFileSync(path.join(sourceDir, 'manifest.json'), template);

      await assert.rejects(
        buildAppPackage({ env: 'dev', vars: {}, outDir, sourceDir }),
        /\$\{\{MYSTERY_VERSION\}\} is unknown/
      );
    } finally {
      fs.rmSync(sourceDir, { recursive: true, force: true });
    }
  });
});

describe('validateTeamsManifest', () => {
  it('should reject a manifest whose bot id is not a GUID', async () => {
    const outDir = tempDir();
    try {
      const { manifest } = await buildAppPackage({ env: 'dev', vars: {}, outDir });
      (manifest.bots as BotManifest[])[0].botId = 'safeguarding-bot';

      const result = validateTeamsManifest(manifest);

      assert.equal(result.valid, false);
      const botIdError = result.errors.some((e) => e.startsWith('/bots/0/botId '));
      assert.ok(botIdError, result.errors.join('\n'));
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
});
