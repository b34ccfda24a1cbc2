import type { Locale } from '../../bot/domain/locale';
import en from '../locales/en.json';
import nl from '../locales/nl.json';

/** The tab's own words (the product's vocabulary — states, roles, clocks, kinds — comes from cards/locales through `t`). */
export type TabMessages = typeof nl;

type LeafPaths<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${LeafPaths<T[K]>}` }[keyof T & string];
export type TabKey = LeafPaths<TabMessages>;

const catalogues: Readonly<Record<Locale, TabMessages>> = { nl, en };

/** The tab's text for `key`, with `{name}` placeholders filled; a missing key shows the key, never breaks the view. */
export function tabText(locale: Locale, key: TabKey, params: Readonly<Record<string, string | number>> = {}): string {
  let node: unknown = catalogues[locale];
  for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  const message = typeof node === 'string' ? node : key;
  return message.replace(/\{(\w+)\}/g, (placeholder, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : placeholder));
}

/** `nl` or `en`: `?lang=` first (the manifest passes Teams' `{locale}`), then the Teams context, then the browser. */
export function chooseLocale(...candidates: readonly (string | null | undefined)[]): Locale {
  const first = candidates.find((candidate) => typeof candidate === 'string' && candidate.trim() !== '');
  return first?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}
