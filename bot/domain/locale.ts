/** The languages the product speaks. Dutch is the default. */
export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Maps a Teams locale such as "en-US" or "nl-NL" to a supported language (Dutch otherwise). */
export function toLocale(raw: string | undefined | null): Locale {
  const lang = (raw ?? '').trim().toLowerCase().slice(0, 2);
  return lang === 'en' ? 'en' : 'nl';
}
