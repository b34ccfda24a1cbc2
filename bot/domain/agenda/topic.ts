/**
 * The team-meeting (werkoverleg) topic library: what a topic is. Topics are data — the built-in
 * library in `config/topics/library.json` and per-unit files a coordinator adds — validated by
 * a schema at start-up (see bot/topicLibrary/loadTopicLibrary.ts).
 */
import type { Category } from '../report';

/** The themes DOMAIN.md ("Team meeting agenda") asks the library to cover. Every theme has at least one topic. */
export const TOPIC_THEMES = [
  'core_values', // de vier kernwaarden: veiligheid, vertrouwen, verbondenheid, verantwoordelijkheid
  'speaking_up', // aanspreken en tegenspraak ("Tegenspraak, ja graag!")
  'reporting_is_normal', // melden is normaal — waar kun je melden
  'support_network', // VP, BMW, geestelijke verzorging, arts, AGO
  'just_culture', // fouten mogen als we ervan leren
  'initiation_rituals', // ontgroening en inwijdingsrituelen
  'alcohol_drugs', // alcohol en drugs
  'group_dynamics_inclusion', // groepsdynamiek, diversiteit en inclusie ("kracht door veelzijdigheid")
  'hierarchy_power', // hiërarchie en machtsmisbruik
  'safety_walks', // veiligheidsrondes
  'aftercare', // nazorg na een melding
  'physical_safety', // fysieke veiligheid
] as const;
export type TopicTheme = (typeof TOPIC_THEMES)[number];

/** A topic's text in one language. */
export interface TopicText {
  /** Short title, at most 80 characters. */
  title: string;
  /** A short introduction (2–4 sentences), at most 600 characters. */
  intro: string;
  /** Two or three open discussion questions, each at most 200 characters. */
  questions: string[];
  /** Where to get help (who, how), at most 400 characters. */
  help: string;
}

/** One topic. */
export interface Topic {
  /** Stable id, `[a-z0-9-]{3,60}`; unit topics are stored as `<unitId>/<id>` once loaded. */
  id: string;
  themes: TopicTheme[];
  /** Report categories this topic helps a team talk about (for the trend-aware choice); may be empty. */
  categories: Category[];
  /** The section of the plan (seed) it comes from, e.g. "Plan van aanpak Sociale Veiligheid, §3.2 Cultuur". At most 200 characters. */
  source: string;
  nl: TopicText;
  en: TopicText;
}

/** The loaded library: the built-in topics, and each unit's own ones (keyed by unit id). */
export interface TopicLibrary {
  topics: readonly Topic[];
  unitTopics: ReadonlyMap<string, readonly Topic[]>;
}
