/** Lower case, accents removed, punctuation to spaces: "Jeroen van den Berg" → "jeroen van den berg". */
function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const MIN_SURNAME_LENGTH = 3;

/**
 * Whether free text (the "who was involved" answer) may name this person: their full name, or
 * their surname as a whole word. Errs on the side of "yes": a false match only routes a case
 * elsewhere, a missed one could send it to someone involved.
 */
export function mentionsPerson(text: string | undefined, personName: string): boolean {
  if (!text) return false;
  const haystack = ` ${normalise(text)} `;
  const name = normalise(personName);
  if (!name) return false;
  if (haystack.includes(` ${name} `)) return true;
  const surname = name.split(' ').at(-1) ?? '';
  return surname.length >= MIN_SURNAME_LENGTH && haystack.includes(` ${surname} `);
}
