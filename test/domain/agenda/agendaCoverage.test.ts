import { agendaCoverage, type CoverageActionInput, type CoverageTeamInput, type UnitCoverage } from '../../../bot/domain/agenda/agendaCoverage';

type Posting = CoverageTeamInput['postings'][number];
const posting = (status: Posting['status'], postedAt: string, meetingAt: string): Posting => ({ status, postedAt, meetingAt });

const TEAMS: CoverageTeamInput[] = [
  // unit-b first, so the sort is visible.
  { unitId: 'unit-b', configured: true, postings: [posting('discussed', '2026-06-04T07:00:00Z', '2026-06-05T07:00:00Z')] },
  { unitId: 'unit-b', configured: true, postings: [posting('discussed', '2026-06-11T07:00:00Z', '2026-06-12T07:00:00Z')] },
  { unitId: 'unit-b', configured: true, postings: [] },
  // Discussed in June.
  { unitId: 'unit-a', configured: true, postings: [posting('discussed', '2026-06-05T07:00:00Z', '2026-06-08T07:00:00Z')] },
  // A topic replaced and then skipped: posted and skipped, not discussed.
  { unitId: 'unit-a', configured: true, postings: [posting('replaced', '2026-06-12T07:00:00Z', '2026-06-15T07:00:00Z'), posting('skipped', '2026-06-12T08:00:00Z', '2026-06-15T07:00:00Z')] },
  // Posted on 29 May for a meeting on 1 June: posted in May, discussed in June.
  { unitId: 'unit-a', configured: true, postings: [posting('discussed', '2026-05-29T07:00:00Z', '2026-06-01T07:00:00Z')] },
  // 1 July 00:30 in Amsterdam is still 30 June in UTC: it belongs to July.
  { unitId: 'unit-a', configured: true, postings: [posting('posted', '2026-06-30T22:30:00Z', '2026-07-03T07:00:00Z')] },
  // Not configured: left out, whatever it has.
  { unitId: 'unit-a', configured: false, postings: [posting('discussed', '2026-06-05T07:00:00Z', '2026-06-08T07:00:00Z')] },
];

const NOW = new Date('2026-07-10T10:00:00Z');
const ACTIONS: CoverageActionInput[] = [
  { unitId: 'unit-a', isOpen: true, dueAt: '2026-07-01T21:59:59Z' },
  { unitId: 'unit-a', isOpen: true, dueAt: '2026-07-20T21:59:59Z' },
  { unitId: 'unit-a', isOpen: false, dueAt: '2026-06-20T21:59:59Z' },
  { unitId: 'unit-c', isOpen: true, dueAt: '2026-07-09T21:59:59Z' },
  { unitId: 'unit-c', isOpen: false, dueAt: '2026-07-09T21:59:59Z' },
];

const unit = (unitId: string, figures: Partial<UnitCoverage>): UnitCoverage => ({
  unitId, teams: 0, posted: 0, discussed: 0, skipped: 0, postedPct: 0, discussedPct: 0, skippedPct: 0, openActions: 0, lateActions: 0, ...figures,
});

describe('agendaCoverage', () => {
  it.each<[string, string, UnitCoverage[]]>([
    [
      'June, then replaced counts as posted, a meeting in June counts even when posted in May, and the unit with only actions appears',
      '2026-06',
      [
        unit('unit-a', { teams: 4, posted: 2, discussed: 2, skipped: 1, postedPct: 50, discussedPct: 50, skippedPct: 25, openActions: 2, lateActions: 1 }),
        unit('unit-b', { teams: 3, posted: 2, discussed: 2, postedPct: 67, discussedPct: 67 }),
        unit('unit-c', { openActions: 1, lateActions: 1 }),
      ],
    ],
    [
      'May, then only the posting of 29 May counts',
      '2026-05',
      [
        unit('unit-a', { teams: 4, posted: 1, postedPct: 25, openActions: 2, lateActions: 1 }),
        unit('unit-b', { teams: 3 }),
        unit('unit-c', { openActions: 1, lateActions: 1 }),
      ],
    ],
    [
      'July, then a posting at 00:30 on 1 July Amsterdam time counts for July',
      '2026-07',
      [
        unit('unit-a', { teams: 4, posted: 1, postedPct: 25, openActions: 2, lateActions: 1 }),
        unit('unit-b', { teams: 3 }),
        unit('unit-c', { openActions: 1, lateActions: 1 }),
      ],
    ],
  ])('when the month is %s', (_case, month, expected) => {
    expect(agendaCoverage(TEAMS, ACTIONS, month, NOW)).toEqual(expected);
  });

  it('when there are no teams and no actions, then there are no units', () => {
    expect(agendaCoverage([], [], '2026-06', NOW)).toEqual([]);
  });
});
