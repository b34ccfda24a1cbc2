import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseDependencies } from '../../bot/app/intake/intakeDependencies';
import { DEFAULT_DEADLINE_POLICY } from '../../bot/domain/deadlines/deadlinePolicies';
import { WorkingCalendar } from '../../bot/domain/workingCalendar';
import { loadJsonDirectory } from '../../bot/directory/jsonDirectory';
import { AesGcmContentCipher } from '../../bot/security/aesGcmContentCipher';
import { HmacPseudonymizer } from '../../bot/security/hmacPseudonymizer';
import { HmacExclusionMarker } from '../../bot/security/hmacExclusionMarker';
import { KEY_RING_PURPOSES } from '../../bot/security/keyRing';
import { parseKeyRing, type KeyRingJson } from '../../bot/security/parseKeyRing';
import { createEmbeddedRepositories } from '../../bot/storage/createEmbeddedRepositories';
import { FakeProactiveMessenger } from './fakeProactiveMessenger';
import { ManualClock } from './manualClock';
import { RecordingLogger } from './recordingLogger';

/** The use cases' dependencies with real storage (embedded, temp dir), real sealing and the demo organisation. */
export async function caseTestDependencies(): Promise<{ deps: CaseDependencies; clock: ManualClock; messenger: FakeProactiveMessenger; logger: RecordingLogger; cleanup(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'vm-app-'));
  const repos = await createEmbeddedRepositories(dir);
  const ring = parseKeyRing(
    Object.fromEntries(KEY_RING_PURPOSES.map((purpose) => [purpose, { active: 'k1', keys: { k1: randomBytes(32).toString('base64') } }])) as unknown as KeyRingJson,
    'test',
  );
  const clock = new ManualClock('2026-11-30T09:00:00Z');
  const messenger = new FakeProactiveMessenger();
  const logger = new RecordingLogger();
  const deps: CaseDependencies = {
    repos,
    cipher: new AesGcmContentCipher(ring),
    pseudonyms: new HmacPseudonymizer(ring.pseudonym),
    exclusions: new HmacExclusionMarker(ring.exclusion),
    clock,
    calendar: new WorkingCalendar(),
    logger,
    randomBytes: (size) => randomBytes(size),
    random: () => 0.5,
    sleep: async () => undefined,
    directory: loadJsonDirectory(join(__dirname, '../../config/directory.demo.json')),
    messenger,
    settings: { draftTtlDays: 14, centralUnitId: 'u-defensie', anonymousNoticeDelayMinutes: 120, deadlinePolicy: DEFAULT_DEADLINE_POLICY },
  };
  return {
    deps,
    clock,
    messenger,
    logger,
    cleanup: async () => {
      await repos.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
