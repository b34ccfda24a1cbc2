import { expect } from '@jest/globals';
import type { BotHarness } from '../fakes/botHarness';
import { taskFetch, taskSubmit, type TeamsUser } from '../fixtures/teamsActivities';
import { actions, adaptiveCardsProblems, schemaErrors, vmOf } from '../cards/cardChecks';

/** The card inside a dialog (task module) response, checked to parse and validate. */
export function dialogCardOf(body: any): Record<string, any> {
  expect(body?.task?.type).toBe('continue');
  const card = body.task.value.card.content as Record<string, any>;
  expect(adaptiveCardsProblems(card)).toEqual([]);
  expect(schemaErrors(card)).toEqual([]);
  return card;
}

/** The `vm` data of the dialog card's button with that navigation. */
export function buttonVm(card: object, nav: string): Record<string, any> {
  const found = actions(card).map(vmOf).find((vm) => vm.nav === nav);
  if (!found) throw new Error(`no button with nav ${nav}`);
  return found;
}

/**
 * Answers per wizard step, as the card inputs send them. Whether someone is in danger is asked on
 * the first step (`what`); an `immediateDanger` under `support` (where it used to be) is moved there.
 */
export type StepInputs = Record<'what' | 'want' | 'identity' | 'involved' | 'details' | 'support', Record<string, string>>;

/** The inputs a step's card sends, with the danger answer on the first step. */
export function inputsOfStep(inputs: StepInputs, step: keyof StepInputs): Record<string, string> {
  const { immediateDanger, ...support } = inputs.support;
  if (step === 'support') return support;
  if (step === 'what' && immediateDanger !== undefined && inputs.what.immediateDanger === undefined) return { ...inputs.what, immediateDanger };
  return inputs[step];
}

export function namedReportInputs(description: string): StepInputs {
  return {
    what: { categories: 'bullying,discrimination' },
    want: { kind: 'report', preferMeldpunt: 'false' },
    identity: { identity: 'named' },
    involved: { involved: 'Sergeant Jansen, peloton 2', managerInvolved: 'no' },
    details: { incidentDate: '2026-11-20', location: 'Kazerne Oirschot, legering', description },
    support: { wantsCounsellorContact: 'true', immediateDanger: 'false' },
  };
}

/**
 * Walks the whole wizard in a dialog as Teams would: opens it, presses Next on every step with
 * the given inputs, and returns the review card (not yet submitted).
 */
export async function walkToReview(bot: BotHarness, user: TeamsUser, inputs: StepInputs): Promise<Record<string, any>> {
  const opened = await bot.send(taskFetch(user, bot.connector.serviceUrl, { vm: { dialog: 'wizard', nav: 'next' } }));
  expect(opened.status).toBe(200);
  let card = dialogCardOf(opened.body);
  for (const step of ['what', 'want', 'identity', 'involved', 'details', 'support'] as const) {
    const next = buttonVm(card, 'next');
    expect(next.step).toBe(step);
    const response = await bot.send(taskSubmit(user, bot.connector.serviceUrl, { ...inputsOfStep(inputs, step), vm: next }));
    expect(response.status).toBe(200);
    card = dialogCardOf(response.body);
    // Someone in danger: the help comes first; "continue my report" goes on with the wizard.
    const resume = actions(card).map(vmOf).find((vm) => vm.nav === 'resume');
    if (resume) card = dialogCardOf((await bot.send(taskSubmit(user, bot.connector.serviceUrl, { vm: resume }))).body);
  }
  return card;
}

/** Presses Submit on a review card; returns the dialog response body. */
export async function submitReview(bot: BotHarness, user: TeamsUser, review: object): Promise<any> {
  const response = await bot.send(taskSubmit(user, bot.connector.serviceUrl, { vm: buttonVm(review, 'submit') }));
  expect(response.status).toBe(200);
  return response.body;
}
