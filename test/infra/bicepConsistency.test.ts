/**
 * infra/ and the code must agree: every container, partition key, unique key and index path the
 * storage code uses is declared in the Bicep, and the Function App's settings are ones production
 * starts with. Each check is shown to fail on a copy of the Bicep text with one thing removed.
 */
import { COSMOS_CONTAINERS } from '../../bot/storage/cosmosContainerSpecs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { declaredContainers, declaredIndexingPolicy, declaredSettings, infraProblems, pathCovers, queriedFields, readInfraTexts, REPOSITORY_ROOT, timerScheduleSettings } from './bicepChecks';

const texts = readInfraTexts();

/** The text without the first `{ … }` entry that mentions `marker` (a container or a setting). */
function withoutEntry(text: string, marker: string): string {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`marker not found: ${marker}`);
  const open = text.lastIndexOf('{', at);
  const close = text.indexOf('}', at);
  const lineStart = text.lastIndexOf('\n', open);
  const without = text.slice(0, lineStart) + text.slice(close + 1);
  expect(without).not.toContain(marker);
  return without;
}

describe('the Bicep and the code agree', () => {
  it('when read as they are, then there is no disagreement', () => {
    expect(infraProblems(texts)).toEqual([]);
  });

  it('then every container the code opens is declared with its partition key, and nothing else', () => {
    expect(declaredContainers(texts.cosmosBicep).map((container) => container.name).sort()).toEqual(COSMOS_CONTAINERS.map((spec) => spec.name).sort());
    expect(declaredContainers(texts.cosmosBicep).every((container) => container.partitionKeyPath === '/id')).toBe(true);
  });

  it('then the fields the repositories query are found, and the declared policy indexes each', () => {
    const fields = queriedFields();
    expect(fields).toEqual(expect.arrayContaining(['nextDueAt', 'receivedAt', 'status', 'caseId', 'expiresAt', 'nextPostAt', 'updatedAt']));
    const policy = declaredIndexingPolicy(texts.cosmosBicep);
    expect(policy).toEqual({ mode: 'consistent', included: ['/*'], excluded: ['/"_etag"/?'] });
    for (const field of fields) expect(policy.included.some((path) => pathCovers(path, field))).toBe(true);
  });

  it('then the timers\' schedule settings and the production settings are declared', () => {
    expect(timerScheduleSettings()).toHaveLength(7);
    expect(declaredSettings(texts.functionAppBicep).map((setting) => setting.name)).toEqual(
      expect.arrayContaining(['MicrosoftAppId', 'MicrosoftAppTenantId', 'COSMOS_ENDPOINT', 'KEY_VAULT_URL', 'DIRECTORY_FILE', 'AZURE_CLIENT_ID', ...timerScheduleSettings()]),
    );
  });
});

describe('the checks fail when the Bicep drifts from the code', () => {
  it('when a container is removed, then it is named', () => {
    const cosmosBicep = withoutEntry(texts.cosmosBicep, "name: 'audit'");
    expect(infraProblems({ ...texts, cosmosBicep })).toEqual(['cosmos.bicep: container "audit" (used by the code) is not declared']);
  });

  it('when a container has another partition key or a unique key, then it is named', () => {
    const cosmosBicep = texts.cosmosBicep
      .replace("name: 'cases'\n    partitionKeyPath: '/id'", "name: 'cases'\n    partitionKeyPath: '/reference'")
      .replace("name: 'outbox'\n    partitionKeyPath: '/id'\n    uniqueKeys: []", "name: 'outbox'\n    partitionKeyPath: '/id'\n    uniqueKeys: [\n      {\n        paths: [ '/conversationKey' ]\n      }\n    ]");
    expect(infraProblems({ ...texts, cosmosBicep })).toEqual([
      'cosmos.bicep: container "cases" has partition key /reference, the code uses /id',
      'cosmos.bicep: container "outbox" has unique keys [["/conversationKey"]], the code expects []',
    ]);
  });

  it('when the index leaves out a queried field, then the field is named', () => {
    const cosmosBicep = texts.cosmosBicep.replace("excludedPaths: [\n    {\n      path: '/\"_etag\"/?'", "excludedPaths: [\n    {\n      path: '/nextDueAt/?'");
    expect(infraProblems({ ...texts, cosmosBicep })).toEqual(['cosmos.bicep: the indexing policy does not index "/nextDueAt/?", which the storage code filters or sorts on']);
  });

  it('when a setting production requires is removed, then production\'s own refusal is reported', () => {
    const functionAppBicep = withoutEntry(texts.functionAppBicep, "name: 'COSMOS_ENDPOINT'");
    expect(infraProblems({ ...texts, functionAppBicep })).toEqual([expect.stringMatching(/^functionApp\.bicep: production refuses these settings: COSMOS_ENDPOINT is required in production/)]);
  });

  it('when the tenant or the directory file is removed, then each is reported', () => {
    const functionAppBicep = withoutEntry(withoutEntry(texts.functionAppBicep, "name: 'MicrosoftAppTenantId'"), "name: 'DIRECTORY_FILE'");
    expect(infraProblems({ ...texts, functionAppBicep })).toEqual([
      expect.stringMatching(/production refuses these settings: MicrosoftAppTenantId is required/),
      expect.stringMatching(/production refuses these settings: DIRECTORY_FILE is required in production/),
    ]);
  });

  it('when the Key Vault or the identity\'s client id is removed, then it is reported', () => {
    expect(infraProblems({ ...texts, functionAppBicep: withoutEntry(texts.functionAppBicep, "name: 'KEY_VAULT_URL'") })).toEqual([expect.stringMatching(/KEY_VAULT_URL \(recommended/)]);
    expect(infraProblems({ ...texts, functionAppBicep: withoutEntry(texts.functionAppBicep, "name: 'AZURE_CLIENT_ID'") })).toEqual([expect.stringMatching(/AZURE_CLIENT_ID is not set/)]);
  });

  it('when a timer\'s schedule setting is removed, then the timer\'s setting is named', () => {
    const functionAppBicep = withoutEntry(texts.functionAppBicep, "name: 'OUTBOX_SCHEDULE'");
    expect(infraProblems({ ...texts, functionAppBicep })).toEqual(['functionApp.bicep: OUTBOX_SCHEDULE is not set, but a timer function reads %OUTBOX_SCHEDULE%']);
  });

  it('when a secret is put in a setting instead of a Key Vault reference, then it is refused', () => {
    const functionAppBicep = texts.functionAppBicep.replace("value: '@Microsoft.KeyVault(SecretUri=${botPasswordSecretUri})'", 'value: botPassword');
    expect(infraProblems({ ...texts, functionAppBicep })).toEqual(['functionApp.bicep: MicrosoftAppPassword holds a secret: it may only be a Key Vault reference']);
  });

  it('when a key set production reads is missing from the vault or from the script that creates the key sets, then it is named', () => {
    const keyVaultBicep = texts.keyVaultBicep.replace(/^ {2}'exclusion'\n/m, '');
    expect(keyVaultBicep).not.toEqual(texts.keyVaultBicep);
    expect(infraProblems({ ...texts, keyVaultBicep })).toEqual(['keyVault.bicep: the key set "exclusion" is not in purposes, but production reads <prefix>-exclusion']);
    const createKeySetsScript = texts.createKeySetsScript.replace(' relay pseudonym', ' pseudonym');
    expect(infraProblems({ ...texts, createKeySetsScript })).toEqual(['create-key-sets.sh: the key set "relay" is not created, but production reads <prefix>-relay']);
  });

  it('when the runtime is not Node 22, then it is reported', () => {
    const functionAppBicep = texts.functionAppBicep.replace("version: '22'", "version: '20'");
    expect(infraProblems({ ...texts, functionAppBicep })).toEqual(['functionApp.bicep: the runtime is not node 22']);
  });

  it('then the tab\'s Application ID URI is an app setting only when given, and only for an app registration (SingleTenant)', () => {
    const tabSetting = /^var tabSetting = [^\n]*\n[\s\S]*?\n\]/m.exec(texts.functionAppBicep)?.[0] ?? '';
    expect(tabSetting).toMatch(/^var tabSetting = empty\(tabAppIdUri\) \? \[\] : \[/);
    expect(tabSetting).toMatch(/name: 'TAB_APP_ID_URI'\s+value: tabAppIdUri\n/);
    expect(texts.functionAppBicep).toMatch(/appSettings: concat\([^)]*\btabSetting\b[^)]*\)/);
    const mainBicep = readFileSync(join(REPOSITORY_ROOT, 'infra/main.bicep'), 'utf8');
    expect(mainBicep).toContain("tabAppIdUri: botAuth == 'SingleTenant' ? tabAppIdUri : ''");
  });
});
