/**
 * One CSV line (RFC 4180): every field quoted, quotes doubled. A field that a spreadsheet would
 * read as a formula (`=`, `+`, `-`, `@`, tab, carriage return) gets a leading apostrophe, so an
 * exported name can never run as one.
 */
export function csvRow(fields: readonly string[]): string {
  return fields.map((field) => `"${(/^[=+\-@\t\r]/.test(field) ? `'${field}` : field).replace(/"/g, '""')}"`).join(',');
}
