import { createHash } from 'node:crypto';

/** The case id of a submission: a hash of the submission id that only the review card carried. */
export function caseIdForSubmission(submissionId: string): string {
  return createHash('sha256').update(`veilig-melden/case/${submissionId}`, 'utf8').digest('base64url');
}
