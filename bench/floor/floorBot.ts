import { TeamsActivityHandler } from '@microsoft/agents-hosting-extensions-teams';
import { CardFactory, MessageFactory, type InvokeResponse, type TurnContext } from '@microsoft/agents-hosting';
import * as ACData from 'adaptivecards-templating';
import stepTemplate from './floorStep.card.json';
import menuTemplate from './floorMenu.card.json';

/** The floor's dialog length: seven cards, as the product's wizard (six steps and a review). */
export const FLOOR_STEPS = 7;

const stepCard = new ACData.Template(stepTemplate);
const menuCard = new ACData.Template(menuTemplate);

/**
 * The benchmark floor: the smallest bot on the product's stack that does what a wizard step
 * does. A chat message gets a card with a Start button; `task/fetch` opens a seven-step dialog
 * (a card per step rendered with adaptivecards-templating); each `task/submit` keeps the answer
 * in memory and renders the next step; the last one answers with a message; an
 * `adaptiveCard/action` gets a refreshed card. No storage, no crypto, no outbox.
 */
export class FloorBot extends TeamsActivityHandler {
  /** Answers per conversation: all the state there is. */
  private readonly answers = new Map<string, string[]>();

  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(menuCard.expand({ $root: { text: 'Welkom. Wat wil je doen?' } }))));
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const conversationId = context.activity.conversation?.id ?? '';
    switch (context.activity.name) {
      case 'task/fetch':
        this.answers.set(conversationId, []);
        return ok(dialog(1, []));
      case 'task/submit': {
        const data = (context.activity.value as { data?: { answer?: string } } | undefined)?.data ?? {};
        const answers = [...(this.answers.get(conversationId) ?? []), String(data.answer ?? '')];
        this.answers.set(conversationId, answers);
        if (answers.length >= FLOOR_STEPS) {
          this.answers.delete(conversationId);
          return ok({ task: { type: 'message', value: `Ontvangen: ${answers.length} antwoorden.` } });
        }
        return ok(dialog(answers.length + 1, answers));
      }
      case 'adaptiveCard/action':
        return ok({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: menuCard.expand({ $root: { text: 'Je hebt geen open meldingen.' } }) });
      default:
        return { status: 400 };
    }
  }
}

function dialog(step: number, answers: readonly string[]): object {
  const card = stepCard.expand({
    $root: {
      title: `Vraag ${step}`,
      step,
      steps: FLOOR_STEPS,
      question: 'Wat is er gebeurd?',
      answer: '',
      button: step === FLOOR_STEPS ? 'Versturen' : 'Volgende',
      answers: answers.map((value, index) => ({ label: `Vraag ${index + 1}`, value })),
    },
  });
  return { task: { type: 'continue', value: { title: 'Floor', height: 'large', width: 'large', card: CardFactory.adaptiveCard(card) } } };
}

function ok(body: object): InvokeResponse {
  return { status: 200, body };
}
