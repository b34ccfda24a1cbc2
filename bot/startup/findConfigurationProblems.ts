import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadTopicLibrary } from '../topicLibrary/loadTopicLibrary';
import { loadConfig, type Config } from '../config';
import { findCentralUnit } from '../directory/centralUnitProblems';
import { loadHelpContacts } from '../help/loadHelpContacts';
import { loadJsonDirectory, type JsonDirectory } from '../directory/jsonDirectory';
import { parseDeadlinePolicy } from '../domain/deadlines/deadlinePolicies';
import { ConfigurationError } from '../domain/errors';
import { parseKeyRing } from '../security/parseKeyRing';
import type { UnavailableReason } from './unavailableReason';

/** One thing wrong with the settings or files, with the part it breaks. */
export interface ConfigurationProblem {
  reason: UnavailableReason;
  /** Our message: names the setting, file, entry and field, never a secret value. */
  text: string;
}

/** What {@link findConfigurationProblems} found. */
export interface ConfigurationCheck {
  problems: ConfigurationProblem[];
  /** What was not checked, or is worth knowing (no problem). */
  notes: string[];
}

/**
 * Checks every setting and file the application reads at start-up, without starting it: the
 * settings (`loadConfig`), the directory file (shape, references, central unit and its Meldpunt),
 * the topic library and unit topic files, the help file, the deadline policy, and the key ring's shape (KEY_RING,
 * or an existing key file; the local key file is never created here, Key Vault is not read).
 * Collects every problem instead of stopping at the first, so one run shows all of them.
 * Storage is not opened: `npm start` and health report storage failures.
 */
export async function findConfigurationProblems(env: NodeJS.ProcessEnv): Promise<ConfigurationCheck> {
  const problems: ConfigurationProblem[] = [];
  const notes: string[] = [];
  const collect = (reason: UnavailableReason, run: () => void) => {
    try {
      run();
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      problems.push(...error.problems.map((text) => ({ reason, text })));
    }
  };

  let config: Config | undefined;
  collect('configuration', () => {
    config = loadConfig(env);
  });
  // With invalid settings, the files are still checked where the settings name them (or their defaults).
  const files = config ?? {
    directoryFile: env.DIRECTORY_FILE?.trim() ? resolve(env.DIRECTORY_FILE.trim()) : undefined,
    topicLibraryFile: resolve(env.TOPIC_LIBRARY_FILE?.trim() || join('config', 'topics', 'library.json')),
    unitTopicsDir: resolve(env.UNIT_TOPICS_DIR?.trim() || join('config', 'topics', 'units')),
    deadlinePolicyJson: env.DEADLINE_POLICY?.trim() || undefined,
    centralUnitId: env.CENTRAL_UNIT_ID?.trim() || undefined,
    helpContactsFile: resolve(env.HELP_CONTACTS_FILE?.trim() || join('config', 'help.demo.json')),
  };
  if (config?.mode === 'local') notes.push('MicrosoftAppId is not set: only the local host (npm start) runs this, unauthenticated, on loopback.');

  let structure: JsonDirectory | undefined;
  if (files.directoryFile) {
    const directoryFile = files.directoryFile;
    collect('directory', () => {
      structure = loadJsonDirectory(directoryFile);
    });
    if (structure) {
      const found = await findCentralUnit(structure, structure, { centralUnitId: files.centralUnitId, directoryFile });
      if ('problems' in found) problems.push(...found.problems.map((text) => ({ reason: 'directory' as const, text })));
    }
  }
  const knownUnitIds = structure ? new Set((await structure.allUnits()).map((unit) => unit.id)) : undefined;
  if (!knownUnitIds) notes.push('Unit topic files were not checked: they name units of a directory file that could not be read.');
  collect('configuration', () => {
    loadTopicLibrary({ libraryFile: files.topicLibraryFile, unitTopicsDir: knownUnitIds ? files.unitTopicsDir : undefined, knownUnitIds: knownUnitIds ?? new Set() });
  });
  const helpContactsFile = files.helpContactsFile;
  collect('configuration', () => void loadHelpContacts(helpContactsFile));
  if (files.deadlinePolicyJson) {
    const json = files.deadlinePolicyJson;
    collect('configuration', () => void parseDeadlinePolicy(json, 'DEADLINE_POLICY'));
  }
  checkKeys(config, env, collect, notes);
  return { problems, notes };
}

function checkKeys(config: Config | undefined, env: NodeJS.ProcessEnv, collect: (reason: UnavailableReason, run: () => void) => void, notes: string[]): void {
  const keys = config?.keys ?? (env.KEY_RING?.trim() ? { kind: 'inline' as const, json: env.KEY_RING.trim() } : undefined);
  if (!keys) return;
  if (keys.kind === 'keyVault') {
    notes.push(`KEY_VAULT_URL: the key sets are read from Key Vault at start-up with the app's managed identity; check-config does not read them.`);
  } else if (keys.kind === 'inline') {
    collect('keys', () => void parseKeyRing(parseJsonOrUndefined(keys.json), 'KEY_RING'));
  } else if (!existsSync(keys.path)) {
    notes.push(`${keys.path}: no key file yet; the local host creates one on first start.`);
  } else {
    collect('keys', () => {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(keys.path, 'utf8'));
      } catch {
        throw new ConfigurationError([`${keys.path}: not valid JSON`]);
      }
      parseKeyRing(json, keys.path);
    });
  }
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
