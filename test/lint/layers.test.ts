import * as path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '../..');

/** The project's own lint config, as `npm run lint` uses it (required, so jest need not load it as an ES module). */
function projectLinter(): ESLint {
  return new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: require(path.join(root, 'eslint.config.js')) });
}

/** The layer and adapter rules a snippet breaks when it sits at `filePath` (a virtual path: nothing is written). */
async function layerProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await projectLinter().lintText(code, { filePath: path.join(root, filePath) });
  return result.messages.filter((message) => message.ruleId === 'no-restricted-imports' || message.ruleId === 'no-restricted-syntax').map((message) => message.message);
}

describe('the layers, enforced by lint', () => {
  it.each([
    ['bot/domain/caseRule.ts', '../app/cases/casePorts', "import type { CaseRecord } from '../app/cases/casePorts';\nexport type Rule = CaseRecord;\n", 'bot/domain is the bottom layer'],
    ['bot/domain/deadlines/clockRule.ts', '../../config', "import { loadConfig } from '../../config';\nexport const rule = loadConfig;\n", 'bot/domain is the bottom layer'],
    ['bot/app/cases/showCase.ts', '../../../cards/handlerTask', "import type { HandlerTaskView } from '../../../cards/handlerTask';\nexport type View = HandlerTaskView;\n", 'bot/app imports only bot/domain and bot/app'],
    ['bot/app/cases/showCase.ts', '../../teams/botServices', "import type { BotServices } from '../../teams/botServices';\nexport type Services = BotServices;\n", 'bot/app imports only bot/domain and bot/app'],
    ['bot/app/showCase.ts', '../teams/botServices', "import type { BotServices } from '../teams/botServices';\nexport type Services = BotServices;\n", 'bot/app imports only bot/domain and bot/app'],
    ['bot/app/agenda/showTeam.ts', '../../storage/repositoriesOver', "import { repositoriesOver } from '../../storage/repositoriesOver';\nexport const build = repositoriesOver;\n", 'bot/app imports only bot/domain and bot/app'],
    ['bot/app/common/directoryRule.ts', '../../directory/jsonDirectory', "import { jsonDirectory } from '../../directory/jsonDirectory';\nexport const read = jsonDirectory;\n", 'bot/app imports only bot/domain and bot/app'],
  ])('when %s imports %s (upwards), then lint reports it', async (filePath, _target, code, expected) => {
    expect(await layerProblems(filePath, code)).toEqual([expect.stringContaining(expected)]);
  });

  it.each([
    ['bot/teams/caseVerb.ts', '../storage/documentCaseRepository', "import { documentCaseRepository } from '../storage/documentCaseRepository';\nexport const cases = documentCaseRepository;\n"],
    ['bot/teams/agenda/teamVerb.ts', '../../storage/documentContainer', "import type { DocumentContainer } from '../../storage/documentContainer';\nexport type Container = DocumentContainer;\n"],
    ['functions/caseTimer.ts', '../bot/storage/createCosmosRepositories', "import { createCosmosRepositories } from '../bot/storage/createCosmosRepositories';\nexport const create = createCosmosRepositories;\n"],
  ])('when the adapter %s imports the storage module %s, then lint reports it', async (filePath, _target, code) => {
    expect(await layerProblems(filePath, code)).toEqual([expect.stringContaining('Adapters do not use storage')]);
  });

  it.each([
    ['bot/teams/caseVerb.ts', '', "export async function caseOf(services: { repos: { cases: { get(id: string): Promise<unknown> } } }, id: string) {\n  return services.repos.cases.get(id);\n}\n"],
    ['functions/caseTimer.ts', '', "export function casesOf(deps: { repositories: { cases: unknown } }) {\n  return deps.repositories.cases;\n}\n"],
  ])('when the adapter %s uses a repository%s, then lint reports it', async (filePath, _target, code) => {
    expect(await layerProblems(filePath, code)).toEqual([expect.stringContaining('Adapters do not read or write repositories')]);
  });

  it.each([
    ['bot/domain/deadlines/clockRule.ts', '../agenda/topic', "import type { TopicLibrary } from '../agenda/topic';\nexport type Library = TopicLibrary;\n"],
    ['bot/app/cases/showCase.ts', '../../domain/caseLifecycle', "import { nextState } from '../../domain/caseLifecycle';\nimport type { CaseRecord } from './casePorts';\nexport const step = (record: CaseRecord) => nextState(record.state, 'acknowledge', { openQuestion: false, feedbackGiven: false });\n"],
    ['bot/app/agenda/showTeam.ts', '../cases/casePorts', "import type { CaseRecord } from '../cases/casePorts';\nimport type { TeamRecord } from './agendaPorts';\nimport type { Clock } from '../../domain/clock';\nexport type Triple = [CaseRecord, TeamRecord, Clock];\n"],
    ['bot/teams/caseVerb.ts', '../app/cases/openHandlerTask', "import { openHandlerTask } from '../app/cases/openHandlerTask';\nexport const open = openHandlerTask;\n"],
  ])('when %s imports %s (within the rules), then lint reports nothing', async (filePath, _target, code) => {
    expect(await layerProblems(filePath, code)).toEqual([]);
  });
});
