/**
 * The function app's entry point (package.json `main`): one import per function module, each of
 * which registers itself with `app.http`/`app.timer`. The Functions runtime and the local host
 * both load this list.
 */
// First: OpenTelemetry must be registered before the modules it observes are loaded.
import './telemetry';
import { app } from '@azure/functions';
import { getApplication, resetApplication } from '../bot/composition';
import { logStartupFailure } from '../bot/startup/logStartupFailure';
import './health';
import './messages';
import './purgeExpiredDrafts';
import './deliverOutbox';
import './devClock';
import './sendDueReminders';
import './postTeamTopics';
import './sendCoordinatorDigests';
import './handOverFromDepartedHandlers';
import './purgeClosedCases';
import './tabFiles';
import './tabMe';
import './tabMyReports';
import './tabMyTasks';
import './tabAcknowledgeCase';
import './tabOpenTaskCase';
import './tabTaskForm';
import './tabReplyToCase';
import './tabAnonymousCase';
import './tabAnonymousCaseReply';
import './tabWithdrawCase';
import './tabGiveFeedback';
import './tabAnonymousCaseWithdraw';
import './tabAnonymousCaseFeedback';
import './tabMyActions';
import './tabActionDone';
import './tabActionNewDate';
import './tabTeamAgenda';
import './tabInsights';
import './tabInsightsCsv';
import './tabDevPeople';

// Build the application when the worker starts: if it cannot be built, every problem is logged
// once here (health then answers 503 with the reason code, the messages endpoint too).
app.hook.appStart(async () => {
  try {
    await getApplication();
  } catch (error) {
    // No logger exists yet (it comes with the application): stderr reaches the Functions host's log.
    await logStartupFailure(error, process.env, (line) => process.stderr.write(`${line}\n`));
  }
});

// Flush and close storage when the host shuts down (the embedded store releases its lock).
app.hook.appTerminate(async () => {
  await resetApplication();
});
