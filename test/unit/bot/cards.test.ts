/**
 * Checks every Adaptive Card template under `bot/` against the official 1.5 schema, raw and bound.
 * A template `bot/cards/<name>.json` is bound with sample data from `bot/cards/<name>.sample.json`
 * when that file exists (the Designer's "sample data"), or from SAMPLE_VIEWS below.
 *
 * The `adaptivecards` renderer needs a DOM to render; here its object model parses and validates
 * the bound cards (no DOM needed). Rendering is left to the browser tests.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import * as ACData from 'adaptivecards-templating';

import { cardAttachment, type CardJson } from '../../../bot/cards/template';
import { buildWelcomeCard, type WelcomeView } from '../../../bot/cards/welcome';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  assertSchemaValid,
  validateActivity,
  validateAdaptiveCard,
  validateInvokeResponse,
  REFERENCE_DIR,
} from '../../helpers/schemas';

// The package's `main` is ESM without extensions; its UMD bundle loads in Node.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

const BOT_DIR = path.resolve(__dirname, '../../../bot');

/** Sample views for templates that have no `<name>.sample.json`, keyed by path under `bot/`. */
const SAMPLE_VIEWS: Record<string, object> = {
  'cards/welcome.json': {
    title: 'Hello Sam Patel: this is Safeguarding Learning',
    intro: "Here's what you can ask me:",
    commands: [{ title: 'notify a case', description: 'Tell the board about a case' }],
    buttons: [{ title: 'notify a case' }],
  },
};

const WELCOME_VIEW: WelcomeView = {
  name: 'Sam Patel',
  commands: [
    { title: 'notify a case', description: 'Tell the board about a case that may need a review' },
    { title: 'focus groups', description: 'See audit focus groups you can join' },
    { title: 'my actions', description: "Your agency's red and due-soon actions" },
  ],
};

type TemplateFile = { rel: string; text: string; json: unknown; parseError?: string };

function findJsonFiles(): TemplateFile[] {
  const files = fs.readdirSync(BOT_DIR, { recursive: true, encoding: 'utf8' });
  return files
    .filter((f) => f.endsWith('.json') && !f.endsWith('.sample.json'))
    .sort()
    .map((f) => {
      const rel = f.split(path.sep).join('/');
      const text = fs.readFileSync(path.join(BOT_DIR, f), 'utf8');
      try {
        return { rel, text, json: JSON.parse(text) as unknown };
      } catch (err) {
        return { rel, text, json: undefined, parseError: (err as Error).message };
      }
    });
}

function isCardTemplate(file: TemplateFile): boolean {
  return (file.json as { type?: unknown } | undefined)?.type === 'AdaptiveCard';
}

function sampleViewFor(rel: string): object | undefined {
  const samplePath = path.join(BOT_DIR, rel.replace(/\.json$/, '.sample.json'));
  if (fs.existsSync(samplePath)) {
    return JSON.parse(fs.readFileSync(samplePath, 'utf8')) as object;
  }
  return SAMPLE_VIEWS[rel];
}

/**
 * Removes the templating language's own keywords (`$data`, `$when`), which the Designer
 * understands but the card schema does not (e.g. Fact forbids extra properties).
 */
function stripTemplatingKeywords(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(stripTemplatingKeywords);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== '$data' && k !== '$when')
        .map(([k, v]) => [k, stripTemplatingKeywords(v)])
    );
  }
  return value;
}

function bind(template: unknown, view: object): CardJson {
  return new ACData.Template(template).expand({ $root: view }) as CardJson;
}

/** @returns every `${...}` expression left in a bound card */
function unboundExpressions(card: unknown): string[] {
  return JSON.stringify(card).match(/\$\{[^}]*\}/g) ?? [];
}

/** @returns the parse and validation messages of the `adaptivecards` object model */
function objectModelEvents(card: CardJson): string[] {
  const model = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  model.parse(card, context);
  const messages: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    messages.push(context.getEventAt(i).message);
  }
  return messages.concat(model.validateProperties().validationEvents.map((e) => e.message));
}

const jsonFiles = findJsonFiles();
const templates = jsonFiles.filter((f) => f.parseError || isCardTemplate(f));

describe('bot card templates', () => {
  it('should find the Adaptive Card templates under bot/', () => {
    assert.ok(
      templates.some((t) => t.rel === 'cards/welcome.json'),
      `found: ${templates.map((t) => t.rel).join(', ')}`
    );
  });

  for (const file of templates) {
    describe(`bot/${file.rel}`, () => {
      it('should parse as JSON and declare Adaptive Card version "1.5"', () => {
        assert.equal(file.parseError, undefined, `bot/${file.rel} is not valid JSON`);
        assert.equal((file.json as { version?: unknown }).version, '1.5');
      });

      it('should match the Adaptive Card 1.5 schema as a raw template', () => {
        const raw = stripTemplatingKeywords(file.json);
        assertSchemaValid(validateAdaptiveCard(raw), `bot/${file.rel}`);
      });

      const view = sampleViewFor(file.rel);
      if (!view) {
        return;
      }

      it('should match the schema when bound with its sample view, leaving nothing unbound', () => {
        const card = bind(file.json, view);
        assertSchemaValid(validateAdaptiveCard(card), `bot/${file.rel} bound`);
        assert.deepEqual(unboundExpressions(card), []);
      });

      it('should load in the adaptivecards object model without warnings when bound', () => {
        assert.deepEqual(objectModelEvents(bind(file.json, view)), []);
      });
    });
  }
});

describe('buildWelcomeCard', () => {
  it('should bind a realistic view into a valid Adaptive Card 1.5', () => {
    const card = buildWelcomeCard(WELCOME_VIEW);

    assertSchemaValid(validateAdaptiveCard(card), 'welcome card');
    assert.deepEqual(unboundExpressions(card), []);
    assert.equal(card.version, '1.5');
  });

  it('should list every command plus help and offer a messageBack button per command', () => {
    const card = buildWelcomeCard(WELCOME_VIEW) as {
      body: { type: string; facts?: { title: string }[] }[];
      actions: { title: string; data: { msteams: { type: string; text: string } } }[];
    };

    const facts = card.body.find((b) => b.type === 'FactSet')?.facts?.map((f) => f.title);
    assert.deepEqual(facts, ['notify a case', 'focus groups', 'my actions', 'help']);
    assert.deepEqual(
      card.actions.map((a) => [a.title, a.data.msteams.type, a.data.msteams.text]),
      WELCOME_VIEW.commands.map((c) => [c.title, 'messageBack', c.title])
    );
  });

  it('should load in the adaptivecards object model without parse or validation warnings', () => {
    assert.deepEqual(objectModelEvents(buildWelcomeCard(WELCOME_VIEW)), []);
  });

  it('should make a valid outgoing message activity when sent as an attachment', () => {
    const activity = {
      type: 'message',
      channelId: 'msteams',
      conversation: { id: 'a:1personal-chat-id' },
      attachments: [cardAttachment(buildWelcomeCard(WELCOME_VIEW))],
    };

    assertSchemaValid(validateActivity(activity, { incoming: false }), 'welcome message');
  });

  it('should make a valid Action.Execute invoke response body', () => {
    const value = buildWelcomeCard(WELCOME_VIEW);
    const body = { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value };

    assertSchemaValid(validateInvokeResponse(body), 'invoke response');
  });
});

describe('validateAdaptiveCard', () => {
  it('should reject an unknown element type such as "TextBlok"', () => {
    const result = validateAdaptiveCard({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlok', text: 'typo' }],
    });

    assert.equal(result.valid, false);
    assert.ok(result.errors.some((e) => e.startsWith('/body/0 ')), result.errors.join('\n'));
  });

});

describe('validateInvokeResponse', () => {
  it('should reject a returned card with an unknown element', () => {
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlok', text: 'x' }] };

    const body = { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card };

    const result = validateInvokeResponse(body);

    assert.equal(result.valid, false);
  });
});

describe('validateActivity', () => {
  const reference = path.join(REFERENCE_DIR, 'activities');
  const strictFailures = [
    'conversation-update-bot-added-personal.json',
    'conversation-update-bot-added-to-team.json',
    'installation-update-add.json',
    'message-channel-mention.json',
  ];

  it('should accept every captured Teams payload with the incoming relaxations', () => {
    const strictPasses = ['message-personal.json', 'invoke-adaptive-card-action.json'];
    for (const name of [...strictFailures, ...strictPasses]) {
      const activity = JSON.parse(fs.readFileSync(path.join(reference, name), 'utf8')) as unknown;
      assertSchemaValid(validateActivity(activity, { incoming: true }), name);
    }
  });

  it('should reject four of them under the strict rules (missing name, html content)', () => {
    for (const name of strictFailures) {
      const activity = JSON.parse(fs.readFileSync(path.join(reference, name), 'utf8')) as unknown;
      assert.equal(validateActivity(activity, { incoming: false }).valid, false, name);
    }
  });
});
