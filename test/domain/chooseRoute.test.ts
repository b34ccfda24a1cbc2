import { chooseRoute } from '../../bot/domain/chooseRoute';
import type { CompleteReport } from '../../bot/domain/report';

type Input = Pick<CompleteReport, 'kind' | 'identity' | 'managerInvolved' | 'categories' | 'preferMeldpunt'>;
const named: Input = { kind: 'report', identity: 'named', managerInvolved: 'no', categories: ['bullying'], preferMeldpunt: false };

describe('chooseRoute (DOMAIN.md rules, first that applies decides)', () => {
  it.each<[string, Partial<Input>, string, string]>([
    ['advice goes to a vertrouwenspersoon, even when anonymous', { kind: 'advice', identity: 'anonymous' }, 'vertrouwenspersoon', 'r1_advice'],
    ['a klacht goes to the complaints coordinator', { kind: 'complaint', managerInvolved: 'yes' }, 'klachtencoordinator', 'r2_complaint'],
    ['mediation goes to AGO', { kind: 'mediation', categories: ['sexual_harassment'] }, 'ago', 'r3_mediation'],
    ['an anonymous melding goes to the Meldpunt', { identity: 'anonymous' }, 'meldpunt', 'r4_not_named'],
    ['a confidential melding goes to the Meldpunt', { identity: 'confidential' }, 'meldpunt', 'r4_not_named'],
    ['the manager involved: the Meldpunt', { managerInvolved: 'yes' }, 'meldpunt', 'r5_manager_involved'],
    ['"rather not say" counts as involved', { managerInvolved: 'rather_not_say' }, 'meldpunt', 'r5_manager_involved'],
    ['sexual harassment: the Meldpunt', { categories: ['bullying', 'sexual_harassment'] }, 'meldpunt', 'r6_serious_category'],
    ['aggression: the Meldpunt', { categories: ['aggression'] }, 'meldpunt', 'r6_serious_category'],
    ['integrity: the Meldpunt', { categories: ['integrity'] }, 'meldpunt', 'r6_serious_category'],
    ['only an unsafe situation: the safety officer', { categories: ['unsafe_situation'] }, 'veiligheidsfunctionaris', 'r7_unsafe_situation_only'],
    ['unsafe situation and bullying: the line', { categories: ['unsafe_situation', 'bullying'] }, 'line_manager', 'r8_line'],
    ['the reporter prefers the Meldpunt', { preferMeldpunt: true }, 'meldpunt', 'r8_reporter_chose_meldpunt'],
    ['otherwise the line', {}, 'line_manager', 'r8_line'],
  ])('when %s', (_name, change, role, rule) => {
    expect(chooseRoute({ ...named, ...change })).toEqual({ role, rule });
  });
});
