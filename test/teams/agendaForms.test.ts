import { actionNewDateForm, teamSettingsForm, topicDiscussedForm } from '../../bot/teams/agenda/agendaForms';
import { parseForm } from '../../bot/teams/parseForm';

/** The fields parseForm reports for `input`, or the parsed command. */
function fieldsOf(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    return (error as { fields: Record<string, string> }).fields;
  }
  throw new Error('expected a ValidationError');
}

describe('the agenda forms, parsed at the adapter', () => {
  const settings = { weekdays: '3,1,3', time: '09:30:00', everyWeeks: '2', leadWorkingDays: '0', language: 'en', unitId: ' u-clas-11-inf ', paused: 'true' };

  it('when the settings card sends its strings, then the use case gets typed settings: distinct days ascending, HH:mm, numbers, the locale', () => {
    expect(parseForm(teamSettingsForm, settings)).toEqual({ weekdays: [1, 3], time: '09:30', everyWeeks: 2, leadWorkingDays: 0, locale: 'en', unitId: 'u-clas-11-inf', paused: true });
    expect(parseForm(teamSettingsForm, { ...settings, everyWeeks: 4, leadWorkingDays: 5, paused: false })).toMatchObject({ everyWeeks: 4, leadWorkingDays: 5, paused: false });
  });

  it('when every settings field is malformed, then each is named at once with its message', () => {
    const fields = fieldsOf(() => parseForm(teamSettingsForm, { weekdays: '8', time: '25:00', everyWeeks: '3', leadWorkingDays: '1.0', language: 'de', unitId: {}, paused: [] }));
    expect(fields).toEqual({ weekdays: 'pickWeekday', time: 'invalidTime', everyWeeks: 'invalidChoice', leadWorkingDays: 'invalidChoice', language: 'invalidChoice' });
    expect(fieldsOf(() => parseForm(teamSettingsForm, { ...settings, weekdays: '', leadWorkingDays: '6' }))).toEqual({ weekdays: 'pickWeekday', leadWorkingDays: 'invalidChoice' });
  });

  it('when "besproken" has notes and a complete action, then the command holds them trimmed; empty slots are left out', () => {
    const parsed = parseForm(topicDiscussedForm, { notes: ' Goed gesprek ', action2Text: ' Ronde ', action2Owner: 'person-1', action2Due: '2026-12-20', action3Text: '' });
    expect(parsed).toEqual({ notes: 'Goed gesprek', actions: [{ slot: 2, text: 'Ronde', ownerId: 'person-1', dueDate: '2026-12-20' }] });
    expect(parseForm(topicDiscussedForm, {})).toEqual({ notes: '', actions: [] });
  });

  it('when action slots are half filled, then each missing part is named at once, with the notes', () => {
    const fields = fieldsOf(() => parseForm(topicDiscussedForm, { notes: 'n'.repeat(501), action1Text: 'Ronde', action3Owner: 'not an id!', action3Due: '2026-12-20' }));
    expect(fields).toEqual({ notes: 'tooLong', action1Owner: 'actionIncomplete', action1Due: 'actionIncomplete', action3Text: 'actionIncomplete', action3Owner: 'unknownPerson' });
  });

  it('when a new date is empty or far too long, then it is named; otherwise it goes on as typed for the use case to check', () => {
    expect(fieldsOf(() => parseForm(actionNewDateForm, { newDate: '  ' }))).toEqual({ newDate: 'required' });
    expect(fieldsOf(() => parseForm(actionNewDateForm, { newDate: 'x'.repeat(21) }))).toEqual({ newDate: 'invalidDate' });
    expect(parseForm(actionNewDateForm, { newDate: ' 2026-02-30 ' })).toEqual({ newDate: '2026-02-30' });
  });
});
