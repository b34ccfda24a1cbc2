import type { InvokeResponse, TurnContext } from '@microsoft/agents-hosting';
import { TeamsActivityHandler } from '@microsoft/agents-hosting-extensions-teams';
import { renderError } from '../../cards/error';
import { t } from '../../cards/i18n';
import { renderNotice } from '../../cards/notice';
import { rememberConversation } from '../app/outbox/rememberConversation';
import { runThenDeliverOwn } from '../app/outbox/turnOutbox';
import { DomainError, ForbiddenError } from '../domain/errors';
import { toLocale, type Locale } from '../domain/locale';
import { fetchAnonymousStatusDialog, submitAnonymousStatusDialog } from './anonymousStatusDialog';
import { fetchCaseDialog, submitCaseDialog } from './caseDialogs';
import type { BotServices } from './botServices';
import { fetchAuditExportDialog } from './auditExportDialog';
import { carriesFiles } from './carriesFiles';
import { readChatMessage } from './chatCommand';
import { CHAT_VERBS } from './chatVerbs';
import { readDialogSubmit } from './dialogAction';
import { queueFailedSends } from './queueFailedSends';
import { fetchHandoverDialog, submitHandoverDialog } from './handoverDialog';
import { fetchInsightsDialog } from './insightsDialog';
import { fetchCheckInDialog, submitCheckInDialog } from './aftercare/checkInDialog';
import { fetchLessonReviewDialog, submitLessonReviewDialog } from './lessons/lessonReviewDialog';
import { cardActionResponse, dialogCard } from './invokeResponses';
import { myCasesCard } from './myCasesCard';
import { sendCard } from './sendCard';
import { turnIdentity, type TurnIdentity } from './turnIdentity';
import { fetchWizardDialog, submitWizardDialog } from './wizardDialog';
import { welcomeCard } from './welcomeCard';
import { AGENDA_VERBS } from './agenda/agendaVerbs';
import { dialogRule, verbRule } from './accessTable';
import { onTeamChannelMessage, onTeamInstalled, onTeamRemoved } from './agenda/teamEvents';
import { teamOfTurn } from './agenda/teamChannel';

/**
 * The Teams bot. Chat messages and chat cards carry references, states and buttons only; all
 * report content is entered and shown in dialogs (task modules), which Teams does not keep as
 * chat messages.
 */
export class VeiligMeldenBot extends TeamsActivityHandler {
  constructor(private readonly services: BotServices) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.safely(context, 'team_remove', () => onTeamRemoved(this.services, context));
      await next();
    });
  }

  /** Every turn: a message the turn sends that the connector refuses for now goes to the outbox (see `queueFailedSends`). */
  override async run(context: TurnContext): Promise<void> {
    context.onSendActivities(queueFailedSends(this.services));
    await super.run(context);
  }

  protected override async onTeamsMembersAdded(context: TurnContext): Promise<void> {
    const botId = context.activity.recipient?.id;
    const botAdded = (context.activity.membersAdded ?? []).some((member) => member.id === botId);
    if (!botAdded) return;
    if (teamOfTurn(context)) {
      await this.safely(context, 'team_install', () => onTeamInstalled(this.services, context));
      return;
    }
    const turn = turnIdentity(context, this.services.localMode);
    if (!turn.personal) return;
    await rememberConversation(this.services, turn.reporter.userId, turn.reporter.conversation);
    await sendCard(context, await welcomeCard(this.services, turn));
  }

  protected override async onTeamsMembersRemoved(context: TurnContext): Promise<void> {
    const botId = context.activity.recipient?.id;
    if (!(context.activity.membersRemoved ?? []).some((member) => member.id === botId)) return;
    await this.safely(context, 'team_remove', () => onTeamRemoved(this.services, context));
  }

  protected override async onTeamsTeamDeleted(context: TurnContext): Promise<void> {
    await this.safely(context, 'team_remove', () => onTeamRemoved(this.services, context));
  }

  protected override async onTeamsTeamHardDeleted(context: TurnContext): Promise<void> {
    await this.safely(context, 'team_remove', () => onTeamRemoved(this.services, context));
  }

  /** Runs the handling of a team event; a failure is logged by code, never shown in the channel. */
  private async safely(context: TurnContext, event: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      this.services.logger.error('team_event.failed', { event, code: error instanceof DomainError ? error.code : 'internal', errorName: error instanceof Error ? error.name : typeof error });
    }
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    switch (context.activity.name) {
      case 'task/fetch':
        return this.guarded(context, 'dialog', (turn) => this.fetchDialog(turn, context.activity.value));
      case 'task/submit':
        return this.guarded(context, 'dialog', (turn) => this.submitDialog(context, turn, context.activity.value));
      case 'adaptiveCard/action':
        return this.guarded(context, 'card', (turn) => this.executeVerb(context, turn, context.activity.value));
      default:
        // The bot serves no other invoke. The SDK's default answers 501 (a server error for a
        // client's request) and, for several names (none, config/*, composeExtension/*,
        // application/search…), throws first: an error card in the user's chat and a failure in
        // the logs. An invoke the bot does not know is the caller's mistake.
        return { status: 400 };
    }
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const turn = turnIdentity(context, this.services.localMode);
    if (teamOfTurn(context)) {
      await onTeamChannelMessage(this.services, context, turn);
      return;
    }
    if (!turn.personal) {
      await sendCard(context, renderNotice({ locale: turn.locale, titleKey: 'notices.usePersonalChat.title', textKey: 'notices.usePersonalChat.text' }));
      return;
    }
    await rememberConversation(this.services, turn.reporter.userId, turn.reporter.conversation);
    const message = carriesFiles(context.activity.attachments) ? { command: 'file' as const } : readChatMessage(context.activity.text);
    switch (message.command) {
      case 'file':
        await sendCard(context, renderNotice({ locale: turn.locale, titleKey: 'notices.fileNotTaken.title', textKey: 'notices.fileNotTaken.text', offerReport: true }));
        return;
      case 'status':
        await sendCard(context, await myCasesCard(this.services, turn.reporter.userId, turn.locale));
        return;
      case 'stop':
        await sendCard(context, renderNotice({ locale: turn.locale, titleKey: 'notices.draftKept.title', textKey: 'notices.draftKept.text', offerReport: true }));
        return;
      case 'notInChat':
        await sendCard(context, renderNotice({ locale: turn.locale, titleKey: 'notices.notInChat.title', textKey: 'notices.notInChat.text', offerReport: true }));
        return;
      case 'handover':
        await sendCard(
          context,
          renderNotice({ locale: turn.locale, titleKey: 'notices.handover.title', textKey: 'notices.handover.text', openDialog: { dialog: 'handover', titleKey: 'handover.open' } }),
        );
        return;
      case 'audit':
        // Only a reference and a button here (a chat message is kept): who may see the record is checked when the dialog opens.
        await sendCard(
          context,
          message.reference
            ? renderNotice({
                locale: turn.locale,
                titleKey: 'notices.auditExport.title',
                textKey: 'notices.auditExport.text',
                params: { reference: message.reference },
                openDialog: { dialog: 'auditExport', titleKey: 'auditExport.open', reference: message.reference },
              })
            : renderNotice({ locale: turn.locale, titleKey: 'notices.auditUsage.title', textKey: 'notices.auditUsage.text' }),
        );
        return;
      case 'insights':
        // Only a button here: whether the user coordinates any unit is checked when the dialog opens.
        await sendCard(
          context,
          renderNotice({ locale: turn.locale, titleKey: 'notices.insights.title', textKey: 'notices.insights.text', openDialog: { dialog: 'insights', titleKey: 'insights.open', period: 'thisQuarter' } }),
        );
        return;
      case 'lessons':
        // Only a button here: whether the user may review any lesson is checked when the dialog opens.
        await sendCard(
          context,
          renderNotice({ locale: turn.locale, titleKey: 'notices.lessonReview.title', textKey: 'notices.lessonReview.text', openDialog: { dialog: 'lessonReview', titleKey: 'lessons.review.open' } }),
        );
        return;
      case 'report':
      case 'agenda':
      case 'welcome':
        await sendCard(context, await welcomeCard(this.services, turn));
        return;
    }
  }

  private async fetchDialog(turn: TurnIdentity, value: unknown): Promise<object> {
    const { action } = readDialogSubmit(value);
    if (action?.dialog && !dialogRule(action.dialog)) throw new ForbiddenError('dialog not declared');
    if (action?.dialog === 'anonymousStatus') return fetchAnonymousStatusDialog(turn.locale);
    if (action?.dialog === 'handover') return fetchHandoverDialog(this.services, turn);
    if (action?.dialog === 'auditExport') return fetchAuditExportDialog(this.services, turn, action);
    if (action?.dialog === 'insights') return fetchInsightsDialog(this.services, turn, action);
    if (action?.dialog === 'checkIn') return fetchCheckInDialog(this.services, turn, action);
    if (action?.dialog === 'lessonReview') return fetchLessonReviewDialog(this.services, turn);
    if (action?.dialog && action.dialog.startsWith('case')) return fetchCaseDialog(this.services, turn, action);
    return fetchWizardDialog(this.services, turn);
  }

  private async submitDialog(context: TurnContext, turn: TurnIdentity, value: unknown): Promise<object | undefined> {
    const { action, inputs } = readDialogSubmit(value);
    if (action?.dialog && !dialogRule(action.dialog)) throw new ForbiddenError('dialog not declared');
    if (!action) return fetchWizardDialog(this.services, turn);
    // Every close or cancel button of every dialog closes it (an empty answer) and changes nothing.
    if (action.nav === 'close') return undefined;
    if (action.dialog === 'handover') return submitHandoverDialog(this.services, turn, action, inputs);
    // The audit dialog has only a close button (above); anything else it might send reopens the record (checked again).
    if (action.dialog === 'auditExport') return fetchAuditExportDialog(this.services, turn, action);
    // The insights' period buttons reopen it for that period (the role is checked again).
    if (action.dialog === 'insights') return fetchInsightsDialog(this.services, turn, action);
    if (action.dialog === 'checkIn') return submitCheckInDialog(this.services, context, turn, action, inputs);
    if (action.dialog === 'lessonReview') return submitLessonReviewDialog(this.services, turn, action, inputs);
    if (action.dialog === 'anonymousStatus' || action.nav === 'checkStatus') return submitAnonymousStatusDialog(this.services, turn, inputs);
    if (action.dialog && action.dialog.startsWith('case')) return submitCaseDialog(this.services, turn, action, inputs);
    if (action.nav === 'restart') return fetchWizardDialog(this.services, turn);
    return submitWizardDialog(this.services, context, turn, { ...action, nav: action.nav }, inputs);
  }

  private async executeVerb(context: TurnContext, turn: TurnIdentity, value: unknown): Promise<object> {
    const action = isRecord(value) && isRecord(value.action) ? value.action : {};
    const verb = typeof action.verb === 'string' ? action.verb : '';
    // Declared or refused: the access table says where a verb may be used; the use case checks the role on the record.
    const rule = verbRule(verb);
    const handler = rule ? (Object.prototype.hasOwnProperty.call(CHAT_VERBS, verb) ? CHAT_VERBS[verb] : AGENDA_VERBS[verb]) : undefined;
    const where = rule?.scope === 'teamChannel' ? teamOfTurn(context) !== undefined : turn.personal;
    if (!rule || !handler || !where) throw new ForbiddenError(`verb not allowed: ${verb.slice(0, 40)}`);
    const data = isRecord(action.data) ? { ...action.data } : {};
    return handler.handle(this.services, context, turn, data);
  }

  /**
   * Runs an invoke: identifies the user, remembers their chat, and turns any failure into a
   * friendly card in their language with a correlation id (never the error's own text).
   */
  private async guarded(context: TurnContext, kind: 'dialog' | 'card', run: (turn: TurnIdentity) => Promise<object | undefined>): Promise<InvokeResponse> {
    let locale: Locale = toLocale(context.activity.locale);
    try {
      const turn = turnIdentity(context, this.services.localMode);
      locale = turn.locale;
      // Dialogs (report content) only in the 1:1 chat; card verbs check where they may be used themselves.
      if (!turn.personal && kind === 'dialog') throw new ForbiddenError('dialog outside the personal chat');
      if (turn.personal) await rememberConversation(this.services, turn.reporter.userId, turn.reporter.conversation);
      // The messages this turn queued (to handlers, reporters) go now, bounded; what does not go at once, the outbox timer sends.
      const body = await runThenDeliverOwn(this.services, () => run(turn));
      return { status: 200, body };
    } catch (error) {
      const correlationId = this.services.correlationId();
      const messageKey = error instanceof DomainError ? error.messageKey : 'generic';
      this.services.logger[error instanceof DomainError ? 'warn' : 'error']('invoke.failed', {
        correlationId,
        invoke: context.activity.name,
        code: error instanceof DomainError ? error.code : 'internal',
        errorName: error instanceof Error ? error.name : typeof error,
      });
      const card = renderError({ locale, messageKey, correlationId });
      return { status: 200, body: kind === 'dialog' ? dialogCard(t(locale, 'errors.title'), card, 'medium') : cardActionResponse(card) };
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
