import fs from 'node:fs';
import path from 'node:path';

import type { Attachment } from 'botbuilder';
import * as ACData from 'adaptivecards-templating';

/** An Adaptive Card as JSON. */
export type CardJson = Record<string, unknown>;

const cache = new Map<string, ACData.Template>();

/**
 * Binds a card template in `bot/cards/<name>.json` with a view model.
 * @param name the template file name without `.json`
 * @param view the data the template's `${...}` expressions read
 * @returns the bound card
 */
export function bindCard(name: string, view: object): CardJson {
  let template = cache.get(name);
  if (!template) {
    const json = JSON.parse(fs.readFileSync(path.join(__dirname, `${name}.json`), 'utf8')) as object;
    template = new ACData.Template(json);
    cache.set(name, template);
  }
  return template.expand({ $root: view }) as CardJson;
}

/** @returns the card as a message attachment */
export function cardAttachment(card: CardJson): Attachment {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}
