import { LOCALES, type Locale } from '../../bot/domain/locale';
import { topicDiscussedForm } from '../../bot/teams/agenda/agendaForms';
import { parseForm } from '../../bot/teams/parseForm';
import { ACTION_TEXT_MAX_LENGTH, NOTES_MAX_LENGTH, SKIP_REASON_MAX_LENGTH } from '../../bot/domain/agenda/topicFormLimits';
import { CARD_BUDGET_BYTES } from '../../cards/cardBudget';
import { formatNumber, t } from '../../cards/i18n';
import type { AdaptiveCard } from '../../cards/renderCard';
import { renderTopic, TOPIC_MAX_MEMBERS } from '../../cards/topic';
import type { PersonChoice } from '../../cards/personChoice';
import type { TopicCardView, TopicFormField } from '../../cards/topic';
import { actions, adaptiveCardsProblems, allObjects, bodyOf, elementAfterInput, inputs, MAX_CARD_BYTES, PEOPLE_PICKER_QUERY, schemaErrors, sizeInBytes, visibleTexts } from './cardChecks';

const POSTING_ID = 'posting-2026-03-02-team7';

const MEMBERS: PersonChoice[] = [
  { id: '00000000-0000-4000-8000-000000000008', name: 'Anouk Meijer' },
  { id: '00000000-0000-4000-8000-000000000014', name: 'Jeroen van den Berg' },
  { id: '00000000-0000-4000-8000-000000000013', name: 'Lotte Peters' },
];

/** `count` members with long names (accents: more bytes than characters). */
function manyMembers(count: number): PersonChoice[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(1000 + i).padStart(12, '0')}`,
    name: `Kapitein-luitenant ter zee Maximiliaan Alexander van Oldenbarnevelt-Ëtienne ${i + 1}`,
  }));
}

const TOPIC = {
  nl: {
    title: 'Tegenspraak, ja graag!',
    intro: 'Goede besluiten ontstaan als iedereen durft te zeggen wat hij of zij ziet. Ook tegen een meerdere.',
    questions: ['Wanneer heb jij voor het laatst iemand aangesproken?', 'Wat maakt het lastig om tegen te spreken?', 'Wat kunnen we als team afspreken?'],
    help: 'Twijfel je? Praat met een vertrouwenspersoon of je leidinggevende.',
  },
  en: {
    title: 'Speaking up, yes please!',
    intro: 'Good decisions come when everyone dares to say what they see. Also to a superior.',
    questions: ['When did you last speak to someone about their behaviour?', 'What makes it hard to disagree?', 'What can we agree as a team?'],
    help: 'In doubt? Talk to a confidential counsellor or your manager.',
  },
};

const SOURCE = 'Plan van aanpak Sociale Veiligheid, §3.2 Cultuur';

function topicView(locale: Locale, overrides: Partial<TopicCardView> = {}): TopicCardView {
  return {
    locale,
    postingId: POSTING_ID,
    meeting: locale === 'nl' ? 'maandag 2 maart 2026 om 09:00' : 'Monday 2 March 2026 at 09:00',
    topic: { ...TOPIC[locale], source: SOURCE },
    state: 'posted',
    members: MEMBERS,
    ...overrides,
  };
}

/** The longest topic texts the library allows (title 80, intro 600, three questions of 200, help 400, source 200). */
function longestTopic(): TopicCardView['topic'] {
  return { title: 'Ë'.repeat(80), intro: 'é'.repeat(600), questions: ['ë'.repeat(200), 'ï'.repeat(200), 'ö'.repeat(200)], help: 'ü'.repeat(400), source: 'à'.repeat(200) };
}

const FULL_FORM: Partial<Record<TopicFormField, string>> = {
  notes: 'ë'.repeat(NOTES_MAX_LENGTH),
  action1Text: 'é'.repeat(ACTION_TEXT_MAX_LENGTH),
  action1Owner: MEMBERS[0].id,
  action1Due: '2026-03-20',
  action2Text: 'ï'.repeat(ACTION_TEXT_MAX_LENGTH),
  action2Owner: MEMBERS[1].id,
  action2Due: '2026-03-27',
  action3Text: 'ö'.repeat(ACTION_TEXT_MAX_LENGTH),
  action3Owner: 'someone-from-the-people-picker',
  action3Due: '2026-04-03',
  skipReason: 'ü'.repeat(SKIP_REASON_MAX_LENGTH),
};

const ERRORS_FOR_EVERY_DISCUSSED_FIELD: NonNullable<TopicCardView['errors']> = {
  notes: 'tooLong',
  action1Text: 'actionIncomplete',
  action1Owner: 'unknownPerson',
  action1Due: 'dateInPast',
  action2Text: 'tooLong',
  action2Owner: 'notTeamMember',
  action2Due: 'invalidDate',
  action3Text: 'actionIncomplete',
  action3Owner: 'actionIncomplete',
  action3Due: 'actionIncomplete',
};

const DISCUSSED_INPUTS = ['notes', ...[1, 2, 3].flatMap((n) => [`action${n}Text`, `action${n}Owner`, `action${n}Due`])];

function input(card: object, id: string): Record<string, unknown> | undefined {
  return inputs(card).find((item) => item.id === id);
}

/** The top-level buttons, in order. */
function buttons(card: AdaptiveCard): Record<string, unknown>[] {
  return (card.actions ?? []) as Record<string, unknown>[];
}

function discussedShowCard(card: AdaptiveCard): Record<string, unknown> {
  return (buttons(card)[0].card ?? {}) as Record<string, unknown>;
}

describe('renderTopic', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    const VIEWS: [string, TopicCardView][] = [
      ['posted', topicView(locale)],
      ['posted with errors in the discussed form', topicView(locale, { form: FULL_FORM, errors: ERRORS_FOR_EVERY_DISCUSSED_FIELD })],
      ['posted with an error in the skip reason', topicView(locale, { form: FULL_FORM, errors: { skipReason: 'tooLong' } })],
      ['discussed with actions', topicView(locale, { state: 'discussed', recordedBy: 'Anouk Meijer', recordedAt: '2 maart 2026 om 10:15', actions: [{ text: 'Veiligheidsronde plannen', ownerName: 'Lotte Peters', due: '20 maart 2026' }] })],
      ['discussed without actions', topicView(locale, { state: 'discussed', recordedBy: 'Anouk Meijer', recordedAt: '2 maart 2026 om 10:15', actions: [] })],
      ['skipped', topicView(locale, { state: 'skipped', recordedBy: 'Anouk Meijer', recordedAt: '2 maart 2026 om 10:15' })],
    ];

    it.each(VIEWS)('when %s, then the Adaptive Cards library and the 1.5 schema accept it, in the user language, with no template left', (_name, view) => {
      const card = renderTopic(view);
      expect(adaptiveCardsProblems(card)).toEqual([]);
      expect(schemaErrors(card)).toEqual([]);
      expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', lang: locale, msteams: { width: 'Full' } });
      expect(JSON.stringify(card)).not.toContain('${');
      expect(sizeInBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    });

    it('when posted, then it shows the title, the meeting, the intro, the questions as a list, where to get help and the source', () => {
      const view = topicView(locale);
      const texts = visibleTexts(renderTopic(view));
      expect(texts.slice(0, 9)).toEqual([
        view.topic.title,
        t(locale, 'agenda.topic.forMeeting', { meeting: view.meeting }),
        view.topic.intro,
        t(locale, 'agenda.topic.questionsTitle'),
        ...view.topic.questions.map((question) => `- ${question}`),
        t(locale, 'agenda.topic.helpTitle'),
        view.topic.help,
      ]);
      expect(texts).toContain(t(locale, 'agenda.topic.source', { source: SOURCE }));
      expect(bodyOf(renderTopic(view))[0]).toMatchObject({ style: 'heading' });
    });

    it('when posted, then Besproken opens the form that sends topicDiscussed, Ander onderwerp sends topicOther without inputs, and skipping asks an optional reason and sends topicSkipped', () => {
      const card = renderTopic(topicView(locale));
      expect(buttons(card).map((action) => [action.type, action.title])).toEqual([
        ['Action.ShowCard', t(locale, 'agenda.topic.discussed')],
        ['Action.Execute', t(locale, 'agenda.topic.other')],
        ['Action.ShowCard', t(locale, 'agenda.topic.skip')],
      ]);
      const discussed = discussedShowCard(card);
      expect(inputs(discussed).map((item) => item.id)).toEqual(DISCUSSED_INPUTS);
      expect(actions(discussed)).toEqual([expect.objectContaining({ type: 'Action.Execute', verb: 'topicDiscussed', data: { postingId: POSTING_ID } })]);
      expect(buttons(card)[1]).toMatchObject({ verb: 'topicOther', data: { postingId: POSTING_ID }, associatedInputs: 'none' });
      const skip = buttons(card)[2].card as object;
      expect(inputs(skip).map((item) => [item.id, item.isRequired])).toEqual([['skipReason', undefined]]);
      expect(actions(skip)).toEqual([expect.objectContaining({ type: 'Action.Execute', verb: 'topicSkipped', data: { postingId: POSTING_ID } })]);
      expect(inputs({ body: card.body })).toEqual([]);
      expect(actions(card).map((action) => action.verb).sort()).toEqual(['topicDiscussed', 'topicOther', 'topicSkipped']);
    });

    it('when the form is read, then notes are multiline and short, with the hint not to name people or reports, and each action has a text, an owner picker and a date', () => {
      const card = renderTopic(topicView(locale));
      expect(input(card, 'notes')).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: NOTES_MAX_LENGTH, placeholder: t(locale, 'agenda.topic.notesPlaceholder') });
      expect(t('nl', 'agenda.topic.notesPlaceholder')).toBe('Kort, zonder namen of details van meldingen');
      for (const n of [1, 2, 3]) {
        expect(input(card, `action${n}Text`)).toMatchObject({ type: 'Input.Text', maxLength: ACTION_TEXT_MAX_LENGTH, placeholder: t(locale, 'agenda.topic.actionPlaceholder') });
        expect(input(card, `action${n}Owner`)).toMatchObject({
          type: 'Input.ChoiceSet',
          choices: MEMBERS.map((member) => ({ title: member.name, value: member.id })),
          'choices.data': PEOPLE_PICKER_QUERY,
        });
        expect(input(card, `action${n}Due`)).toMatchObject({ type: 'Input.Date' });
      }
      expect(input(card, 'skipReason')).toMatchObject({ type: 'Input.Text', maxLength: SKIP_REASON_MAX_LENGTH });
    });

    it('when the discussed form comes back with errors, then it is open in the body with what was entered and each message under its field, and the same three buttons', () => {
      const card = renderTopic(topicView(locale, { form: FULL_FORM, errors: ERRORS_FOR_EVERY_DISCUSSED_FIELD }));
      const body = { body: card.body };
      expect(inputs(body).map((item) => item.id)).toEqual(DISCUSSED_INPUTS);
      for (const id of DISCUSSED_INPUTS) expect(input(card, id)?.value).toBe(FULL_FORM[id as TopicFormField]);
      const max: Record<string, number> = { notes: NOTES_MAX_LENGTH, action2Text: ACTION_TEXT_MAX_LENGTH };
      for (const [id, key] of Object.entries(ERRORS_FOR_EVERY_DISCUSSED_FIELD)) {
        const text = t(locale, `validation.${key}` as Parameters<typeof t>[1], { max: formatNumber(max[id] ?? 0, locale) });
        expect([id, elementAfterInput(card, id)]).toEqual([id, expect.objectContaining({ type: 'TextBlock', color: 'attention', text })]);
      }
      expect(buttons(card).map((action) => [action.type, action.title, action.verb])).toEqual([
        ['Action.Execute', t(locale, 'agenda.topic.discussed'), 'topicDiscussed'],
        ['Action.Execute', t(locale, 'agenda.topic.other'), 'topicOther'],
        ['Action.ShowCard', t(locale, 'agenda.topic.skip'), undefined],
      ]);
      expect(buttons(card)[0].data).toEqual({ postingId: POSTING_ID });
      expect(inputs(card).filter((item) => item.id === 'notes')).toHaveLength(1);
    });

    it('when the skip reason comes back with an error, then the skip form is open in the body with the reason kept, and Besproken still opens its form', () => {
      const card = renderTopic(topicView(locale, { form: { skipReason: 'Te lang' }, errors: { skipReason: 'tooLong' } }));
      expect(inputs({ body: card.body }).map((item) => [item.id, item.value])).toEqual([['skipReason', 'Te lang']]);
      expect(elementAfterInput(card, 'skipReason')).toMatchObject({ color: 'attention', text: t(locale, 'validation.tooLong', { max: formatNumber(SKIP_REASON_MAX_LENGTH, locale) }) });
      expect(buttons(card).map((action) => [action.type, action.verb])).toEqual([
        ['Action.ShowCard', undefined],
        ['Action.Execute', 'topicOther'],
        ['Action.Execute', 'topicSkipped'],
      ]);
    });

    it('when an error key is unknown, then the general text is shown, never the key', () => {
      const card = renderTopic(topicView(locale, { errors: { action1Due: 'nope' } }));
      expect(elementAfterInput(card, 'action1Due')?.text).toBe(t(locale, 'validation.generic'));
      expect(JSON.stringify(card)).not.toContain('nope');
    });

    it('when there is no error, then no red text is shown', () => {
      expect(allObjects(renderTopic(topicView(locale))).filter((item) => item.color === 'attention')).toEqual([]);
    });

    it('when no team members are known, then each owner list is only the people picker (as Teams documents it), and the schema accepts the card', () => {
      const card = renderTopic(topicView(locale, { members: [] }));
      for (const n of [1, 2, 3]) expect(input(card, `action${n}Owner`)).toMatchObject({ choices: [], 'choices.data': PEOPLE_PICKER_QUERY });
      expect(schemaErrors(card)).toEqual([]);
      // The library does not know the picker's query, so it asks for a static choice; that is all it reports.
      expect(new Set(adaptiveCardsProblems(card))).toEqual(new Set(['validate: CollectionCantBeEmpty: An Input.ChoiceSet must have at least one choice defined.']));
    });

    it('when discussed, then it says who recorded it and when, lists the actions, and has no inputs, no buttons and never the notes', () => {
      const view = topicView(locale, {
        state: 'discussed',
        recordedBy: 'Anouk Meijer',
        recordedAt: '2 maart 2026 om 10:15',
        actions: [{ text: 'Veiligheidsronde plannen', ownerName: 'Lotte Peters', due: '20 maart 2026' }],
        form: { notes: 'GEHEIME-AANTEKENING', skipReason: 'GEHEIME-REDEN', action1Text: 'INVOER' },
        errors: { notes: 'tooLong' },
      });
      const card = renderTopic(view);
      expect(inputs(card)).toEqual([]);
      expect(actions(card)).toEqual([]);
      expect(card.actions ?? []).toEqual([]);
      const texts = visibleTexts(card);
      expect(texts).toContain(t(locale, 'agenda.topic.recordedDiscussed', { by: 'Anouk Meijer', at: '2 maart 2026 om 10:15' }));
      expect(texts).toContain(`• ${t(locale, 'agenda.topic.actionLine', { text: 'Veiligheidsronde plannen', owner: 'Lotte Peters', due: '20 maart 2026' })}`);
      expect(t('nl', 'agenda.topic.actionLine', { text: 'a', owner: 'b', due: 'c' })).toBe('a — b — c');
      expect(JSON.stringify(card)).not.toMatch(/GEHEIM|INVOER/);
      expect(texts).not.toContain(t(locale, 'agenda.topic.noReports'));
    });

    it('when discussed without actions, then it says no actions were agreed', () => {
      const card = renderTopic(topicView(locale, { state: 'discussed', recordedBy: 'Anouk Meijer', recordedAt: '2 maart 2026 om 10:15', actions: [] }));
      expect(visibleTexts(card)).toContain(t(locale, 'agenda.topic.noActions'));
      expect(visibleTexts(card)).not.toContain(t(locale, 'agenda.topic.agreedTitle'));
    });

    it('when skipped, then it says who recorded it and when, with no inputs, no buttons and never the reason or notes', () => {
      const card = renderTopic(topicView(locale, { state: 'skipped', recordedBy: 'Anouk Meijer', recordedAt: '2 maart 2026 om 10:15', form: { skipReason: 'GEHEIME-REDEN', notes: 'GEHEIME-AANTEKENING' }, actions: [{ text: 'ACTIE', ownerName: 'x', due: 'y' }] }));
      expect(inputs(card)).toEqual([]);
      expect(actions(card)).toEqual([]);
      expect(visibleTexts(card)).toContain(t(locale, 'agenda.topic.recordedSkipped', { by: 'Anouk Meijer', at: '2 maart 2026 om 10:15' }));
      expect(JSON.stringify(card)).not.toMatch(/GEHEIM|ACTIE/);
    });

    it('when the team has more members than a list shows, then each owner list shows at most the maximum, in the order given', () => {
      const members = manyMembers(200).map((member, i) => ({ ...member, name: `Lid ${i + 1}` }));
      const card = renderTopic(topicView(locale, { members }));
      for (const n of [1, 2, 3]) {
        expect(input(card, `action${n}Owner`)?.choices).toEqual(members.slice(0, TOPIC_MAX_MEMBERS).map((member) => ({ title: member.name, value: member.id })));
      }
    });

    it(`when ${TOPIC_MAX_MEMBERS} members have long names and every text is as long as allowed, then the card stays within the budget and the people picker finds whoever is not listed`, () => {
      const members = manyMembers(TOPIC_MAX_MEMBERS);
      for (const view of [topicView(locale, { members, topic: longestTopic() }), topicView(locale, { members, topic: longestTopic(), form: FULL_FORM, errors: ERRORS_FOR_EVERY_DISCUSSED_FIELD })]) {
        const card = renderTopic(view);
        expect(sizeInBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
        expect(adaptiveCardsProblems(card)).toEqual([]);
        expect(schemaErrors(card)).toEqual([]);
        const lists = [1, 2, 3].map((n) => input(card, `action${n}Owner`)!);
        for (const list of lists) {
          expect(list['choices.data']).toEqual(PEOPLE_PICKER_QUERY);
          expect((list.choices as unknown[]).length).toBeGreaterThanOrEqual(20);
          expect(list.choices).toEqual(lists[0].choices);
          expect(list.choices).toEqual(members.slice(0, (list.choices as unknown[]).length).map((member) => ({ title: member.name, value: member.id })));
        }
      }
    });

    it('when topic texts or member names hold template or markdown syntax, then they are shown as given, never evaluated', () => {
      const odd = '${text.discussed} ${$root.postingId} **Vet**';
      const card = renderTopic(topicView(locale, { topic: { title: odd, intro: odd, questions: [odd], help: odd, source: odd }, members: [{ id: 'id-odd', name: odd }], meeting: odd }));
      const texts = visibleTexts(card);
      expect(texts.slice(0, 3)).toEqual([odd, t(locale, 'agenda.topic.forMeeting', { meeting: odd }), odd]);
      expect(texts).toContain(`- ${odd}`);
      expect(input(card, 'action1Owner')?.choices).toEqual([{ title: odd, value: 'id-odd' }]);
      const discussed = renderTopic(topicView(locale, { state: 'discussed', recordedBy: odd, recordedAt: odd, actions: [{ text: odd, ownerName: odd, due: odd }] }));
      expect(visibleTexts(discussed)).toContain(`• ${t(locale, 'agenda.topic.actionLine', { text: odd, owner: odd, due: odd })}`);
    });
  });

  it('when notes and an action are as long as the card allows, then the bot accepts them, and one character more is refused as too long', async () => {
    const owner = '00000000-0000-4000-8000-000000000015';
    const entered = (notes: number, text: number) => ({ notes: 'n'.repeat(notes), action1Text: 'a'.repeat(text), action1Owner: owner, action1Due: '2026-12-20' });
    const read = (input: Record<string, unknown>) => parseForm(topicDiscussedForm, input);
    expect(read(entered(NOTES_MAX_LENGTH, ACTION_TEXT_MAX_LENGTH))).toMatchObject({ actions: [{ slot: 1, ownerId: owner }] });
    expect(() => read(entered(NOTES_MAX_LENGTH + 1, ACTION_TEXT_MAX_LENGTH + 1))).toThrow(expect.objectContaining({ fields: { notes: 'tooLong', action1Text: 'tooLong' } }));
  });
});
