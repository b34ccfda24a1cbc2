import { DomainError } from './errors';

/**
 * The directory could not answer (network error, throttling beyond the retries, an unexpected
 * status). Distinct from "not found": a person must never be treated as gone (and their cases
 * handed over) because the directory was briefly unreachable. The message names the kind of
 * lookup only, never a person or their id.
 */
export class DirectoryUnavailableError extends DomainError {
  readonly code = 'directory_unavailable';
  readonly messageKey = 'generic';
}
