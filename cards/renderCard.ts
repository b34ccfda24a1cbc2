import * as ACData from 'adaptivecards-templating';

/** An expanded Adaptive Card, ready to send. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  body?: unknown[];
  actions?: unknown[];
  [property: string]: unknown;
}

// Templates are parsed once: the JSON modules they come from are loaded once per process.
const parsed = new WeakMap<object, ACData.Template>();

function templateFor(template: object): ACData.Template {
  let prepared = parsed.get(template);
  if (!prepared) {
    prepared = new ACData.Template(template);
    parsed.set(template, prepared);
  }
  return prepared;
}

/**
 * The one place cards are made: expands an Adaptive Card template (`${...}`, `$data`, `$when`)
 * against `data`.
 *
 * Only the template is parsed for expressions; values in `data` are inserted as they are, so text a
 * user typed (which may contain `${...}`, markdown or HTML) is never evaluated. Nothing is trimmed
 * or shortened here: lengths are validated before a card is rendered.
 */
export function renderCard(template: object, data: object): AdaptiveCard {
  const card: unknown = templateFor(template).expand({ $root: data });
  if (typeof card !== 'object' || card === null || (card as { type?: unknown }).type !== 'AdaptiveCard') {
    throw new Error('renderCard: the template did not expand to an AdaptiveCard');
  }
  return card as AdaptiveCard;
}
