/**
 * The function app's entry point (package.json `main`): one import per function module, each of
 * which registers itself with `app.http`/`app.timer`. The Functions runtime and the local host
 * both load this list.
 */
// First: OpenTelemetry must be registered before the modules it observes are loaded.
import './telemetry';
import { app } from '@azure/functions';
import { resetApplication } from '../bot/composition';
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

// Flush and close storage when the host shuts down (the embedded store releases its lock).
app.hook.appTerminate(async () => {
  await resetApplication();
});
