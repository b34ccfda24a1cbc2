import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { getApplication } from '../bot/composition';
import { unavailableReasonOf } from '../bot/startup/unavailableReason';

/**
 * Health probe for the platform and for developers: 200 with the running mode and storage kind
 * once the application could be built, 503 otherwise, with a reason code only (`configuration`,
 * `storage`, `directory`, `keys`): never a message, a setting's value or a secret.
 */
export async function health(_request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  try {
    const { mode, storageKind } = await getApplication();
    return { status: 200, headers: { 'cache-control': 'no-store' }, jsonBody: { status: 'ok', mode, storage: storageKind } };
  } catch (error) {
    // A reason code and the error's name only: a message could carry connection strings or secrets.
    // The problems themselves were printed (npm start) or logged once (Azure) at start-up.
    const reason = unavailableReasonOf(error);
    context.error(`health: application unavailable (reason ${reason}, ${error instanceof Error ? error.name : typeof error})`);
    return { status: 503, headers: { 'cache-control': 'no-store' }, jsonBody: { status: 'unavailable', reason } };
  }
}

app.http('health', { route: 'health', methods: ['GET'], authLevel: 'anonymous', handler: health });
