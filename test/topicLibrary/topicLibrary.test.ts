import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { z } from 'zod';
import { loadTopicLibrary, parseTopicFile } from '../../bot/topicLibrary/loadTopicLibrary';
import { libraryFileSchema, unitTopicFileSchema } from '../../bot/topicLibrary/topicSchema';
import { TOPIC_THEMES, type Topic } from '../../bot/domain/agenda/topic';
import { ConfigurationError } from '../../bot/domain/errors';
import { CATEGORIES } from '../../bot/domain/report';

const root = join(__dirname, '..', '..');
const libraryFile = join(root, 'config', 'topics', 'library.json');
const schemaFile = join(root, 'config', 'topics', 'topic.schema.json');
const unitsReadme = join(root, 'config', 'topics', 'units', 'README.md');
const knownUnitIds = new Set(['u-clas', 'u-clas-11-inf', 'u-czsk']);

const shipped = loadTopicLibrary({ libraryFile, knownUnitIds });
const rawLibrary = JSON.parse(readFileSync(libraryFile, 'utf8')) as { topics: Topic[] };

/** A valid topic as a coordinator would write it; `overrides` replace top-level fields. */
function unitTopic(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    themes: ['speaking_up'],
    categories: ['bullying'],
    source: 'Eigen onderwerp van de eenheid',
    nl: { title: 'Elkaar aanspreken', intro: 'Korte inleiding.', questions: ['Hoe spreek je iemand aan?', 'Wat helpt daarbij?'], help: 'Praat met je vertrouwenspersoon.' },
    en: { title: 'Speaking up', intro: 'A short introduction.', questions: ['How do you speak to someone?', 'What helps?'], help: 'Talk to your confidential adviser.' },
    ...overrides,
  };
}

function problemsOf(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).problems;
  }
  throw new Error('expected a ConfigurationError');
}

describe('the shipped topic library', () => {
  it('when the library file is loaded, then it has at least 24 topics and no unit topics', () => {
    expect(shipped.topics.length).toBeGreaterThanOrEqual(24);
    expect(shipped.unitTopics.size).toBe(0);
  });

  it('when the topics are grouped by theme, then every theme has at least one topic', () => {
    for (const theme of TOPIC_THEMES) {
      expect({ theme, covered: shipped.topics.some((topic) => topic.themes.includes(theme)) }).toEqual({ theme, covered: true });
    }
  });

  it('when the topics are grouped by report category, then every category has at least two topics to pick from', () => {
    const counts = Object.fromEntries(CATEGORIES.map((category) => [category, shipped.topics.filter((topic) => topic.categories.includes(category)).length]));
    for (const category of CATEGORIES) expect({ category, enough: counts[category] >= 2 }).toEqual({ category, enough: true });
  });

  it('when the ids are compared, then they are unique and follow the id pattern', () => {
    const ids = shipped.topics.map((topic) => topic.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]{3,60}$/);
  });

  it('when the file is checked by the schema, then it passes and every text is filled in both languages with 2 or 3 questions', () => {
    const parsed = libraryFileSchema.safeParse(rawLibrary);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    for (const topic of shipped.topics) {
      for (const text of [topic.nl, topic.en]) {
        expect(text.title.trim()).not.toBe('');
        expect(text.intro.trim()).not.toBe('');
        expect(text.help.trim()).not.toBe('');
        expect(text.questions.length).toBeGreaterThanOrEqual(2);
        expect(text.questions.length).toBeLessThanOrEqual(3);
      }
    }
  });

  it('when the questions are read, then they are open questions (a question word, ending in "?")', () => {
    const openNl = /^(Wat|Hoe|Welke?|Wanneer|Waar|Waaraan|Wie|Waarom|Aan welke)\b.*\?$/;
    const openEn = /^(What|How|Which|When|Where|Who|Why)\b.*\?$/;
    for (const topic of shipped.topics) {
      for (const question of topic.nl.questions) expect({ id: topic.id, question, open: openNl.test(question) }).toEqual({ id: topic.id, question, open: true });
      for (const question of topic.en.questions) expect({ id: topic.id, question, open: openEn.test(question) }).toEqual({ id: topic.id, question, open: true });
    }
  });

  it('when the help texts are read, then each says concretely where to go', () => {
    const where = /vertrouwenspersoon|Meldpunt|leidinggevende|Veilig Melden|bedrijfsmaatschappelijk|AGO|arts/;
    for (const topic of shipped.topics) {
      expect({ id: topic.id, concrete: where.test(topic.nl.help) }).toEqual({ id: topic.id, concrete: true });
      expect({ id: topic.id, concrete: /confidential adviser|Reporting Point|manager|Veilig Melden|social work|AGO|doctor/.test(topic.en.help) }).toEqual({ id: topic.id, concrete: true });
    }
  });

  it('when the sources are read, then each names a section of the plan', () => {
    for (const topic of shipped.topics) expect(topic.source).toMatch(/^Plan van aanpak ‘Versterking van de sociale veiligheid binnen Defensie’, .+/);
  });

  it('when a caller tries to change a loaded topic, then it cannot', () => {
    const topic = shipped.topics[0];
    expect(Object.isFrozen(topic)).toBe(true);
    expect(Object.isFrozen(topic.nl.questions)).toBe(true);
    expect(Object.isFrozen(shipped.topics)).toBe(true);
  });

  it('when the shipped units folder is read, then it holds no unit files and loads cleanly', () => {
    const library = loadTopicLibrary({ libraryFile, unitTopicsDir: join(root, 'config', 'topics', 'units'), knownUnitIds });
    expect(library.unitTopics.size).toBe(0);
    expect(library.topics).toHaveLength(shipped.topics.length);
  });
});

describe('unit topic files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vm-unit-topics-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const write = (name: string, content: unknown): string => {
    const file = join(dir, name);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return file;
  };
  const load = () => loadTopicLibrary({ libraryFile, unitTopicsDir: dir, knownUnitIds });

  it('when a unit file is valid, then its topics are loaded under the unit with prefixed ids and trimmed texts', () => {
    write('clas.json', { unitId: 'u-clas', topics: [unitTopic('aanspreken', { source: '  Eigen onderwerp  ' }), unitTopic('na-de-oefening')] });
    write('notes.txt', 'not a topic file');

    const library = load();

    expect(library.topics).toHaveLength(shipped.topics.length);
    expect([...library.unitTopics.keys()]).toEqual(['u-clas']);
    const topics = library.unitTopics.get('u-clas') ?? [];
    expect(topics.map((topic) => topic.id)).toEqual(['u-clas/aanspreken', 'u-clas/na-de-oefening']);
    expect(topics[0]).toMatchObject({ source: 'Eigen onderwerp', themes: ['speaking_up'], categories: ['bullying'], nl: { title: 'Elkaar aanspreken' } });
  });

  it('when a unit file leaves out categories or points at the schema, then it is accepted', () => {
    const { categories: _categories, ...withoutCategories } = unitTopic('zonder-categorie');
    write('czsk.json', { $schema: '../topic.schema.json', unitId: 'u-czsk', topics: [withoutCategories] });

    expect(load().unitTopics.get('u-czsk')?.[0]).toMatchObject({ id: 'u-czsk/zonder-categorie', categories: [] });
  });

  it('when a unit topic has one question, a wrong theme, an extra key and a too long title, then every problem names the file and the field', () => {
    const file = write('clas.json', {
      unitId: 'u-clas',
      topics: [
        unitTopic('goed-onderwerp'),
        unitTopic('kapot-onderwerp', {
          themes: ['weather'],
          colour: 'green',
          nl: { title: 'Titel', intro: 'Inleiding.', questions: ['Hoe gaat het?'], help: 'Hulp.' },
          en: { title: 'x'.repeat(81), intro: 'Intro.', questions: ['How?', 'Why?'], help: 'Help.' },
        }),
      ],
    });

    const problems = problemsOf(load);

    expect(problems).toHaveLength(4);
    expect(problems).toEqual(
      expect.arrayContaining([
        `${file}: topics[1].nl.questions: expected 2 to 3 questions (got 1)`,
        expect.stringMatching(new RegExp(`^${escape(file)}: topics\\[1\\]\\.themes\\[0\\]: .*core_values`)),
        `${file}: topics[1].colour: unknown field (check the spelling; extra fields are not allowed)`,
        `${file}: topics[1].en.title: must be at most 80 characters (got 81)`,
      ]),
    );
  });

  it('when a text is only spaces or an id has capitals, then the field is named', () => {
    const file = write('clas.json', { unitId: 'u-clas', topics: [unitTopic('Hoofdletters', { source: '   ' })] });

    expect(problemsOf(load)).toEqual([
      expect.stringMatching(new RegExp(`^${escape(file)}: topics\\[0\\]\\.id: must be 3 to 60 characters`)),
      `${file}: topics[0].source: must not be empty`,
    ]);
  });

  it('when a field or a language is missing, then it is named as required', () => {
    const { nl: _nl, ...withoutDutch } = unitTopic('zonder-nl');
    const { help: _help, ...textWithoutHelp } = unitTopic('x').en as Record<string, unknown>;
    const file = write('clas.json', { unitId: 'u-clas', topics: [withoutDutch, unitTopic('zonder-hulp', { en: textWithoutHelp })] });

    expect(problemsOf(load)).toEqual([`${file}: topics[0].nl: is required`, `${file}: topics[1].en.help: is required`]);
  });

  it('when a unit file is not valid JSON, then the problem names the file and the parser message', () => {
    const file = write('kapot.json', '{ "unitId": "u-clas", "topics": [ }');

    expect(problemsOf(load)).toEqual([expect.stringMatching(new RegExp(`^${escape(file)}: invalid JSON: .+`))]);
  });

  it('when a unit file names a unit the directory does not know, then the unitId is named', () => {
    const file = write('onbekend.json', { unitId: 'u-bestaat-niet', topics: [unitTopic('aanspreken')] });

    expect(problemsOf(load)).toEqual([`${file}: unitId: unknown unit "u-bestaat-niet" (not in the organisation directory)`]);
  });

  it('when a unit file names an unknown unit and has a broken topic, then both are reported at once', () => {
    const file = write('onbekend.json', { unitId: 'u-bestaat-niet', topics: [unitTopic('aanspreken', { themes: [] })] });

    expect(problemsOf(load)).toEqual([
      `${file}: topics[0].themes: must name at least one theme`,
      `${file}: unitId: unknown unit "u-bestaat-niet" (not in the organisation directory)`,
    ]);
  });

  it('when a unit file repeats an id, reuses a built-in id or another file of the unit has it, then each clash is named', () => {
    const builtInId = shipped.topics[0].id;
    const first = write('a-clas.json', { unitId: 'u-clas', topics: [unitTopic('aanspreken'), unitTopic('aanspreken'), unitTopic(builtInId)] });
    const second = write('b-clas.json', { unitId: 'u-clas', topics: [unitTopic('terugblik'), unitTopic('a-twee')] });
    const third = write('c-clas.json', { unitId: 'u-clas', topics: [unitTopic('terugblik')] });

    expect(problemsOf(load)).toEqual([
      `${first}: topics[1].id: duplicate id "aanspreken" (also topics[0])`,
      `${first}: topics[2].id: "${builtInId}" is already the id of a built-in topic; choose another id`,
      `${third}: topics[0].id: "terugblik" is also used for unit "u-clas" in ${second}`,
    ]);
  });

  it('when several files are broken, then all problems come in one error, in file name order', () => {
    const a = write('a.json', '{');
    const b = write('b.json', { unitId: 'u-onbekend', topics: [unitTopic('aanspreken')] });
    const c = write('c.json', { unitId: 'u-clas', topics: [] });

    const problems = problemsOf(load);

    expect(problems.map((problem) => problem.slice(0, problem.indexOf(': ')))).toEqual([a, b, c]);
  });

  it('when the units folder does not exist or is not given, then there are simply no unit topics', () => {
    expect(loadTopicLibrary({ libraryFile, unitTopicsDir: join(dir, 'missing'), knownUnitIds }).unitTopics.size).toBe(0);
    expect(loadTopicLibrary({ libraryFile, knownUnitIds }).unitTopics.size).toBe(0);
  });

  it('when the library file itself is missing, then the problem names it', () => {
    const missing = join(dir, 'library.json');

    expect(problemsOf(() => loadTopicLibrary({ libraryFile: missing, knownUnitIds }))).toEqual([expect.stringMatching(new RegExp(`^${escape(missing)}: cannot be read: `))]);
  });
});

describe('parseTopicFile', () => {
  it('when a unit file is parsed, then the ids are prefixed with the unit', () => {
    expect(parseTopicFile({ unitId: 'u-clas', topics: [unitTopic('aanspreken')] }, 'clas.json', 'unit').map((topic) => topic.id)).toEqual(['u-clas/aanspreken']);
  });

  it('when a library file carries a unitId, then the extra key is named', () => {
    expect(problemsOf(() => parseTopicFile({ unitId: 'u-clas', topics: [unitTopic('aanspreken')] }, 'library.json', 'library'))).toEqual([
      'library.json: unitId: unknown field (check the spelling; extra fields are not allowed)',
    ]);
  });

  it('when the file is not an object, then the problem names the file', () => {
    expect(problemsOf(() => parseTopicFile([], 'units/clas.json', 'unit'))).toEqual([expect.stringMatching(/^units\/clas\.json: .*expected object/)]);
  });
});

describe('the JSON schema for coordinators', () => {
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;

  it('when the zod schema is converted now, then it equals config/topics/topic.schema.json', () => {
    expect(schema).toEqual(z.toJSONSchema(unitTopicFileSchema, { io: 'input' }));
  });

  it('when the example in the units README is checked, then both the JSON schema and the loader accept it', () => {
    const example = /```json\n([\s\S]*?)```/.exec(readFileSync(unitsReadme, 'utf8'))?.[1] ?? '';
    const json = JSON.parse(example) as { unitId: string };
    const validate = new Ajv2020({ strict: false }).compile(schema);

    expect(validate(json) ? [] : validate.errors).toEqual([]);
    expect(parseTopicFile(json, 'README.md', 'unit').map((topic) => topic.id)).toEqual([`${json.unitId}/oefening-terugblik`]);
  });

  it('when a broken unit file is checked with the JSON schema, then the editor would flag it too', () => {
    const validate = new Ajv2020({ strict: false }).compile(schema);

    expect(validate({ unitId: 'u-clas', topics: [unitTopic('aanspreken', { colour: 'green' })] })).toBe(false);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
