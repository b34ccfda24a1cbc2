import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { getApplication } from '../bot/composition';

/**
 * Health probe for the platform and for developers: 200 with the running mode and storage kind
 * once the application could be built, 503 otherwise. It reveals nothing about why it failed.
 */
export async function health(_request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  try {
    const { mode, storageKind } = await getApplication();
    return { status: 200, headers: { 'cache-control': 'no-store' }, jsonBody: { status: 'ok', mode, storage: storageKind } };
  } catch (error) {
    // The name identifies the failing part; a message could carry connection strings or secrets.
    context.error(`health: application unavailable (${error instanceof Error ? error.name : typeof error})`);
    return { status: 503, headers: { 'cache-control': 'no-store' }, jsonBody: { status: 'unavailable' } };
  }
}

app.http('health', { route: 'health', methods: ['GET'], authLevel: 'anonymous', handler: health });
