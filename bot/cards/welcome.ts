import { bindCard, type CardJson } from './template';

/** What the welcome card shows. */
export type WelcomeView = {
  name: string;
  commands: { title: string; description: string }[];
};

/** Builds the welcome / help card: what the bot can do, with a button for each command. */
export function buildWelcomeCard(view: WelcomeView): CardJson {
  return bindCard('welcome', {
    title: `Hello ${view.name}: this is Safeguarding Learning`,
    intro:
      "I help the safeguarding partnership learn from cases and improve practice. Here's what you can ask me:",
    commands: [...view.commands, { title: 'help', description: 'Show this card again' }],
    buttons: view.commands.slice(0, 5).map((c) => ({ title: c.title })),
  });
}
