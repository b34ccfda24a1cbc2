import { chooseTopic, type TopicChoiceInput } from '../../../bot/domain/agenda/chooseTopic';
import type { Topic, TopicText } from '../../../bot/domain/agenda/topic';
import type { Category } from '../../../bot/domain/report';

const text: TopicText = { title: 'Titel', intro: 'Inleiding.', questions: ['Vraag één?', 'Vraag twee?'], help: 'Hulp.' };
const topic = (id: string, categories: Category[] = []): Topic => ({ id, themes: ['core_values'], categories, source: 'Plan van aanpak Sociale Veiligheid', nl: text, en: text });

/** 26 topics, topic-a … topic-z. */
const LIBRARY = Array.from({ length: 26 }, (_, index) => topic(`topic-${String.fromCharCode(97 + index)}`));
const SEEDS = Array.from({ length: 40 }, (_, index) => `team-1:meeting-${index}`);

const choose = (overrides: Partial<TopicChoiceInput>) => chooseTopic({ topics: LIBRARY, used: [], exclude: [], favourCategories: [], seed: 'team-1:2026-06-15T07:00:00.000Z', ...overrides });

/** What the timer does: one posting per meeting, feeding back `used` and excluding the last topic posted. */
function simulate(topics: readonly Topic[], postings: number): string[] {
  const posted: string[] = [];
  let used: string[] = [];
  for (let index = 0; index < postings; index += 1) {
    const last = posted.at(-1);
    const choice = chooseTopic({ topics, used, exclude: last === undefined ? [] : [last], favourCategories: [], seed: `team-1:meeting-${index}` });
    if (!choice) throw new Error(`no topic for posting ${index + 1}`);
    posted.push(choice.topic.id);
    used = choice.used;
  }
  return posted;
}

describe('chooseTopic', () => {
  it('when a team has 30 postings from a library of 26 topics, then the first 26 cover every topic once and the next 4 neither repeat nor follow on the 26th', () => {
    const posted = simulate(LIBRARY, 30);
    const firstRound = posted.slice(0, 26);
    expect(new Set(firstRound).size).toBe(26);
    expect([...firstRound].sort()).toEqual(LIBRARY.map((each) => each.id));
    const secondRound = posted.slice(26);
    expect(new Set(secondRound).size).toBe(4);
    expect(posted[26]).not.toBe(posted[25]);
  });

  it('when a unit adds 3 topics of its own to a library of 10, then all 13 appear within one round', () => {
    const topics = [...LIBRARY.slice(0, 10), topic('unit-a/drill-debrief'), topic('unit-a/night-shift'), topic('unit-a/mess-rules')];
    expect([...simulate(topics, 13)].sort()).toEqual(topics.map((each) => each.id).sort());
  });

  it('when the same input is given twice, then the same topic is chosen', () => {
    expect(choose({ used: ['topic-a'] })).toEqual(choose({ used: ['topic-a'] }));
  });

  it('when the seed differs, then the choice varies', () => {
    const chosen = new Set(SEEDS.map((seed) => choose({ seed })?.topic.id));
    expect(chosen.size).toBeGreaterThan(5);
  });

  it('when a topic is chosen, then it is added to the used ids of the round', () => {
    const choice = choose({ used: ['topic-a', 'topic-b'] });
    expect(choice?.used).toEqual(['topic-a', 'topic-b', choice?.topic.id]);
  });

  it('when every topic was used, then a new round starts with only the chosen one used', () => {
    const choice = choose({ used: LIBRARY.map((each) => each.id) });
    expect(choice?.used).toEqual([choice?.topic.id]);
  });

  it('when topics are excluded, then they are never chosen', () => {
    const exclude = LIBRARY.slice(0, 25).map((each) => each.id);
    for (const seed of SEEDS) expect(choose({ seed, exclude })?.topic.id).toBe('topic-z');
  });

  it('when the only unused topic is excluded, then a new round starts without it', () => {
    const choice = choose({ used: LIBRARY.slice(0, 25).map((each) => each.id), exclude: ['topic-z'] });
    expect(choice?.topic.id).not.toBe('topic-z');
    expect(choice?.used).toEqual([choice?.topic.id]);
  });

  it.each<[string, Partial<TopicChoiceInput>]>([
    ['the library is empty', { topics: [] }],
    ['every topic is excluded', { exclude: LIBRARY.map((each) => each.id), used: ['topic-a'] }],
  ])('when %s, then no topic is chosen', (_case, overrides) => {
    expect(choose(overrides)).toBeUndefined();
  });

  describe('favoured categories', () => {
    const topics = [
      ...LIBRARY.slice(0, 10),
      topic('bullying-1', ['bullying']),
      topic('bullying-2', ['bullying', 'aggression']),
      topic('discrimination-1', ['discrimination']),
    ];

    it.each<[string, Category[], string[], string[]]>([
      ['bullying rose, then a bullying topic is chosen', ['bullying'], [], ['bullying-1', 'bullying-2']],
      ['discrimination and bullying rose, then the first listed wins', ['discrimination', 'bullying'], [], ['discrimination-1']],
      ['the first listed category’s topics were used, then the next category’s are chosen', ['discrimination', 'bullying'], ['discrimination-1'], ['bullying-1', 'bullying-2']],
      ['a category without topics rose, then there is no preference', ['sexual_harassment'], [], topics.map((each) => each.id)],
    ])('when %s', (_case, favourCategories, used, allowed) => {
      for (const seed of SEEDS) expect(allowed).toContain(chooseTopic({ topics, used, exclude: [], favourCategories, seed })?.topic.id);
    });

    it('when all favoured topics were used in this round, then another topic is chosen rather than a repeat', () => {
      const used = ['bullying-1', 'bullying-2', 'topic-a'];
      for (const seed of SEEDS) {
        const choice = chooseTopic({ topics, used, exclude: [], favourCategories: ['bullying'], seed });
        expect(used).not.toContain(choice?.topic.id);
        expect(choice?.used).toEqual([...used, choice?.topic.id]);
      }
    });
  });
});
