import { z } from 'zod';

/**
 * A case or action id as the bot's cards carry it: a base64url hash. Anything else is not one
 * (and must not reach the store's id check).
 */
export const opaqueIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);
