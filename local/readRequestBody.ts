import type { IncomingMessage } from 'node:http';

/** The request body is larger than the host accepts. */
export class PayloadTooLargeError extends Error {
  override readonly name = 'PayloadTooLargeError';

  constructor(readonly limitBytes: number) {
    super(`request body exceeds ${limitBytes} bytes`);
  }
}

/**
 * Reads a request body into memory, refusing more than `limitBytes` (first by `Content-Length`,
 * then by counting, for chunked uploads).
 *
 * On refusal it stops listening but does not destroy the socket: Node discards the rest of the
 * body once the response is sent, so the client still receives the 413 instead of a reset.
 */
export function readRequestBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declaredLength = Number(request.headers['content-length']);
  if (Number.isFinite(declaredLength) && declaredLength > limitBytes) {
    return Promise.reject(new PayloadTooLargeError(limitBytes));
  }

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;

    const stopListening = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        stopListening();
        chunks.length = 0;
        reject(new PayloadTooLargeError(limitBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stopListening();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      stopListening();
      reject(error);
    };
    const onClose = () => {
      // 'close' before 'end' means the client went away mid-upload.
      stopListening();
      reject(new Error('request aborted'));
    };

    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });
}
