import type { Locator, Page } from 'playwright-core';

/**
 * Drives the local chat page as a person would: picks who they are, presses what they see and
 * fills card inputs. Inputs are found by their card id (the page marks each rendered input
 * with `data-input-id`), buttons by their title in the user's language.
 */
export class ChatPageDriver {
  constructor(readonly page: Page) {}

  /** The open dialog (task module). */
  get dialog(): Locator {
    return this.page.locator('dialog[open]');
  }

  get messages(): Locator {
    return this.page.locator('#messages');
  }

  async actAs(aadObjectId: string): Promise<void> {
    await this.page.selectOption('#person', aadObjectId);
  }

  async openPlace(place: string): Promise<void> {
    await this.page.locator(`[data-place="${place}"]`).click();
  }

  /** Presses a card button (in the dialog when one is open, else the last card in the chat that has it). */
  async press(title: string, scope?: Locator): Promise<void> {
    const buttons = (scope ?? this.page).getByRole('button', { name: title, exact: true });
    await buttons.last().click();
  }

  /**
   * Fills a card input: choice sets by value (`a,b` for several), text, date and time inputs by
   * typing. Expanded choice sets are checked by clicking their choices, as a person does.
   */
  async fill(scope: Locator, id: string, value: string): Promise<void> {
    const input = scope.locator(`[data-input-id="${id}"]`).last();
    await input.waitFor();
    const choices = input.locator('input[type=checkbox], input[type=radio]');
    if ((await choices.count()) > 0) {
      const wanted = value.split(',');
      for (let index = 0; index < (await choices.count()); index += 1) {
        const choice = choices.nth(index);
        const should = wanted.includes((await choice.getAttribute('value')) ?? '');
        if (should !== (await choice.isChecked())) await choice.click();
      }
      return;
    }
    const control = (await input.evaluate((element) => ['INPUT', 'SELECT', 'TEXTAREA'].includes(element.tagName))) ? input : input.locator('input, select, textarea').first();
    if ((await control.evaluate((element) => element.tagName)) === 'SELECT') await control.selectOption(value);
    else await control.fill(value);
  }
}

/** Waits until the element (one of them) shows the text; fails with the page's timeout otherwise. */
export async function waitForText(locator: Locator, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ state: 'visible' });
}
