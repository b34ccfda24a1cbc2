/** Content types Teams uses for the text of a message itself (not something the user attached). */
const MESSAGE_BODY_TYPES = new Set(['text/html', 'text/plain']);

/**
 * Whether a chat message carries an image or a file: a pasted or attached image (`image/*`), a
 * file (`application/vnd.microsoft.teams.file.download.info`, or any other attachment type), or
 * an image inline in the message's HTML. The bot cannot take these in the chat (they are kept
 * there, unprotected), so it asks the user to delete them.
 */
export function carriesFiles(attachments: readonly unknown[] | undefined): boolean {
  return (attachments ?? []).some((attachment) => {
    if (typeof attachment !== 'object' || attachment === null) return false;
    const { contentType, content } = attachment as { contentType?: unknown; content?: unknown };
    if (typeof contentType !== 'string') return false;
    if (!MESSAGE_BODY_TYPES.has(contentType.toLowerCase())) return true;
    return typeof content === 'string' && /<(img|attachment)\b/i.test(content);
  });
}
