/**
 * The team-meeting posting run (`postDueTopics`) through the production use case on the embedded
 * store: how its cost grows with the number of teams due and with the number of reports it counts
 * for the trend-aware choice (two quarters of cases, read once per run). Ratios within one run
 * are what count: the machine is shared.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTopicLibrary } from '../bot/topicLibrary/loadTopicLibrary';
import type { AgendaDependencies } from '../bot/app/agenda/agendaDependencies';
import { postDueTopics } from '../bot/app/agenda/postDueTopics';
import { teamKeyFor } from '../bot/app/agenda/teamKeys';
import type { CaseRecord } from '../bot/app/cases/casePorts';
import type { Logger } from '../bot/app/common/loggerPorts';
import type { ProactiveMessenger } from '../bot/app/outbox/messengerPorts';
import type { TeamRecord } from '../bot/app/agenda/agendaPorts';
import { CATEGORIES } from '../bot/domain/report';
import { DEFAULT_DEADLINE_POLICY } from '../bot/domain/deadlines/deadlinePolicies';
import { WorkingCalendar } from '../bot/domain/workingCalendar';
import { loadJsonDirectory } from '../bot/directory/jsonDirectory';
import { AesGcmContentCipher } from '../bot/security/aesGcmContentCipher';
import { HmacPseudonymizer } from '../bot/security/hmacPseudonymizer';
import { HmacExclusionMarker } from '../bot/security/hmacExclusionMarker';
import { KEY_RING_PURPOSES } from '../bot/security/keyRing';
import { parseKeyRing, type KeyRingJson } from '../bot/security/parseKeyRing';
import { createEmbeddedRepositories } from '../bot/storage/createEmbeddedRepositories';
import { reportBenchmark } from './benchReport';

const NOW = new Date('2026-12-04T08:05:00.000Z');
const UNITS = ['u-clas-11-inf', 'u-clas-11', 'u-czsk-evertsen', 'u-czsk'];

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const noMessenger: ProactiveMessenger = {
  sendCard: async () => ({}),
  updateCard: async () => undefined,
  createPersonalConversation: async () => ({}),
};

async function world(teams: number, cases: number, lessons: number): Promise<{ deps: AgendaDependencies; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'vm-bench-agenda-'));
  const repos = await createEmbeddedRepositories(dir);
  const ring = parseKeyRing(Object.fromEntries(KEY_RING_PURPOSES.map((purpose) => [purpose, { active: 'k1', keys: { k1: randomBytes(32).toString('base64') } }])) as unknown as KeyRingJson, 'bench');
  const directory = loadJsonDirectory(join(process.cwd(), 'config', 'directory.demo.json'));
  const knownUnitIds = new Set((await directory.allUnits()).map((unit) => unit.id));
  const deps: AgendaDependencies = {
    repos,
    cipher: new AesGcmContentCipher(ring),
    pseudonyms: new HmacPseudonymizer(ring.pseudonym),
    exclusions: new HmacExclusionMarker(ring.exclusion),
    clock: { now: () => NOW },
    calendar: new WorkingCalendar(),
    logger: silent,
    randomBytes: (size) => randomBytes(size),
    random: () => 0.5,
    sleep: async () => undefined,
    directory,
    messenger: noMessenger,
    settings: { draftTtlDays: 14, centralUnitId: 'u-defensie', anonymousNoticeDelayMinutes: 120, deadlinePolicy: DEFAULT_DEADLINE_POLICY },
    topics: loadTopicLibrary({ libraryFile: join(process.cwd(), 'config', 'topics', 'library.json'), knownUnitIds }),
  };
  for (let index = 0; index < teams; index += 1) {
    const teamId = `19:bench-${index}@thread.tacv2`;
    const team: TeamRecord = {
      id: teamKeyFor(deps, teamId),
      teamId,
      installedAt: '2026-01-05T08:00:00.000Z',
      updatedAt: '2026-01-05T08:00:00.000Z',
      settings: { weekdays: [1], time: '09:00', everyWeeks: 1, anchorDate: '2026-11-30', leadWorkingDays: 1, locale: 'nl', unitId: UNITS[index % UNITS.length], paused: false },
      nextPostAt: '2026-12-04T08:00:00.000Z',
      nextMeetingAt: '2026-12-07T08:00:00.000Z',
      usedTopicIds: [],
      postings: [],
    };
    await repos.teams.create(team);
  }
  const sealed = deps.cipher.seal('content', { description: 'x' }, 'bench');
  let lessonsLeft = lessons;
  for (let index = 0; index < cases; index += 1) {
    const receivedAt = new Date(NOW.getTime() - ((index % 180) + 1) * 86_400_000);
    const closedAt = new Date(receivedAt.getTime() + 5 * 86_400_000).toISOString();
    // `lessons` of the cases closed more than LESSON_DELAY_DAYS ago carry an approved lesson of their unit (every 7th, so units and categories vary).
    const withLesson = lessonsLeft > 0 && index % 7 === 0 && Date.parse(closedAt) < NOW.getTime() - 31 * 86_400_000;
    if (withLesson) lessonsLeft -= 1;
    const record: CaseRecord = {
      id: `case-${index}`,
      reference: `VM-B${String(index).padStart(7, '0')}`,
      kind: 'report',
      categories: [CATEGORIES[index % CATEGORIES.length]],
      identity: 'anonymous',
      managerInvolved: 'no',
      preferMeldpunt: false,
      state: 'closed',
      isOpen: false,
      locale: 'nl',
      receivedAt: receivedAt.toISOString(),
      closedAt,
      unitId: UNITS[index % UNITS.length],
      sealedContent: sealed,
      history: [],
      ...(withLesson
        ? {
            lessonStatus: 'approved' as const,
            lessonId: `lesson-${index}`,
            lesson: {
              id: `lesson-${index}`,
              status: 'approved' as const,
              category: CATEGORIES[index % CATEGORIES.length],
              unitId: UNITS[index % UNITS.length],
              sealedText: deps.cipher.seal('content', { text: 'Een les uit afgesloten meldingen.' }, `case-${index}:lesson`),
              proposedAt: closedAt,
            },
          }
        : {}),
    };
    await repos.cases.create(record);
  }
  return {
    deps,
    cleanup: async () => {
      await repos.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One posting run over `teams` due teams with `cases` reports (closed) in the last two quarters, `lessons` of them with an approved lesson. */
async function measureRun(
  teams: number,
  cases: number,
  lessons: number,
): Promise<{ teams: number; cases: number; lessons: number; posted: number; runMs: string; perTeamMs: string; heapMb: string }> {
  const { deps, cleanup } = await world(teams, cases, lessons);
  try {
    const heapBefore = process.memoryUsage().heapUsed;
    const started = process.hrtime.bigint();
    const posted = await postDueTopics(deps);
    const runMs = Number(process.hrtime.bigint() - started) / 1e6;
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    if (posted !== teams) throw new Error(`expected ${teams} postings, got ${posted}`);
    return { teams, cases, lessons, posted, runMs: runMs.toFixed(0), perTeamMs: (runMs / teams).toFixed(2), heapMb: heapMb.toFixed(1) };
  } finally {
    await cleanup();
  }
}

/** Prints the table: teams × reports, with the ratios that matter. */
export async function runAgendaBenchmark(): Promise<void> {
  const rows = [];
  for (const [teams, cases, lessons] of [
    [100, 1_000, 0],
    [1_000, 1_000, 0],
    [100, 10_000, 0],
    [1_000, 1_000, 20],
  ] as const) {
    rows.push(await measureRun(teams, cases, lessons));
  }
  reportBenchmark({
    name: 'agenda',
    title: 'Posting run (postDueTopics: record, queue, plan per team; trend counts over two quarters of reports; approved lessons and closed-case counts), embedded store',
    rows,
    notes: [
      `1,000 / 100 teams: ${(Number(rows[1].runMs) / Number(rows[0].runMs)).toFixed(1)}x the time; 10,000 / 1,000 reports: ${(Number(rows[2].runMs) / Number(rows[0].runMs)).toFixed(1)}x`,
      `1,000 teams with 20 approved lessons / without: ${(Number(rows[3].runMs) / Number(rows[1].runMs)).toFixed(2)}x`,
    ],
  });
}
