import { LOCALES, type Locale } from '../../bot/domain/locale';
import { t } from '../../cards/i18n';
import { renderTeamSettings, TEAM_SETTINGS_MAX_UNITS } from '../../cards/teamSettings';
import type { TeamSettingsView, UnitChoice } from '../../cards/teamSettings';
import { actions, adaptiveCardsProblems, allObjects, elementAfterInput, inputs, MAX_CARD_BYTES, schemaErrors, sizeInBytes, visibleTexts } from './cardChecks';

const UNITS: UnitChoice[] = [
  { id: 'unit-11lmb', name: '11 Luchtmobiele Brigade' },
  { id: 'unit-dosco', name: 'Defensie Ondersteuningscommando' },
];

function settingsView(locale: Locale, overrides: Partial<TeamSettingsView> = {}): TeamSettingsView {
  return {
    locale,
    teamName: 'Staf 11 Luchtmobiele Brigade',
    welcome: false,
    values: { weekdays: '1,3', time: '09:00', everyWeeks: '2', leadWorkingDays: '1', language: locale, unitId: 'unit-11lmb', paused: false },
    units: UNITS,
    errors: {},
    ...overrides,
  };
}

function input(card: object, id: string): Record<string, unknown> | undefined {
  return inputs(card).find((item) => item.id === id);
}

const FORM_INPUTS = ['weekdays', 'time', 'everyWeeks', 'leadWorkingDays', 'language', 'unitId', 'paused'];

describe('renderTeamSettings', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    const VIEWS: [string, TeamSettingsView][] = [
      ['the form', settingsView(locale)],
      ['the welcome', settingsView(locale, { welcome: true })],
      ['saved', settingsView(locale, { saved: { paused: false, nextPost: '1 maart 2026 om 09:00', meeting: '2 maart 2026 om 09:00' } })],
      ['saved and paused', settingsView(locale, { saved: { paused: true }, values: { ...settingsView(locale).values, paused: true } })],
      ['with errors', settingsView(locale, { errors: { weekdays: 'pickWeekday', time: 'invalidTime', everyWeeks: 'invalidChoice', leadWorkingDays: 'invalidChoice', language: 'invalidChoice', unitId: 'unknownUnit' } })],
      ['read only', settingsView(locale, { readOnly: { ownerNames: ['Anouk Meijer', 'Jeroen van den Berg'], coordinatorNames: ['Lotte Peters'] } })],
      ['read only, nobody known', settingsView(locale, { readOnly: { ownerNames: [], coordinatorNames: [] } })],
    ];

    it.each(VIEWS)('when %s, then the Adaptive Cards library and the 1.5 schema accept it, in the user language, with no template left', (_name, view) => {
      const card = renderTeamSettings(view);
      expect(adaptiveCardsProblems(card)).toEqual([]);
      expect(schemaErrors(card)).toEqual([]);
      expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', lang: locale, msteams: { width: 'Full' } });
      expect(JSON.stringify(card)).not.toContain('${');
      expect(sizeInBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    });

    it('when it is the welcome, then it first says what the bot does here, that nothing about a report is posted, and to report in a 1:1 chat', () => {
      const texts = visibleTexts(renderTeamSettings(settingsView(locale, { welcome: true })));
      const start = texts.indexOf(t(locale, 'agenda.settings.welcomeIntro'));
      expect(start).toBeGreaterThan(0);
      expect(texts.slice(start, start + 6)).toEqual([
        t(locale, 'agenda.settings.welcomeIntro'),
        ...(['welcomeTopic', 'welcomeRecord', 'welcomeNothing', 'welcomeReport'] as const).map((key) => `- ${t(locale, `agenda.settings.${key}`)}`),
        t(locale, 'agenda.settings.welcomeSetup'),
      ]);
      expect(t('nl', 'agenda.settings.welcomeReport')).toMatch(/1-op-1 chat/);
    });

    it('when it is not the welcome, then it has no introduction', () => {
      expect(visibleTexts(renderTeamSettings(settingsView(locale)))).not.toContain(t(locale, 'agenda.settings.welcomeIntro'));
    });

    it('when the form is shown, then it has the inputs the bot reads with the saved values, and Opslaan sends saveTeamSettings', () => {
      const card = renderTeamSettings(settingsView(locale, { values: { weekdays: '1,3', time: '13:30', everyWeeks: '4', leadWorkingDays: '0', language: 'en', unitId: 'unit-dosco', paused: true } }));
      expect(inputs(card).map((item) => [item.id, item.type, item.value])).toEqual([
        ['weekdays', 'Input.ChoiceSet', '1,3'],
        ['time', 'Input.Time', '13:30'],
        ['everyWeeks', 'Input.ChoiceSet', '4'],
        ['leadWorkingDays', 'Input.ChoiceSet', '0'],
        ['language', 'Input.ChoiceSet', 'en'],
        ['unitId', 'Input.ChoiceSet', 'unit-dosco'],
        ['paused', 'Input.Toggle', 'true'],
      ]);
      expect(input(card, 'weekdays')).toMatchObject({ isMultiSelect: true });
      expect((input(card, 'weekdays')?.choices as { value: string }[]).map((choice) => choice.value)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
      expect((input(card, 'weekdays')?.choices as { title: string }[])[0].title).toBe(locale === 'nl' ? 'maandag' : 'Monday');
      expect((input(card, 'everyWeeks')?.choices as { value: string }[]).map((choice) => choice.value)).toEqual(['1', '2', '4']);
      expect(input(card, 'leadWorkingDays')?.choices).toEqual([
        { title: t(locale, 'agenda.settings.leadSameDay'), value: '0' },
        { title: t(locale, 'agenda.settings.leadOne'), value: '1' },
        ...['2', '3', '4', '5'].map((days) => ({ title: t(locale, 'agenda.settings.leadMany', { days }), value: days })),
      ]);
      expect(input(card, 'language')?.choices).toEqual([
        { title: 'Nederlands', value: 'nl' },
        { title: 'English', value: 'en' },
      ]);
      expect(input(card, 'unitId')?.choices).toEqual(UNITS.map((unit) => ({ title: unit.name, value: unit.id })));
      expect(input(card, 'paused')).toMatchObject({ valueOn: 'true', valueOff: 'false' });
      expect(actions(card)).toEqual([{ type: 'Action.Execute', title: t(locale, 'agenda.settings.save'), style: 'positive', verb: 'saveTeamSettings', data: {} }]);
      expect(t('nl', 'agenda.settings.save')).toBe('Opslaan');
    });

    it('when no lead time is known, then 1 working day is shown', () => {
      const card = renderTeamSettings(settingsView(locale, { values: { ...settingsView(locale).values, leadWorkingDays: '' } }));
      expect(input(card, 'leadWorkingDays')?.value).toBe('1');
    });

    it.each([
      ['weekdays', 'pickWeekday'],
      ['time', 'invalidTime'],
      ['everyWeeks', 'invalidChoice'],
      ['leadWorkingDays', 'invalidChoice'],
      ['language', 'invalidChoice'],
      ['unitId', 'unknownUnit'],
    ] as const)('when %s has the error %s, then it is shown in red right under that field, with the entered values kept', (field, key) => {
      const values = { weekdays: '', time: '25:99', everyWeeks: '3', leadWorkingDays: '9', language: 'fr', unitId: 'unit-unknown', paused: false };
      const card = renderTeamSettings(settingsView(locale, { values, errors: { [field]: key } }));
      expect(elementAfterInput(card, field)).toMatchObject({ type: 'TextBlock', color: 'attention', text: t(locale, `validation.${key}`) });
      expect(allObjects(card).filter((item) => item.color === 'attention')).toHaveLength(1);
      expect(input(card, 'time')?.value).toBe('25:99');
      expect(input(card, 'unitId')?.value).toBe('unit-unknown');
    });

    it('when an error key is unknown, then the general text is shown, never the key', () => {
      const card = renderTeamSettings(settingsView(locale, { errors: { time: 'nope' } }));
      expect(elementAfterInput(card, 'time')?.text).toBe(t(locale, 'validation.generic'));
      expect(JSON.stringify(card)).not.toContain('nope');
    });

    it('when saved, then a confirmation with the next posting and the meeting comes first', () => {
      const card = renderTeamSettings(settingsView(locale, { saved: { paused: false, nextPost: '1 maart 2026 om 09:00', meeting: '2 maart 2026 om 09:00' } }));
      expect(visibleTexts(card)[0]).toBe(t(locale, 'agenda.settings.savedNext', { nextPost: '1 maart 2026 om 09:00', meeting: '2 maart 2026 om 09:00' }));
      expect(t('nl', 'agenda.settings.savedNext', { nextPost: 'A', meeting: 'B' })).toBe('Opgeslagen. Het volgende onderwerp komt op A, voor het overleg van B.');
      expect(inputs(card).map((item) => item.id)).toEqual(FORM_INPUTS);
    });

    it('when saved while paused, then the confirmation says no topics come until it is switched on again', () => {
      const card = renderTeamSettings(settingsView(locale, { saved: { paused: true } }));
      expect(visibleTexts(card)[0]).toBe(t(locale, 'agenda.settings.savedPaused'));
    });

    it('when the viewer may not change the settings, then there is no form and no button, only who can, by name', () => {
      const card = renderTeamSettings(settingsView(locale, { readOnly: { ownerNames: ['Anouk Meijer', 'Jeroen van den Berg'], coordinatorNames: ['Lotte Peters'] }, saved: { paused: true } }));
      expect(inputs(card)).toEqual([]);
      expect(actions(card)).toEqual([]);
      expect(card.actions ?? []).toEqual([]);
      const texts = visibleTexts(card);
      expect(texts).toEqual(expect.arrayContaining([t(locale, 'agenda.settings.readOnly'), 'Anouk Meijer, Jeroen van den Berg', 'Lotte Peters']));
      expect(texts).not.toContain(t(locale, 'agenda.settings.savedPaused'));
      expect(t('nl', 'agenda.settings.readOnly')).toBe('Alleen de eigenaren van dit team en de coördinator van de eenheid kunnen dit instellen:');
    });

    it('when there are many units, then at most the maximum are offered, in the order given, and the card stays under the Teams limit', () => {
      const units = Array.from({ length: 250 }, (_, i) => ({ id: `unit-${i}`, name: `${i + 1}e Infanteriebataljon Garderegiment Grenadiers en Jagers — Staf- en Ondersteuningscompagnie` }));
      const card = renderTeamSettings(settingsView(locale, { units, welcome: true }));
      expect(input(card, 'unitId')?.choices).toEqual(units.slice(0, TEAM_SETTINGS_MAX_UNITS).map((unit) => ({ title: unit.name, value: unit.id })));
      expect(sizeInBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    });

    it('when a team, unit or person name holds template or markdown syntax, then it is shown as given, never evaluated', () => {
      const odd = '${text.save} ${$root.lang} **Vet**';
      const card = renderTeamSettings(settingsView(locale, { teamName: odd, units: [{ id: 'unit-odd', name: odd }] }));
      expect(visibleTexts(card)).toContain(t(locale, 'agenda.settings.team', { team: odd }));
      expect(input(card, 'unitId')?.choices).toEqual([{ title: odd, value: 'unit-odd' }]);
      const readOnly = renderTeamSettings(settingsView(locale, { readOnly: { ownerNames: [odd], coordinatorNames: [] } }));
      expect(visibleTexts(readOnly)).toContain(odd);
    });
  });
});
