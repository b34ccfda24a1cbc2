import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Topic, TopicLibrary, TopicText } from '../domain/agenda/topic';
import { ConfigurationError } from '../domain/errors';
import { libraryFileSchema, unitTopicFileSchema } from './topicSchema';

/** Where the topics come from. */
export interface TopicLibraryOptions {
  /** The built-in library, e.g. `config/topics/library.json`. */
  libraryFile: string;
  /** A folder of unit topic files (`*.json`, read in name order); a folder that does not exist means no unit topics. */
  unitTopicsDir?: string;
  /** Ids of the units in the organisation directory; a unit file must name one of them. */
  knownUnitIds: ReadonlySet<string>;
}

/** One file, checked on its own: its topics (ids as in the file), its unit and what is wrong with it. */
interface CheckedFile {
  file: string;
  unitId?: string;
  topics: Topic[];
  problems: string[];
}

/**
 * Loads the team-meeting topic library at start-up: the built-in topics and every unit's own
 * topics, with unit topic ids stored as `<unitId>/<id>`. Every file is checked completely before
 * anything is thrown, so a coordinator sees all mistakes at once instead of one per restart.
 *
 * @throws ConfigurationError listing every problem as `<file>: <field path>: <what is wrong>`
 */
export function loadTopicLibrary(options: TopicLibraryOptions): TopicLibrary {
  const library = readTopicFile(options.libraryFile, 'library');
  const problems = [...library.problems];
  const libraryIds = new Set(library.topics.map((topic) => topic.id));

  const unitTopics = new Map<string, Topic[]>();
  const definedIn = new Map<string, string>();
  for (const file of listUnitFiles(options.unitTopicsDir, problems)) {
    const unit = readTopicFile(file, 'unit');
    problems.push(...unit.problems);
    if (unit.unitId === undefined) continue;
    if (!options.knownUnitIds.has(unit.unitId)) {
      problems.push(`${file}: unitId: unknown unit "${unit.unitId}" (not in the organisation directory)`);
      continue;
    }
    const topics = unitTopics.get(unit.unitId) ?? [];
    unit.topics.forEach((topic, index) => {
      const id = `${unit.unitId}/${topic.id}`;
      if (libraryIds.has(topic.id)) {
        problems.push(`${file}: topics[${index}].id: "${topic.id}" is already the id of a built-in topic; choose another id`);
      } else if (definedIn.get(id) === file) {
        // A repeat within one file: already reported by checkTopicFile.
      } else if (definedIn.has(id)) {
        problems.push(`${file}: topics[${index}].id: "${topic.id}" is also used for unit "${unit.unitId}" in ${definedIn.get(id)}`);
      } else {
        definedIn.set(id, file);
        topics.push(freezeTopic({ ...topic, id }));
      }
    });
    unitTopics.set(unit.unitId, topics);
  }

  if (problems.length > 0) throw new ConfigurationError(problems);
  const frozenUnits = new Map<string, readonly Topic[]>();
  for (const [unitId, topics] of unitTopics) if (topics.length > 0) frozenUnits.set(unitId, Object.freeze(topics));
  return { topics: Object.freeze(library.topics.map(freezeTopic)), unitTopics: frozenUnits };
}

/**
 * Checks one topic file's content. Unit topics come back with their ids prefixed (`<unitId>/<id>`);
 * whether the unit exists is for {@link loadTopicLibrary} to check.
 *
 * @param json the parsed file
 * @param file names the file in messages
 * @throws ConfigurationError naming the file and the field of every problem
 */
export function parseTopicFile(json: unknown, file: string, kind: 'library' | 'unit'): Topic[] {
  const checked = checkTopicFile(json, file, kind);
  if (checked.problems.length > 0) throw new ConfigurationError(checked.problems);
  return kind === 'library' || checked.unitId === undefined ? checked.topics : checked.topics.map((topic) => ({ ...topic, id: `${checked.unitId}/${topic.id}` }));
}

function readTopicFile(file: string, kind: 'library' | 'unit'): CheckedFile {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    return { file, topics: [], problems: [`${file}: cannot be read: ${messageOf(error)}`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    return { file, topics: [], problems: [`${file}: invalid JSON: ${messageOf(error)}`] };
  }
  return checkTopicFile(json, file, kind);
}

function checkTopicFile(json: unknown, file: string, kind: 'library' | 'unit'): CheckedFile {
  const parsed: z.ZodSafeParseResult<{ unitId?: string; topics: Topic[] }> =
    kind === 'library' ? libraryFileSchema.safeParse(json) : unitTopicFileSchema.safeParse(json);
  if (!parsed.success) {
    // The unit is still checked, so a wrong unitId is reported together with the other mistakes.
    const rawUnitId = kind === 'unit' && typeof json === 'object' && json !== null ? (json as Record<string, unknown>).unitId : undefined;
    const unitId = typeof rawUnitId === 'string' && rawUnitId.trim() !== '' ? rawUnitId.trim() : undefined;
    const problems = parsed.error.issues.flatMap((issue) => describeIssue(issue).map((line) => `${file}: ${line}`));
    return { file, ...(unitId === undefined ? {} : { unitId }), topics: [], problems };
  }

  const topics: Topic[] = parsed.data.topics;
  const problems: string[] = [];
  const firstIndex = new Map<string, number>();
  topics.forEach((topic, index) => {
    const first = firstIndex.get(topic.id);
    if (first === undefined) firstIndex.set(topic.id, index);
    else problems.push(`${file}: topics[${index}].id: duplicate id "${topic.id}" (also topics[${first}])`);
  });
  const { unitId } = parsed.data;
  return { file, ...(unitId === undefined ? {} : { unitId }), topics, problems };
}

function listUnitFiles(dir: string | undefined, problems: string[]): string[] {
  if (dir === undefined) return [];
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
      .map((entry) => entry.name)
      .sort()
      .map((name) => join(dir, name));
  } catch (error) {
    // No folder simply means no unit has added topics yet.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    problems.push(`${dir}: cannot be read: ${messageOf(error)}`);
    return [];
  }
}

/** Turns a zod issue into `topics[1].nl.questions: <message>`; an unknown key gets a line of its own. */
function describeIssue(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${formatPath([...issue.path, key])}: unknown field (check the spelling; extra fields are not allowed)`);
  }
  const field = formatPath(issue.path);
  return [field === '' ? issue.message : `${field}: ${issue.message}`];
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, position) => (typeof key === 'number' ? `[${key}]` : `${position === 0 ? '' : '.'}${String(key)}`)).join('');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function freezeTopic(topic: Topic): Topic {
  return Object.freeze({
    ...topic,
    themes: Object.freeze([...topic.themes]) as Topic['themes'],
    categories: Object.freeze([...topic.categories]) as Topic['categories'],
    nl: freezeText(topic.nl),
    en: freezeText(topic.en),
  });
}

function freezeText(text: TopicText): TopicText {
  return Object.freeze({ ...text, questions: Object.freeze([...text.questions]) as string[] });
}
