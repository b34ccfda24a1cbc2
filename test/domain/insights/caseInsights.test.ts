import { caseInsights, PROTECTED, suppress, SUPPRESSED, type CaseProjection } from '../../../bot/domain/insights/caseInsights';
import { insightsPeriod, monthsOf } from '../../../bot/domain/insights/insightsPeriod';

const PERIOD = { from: new Date('2026-10-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };
const NOW = new Date('2026-12-04T12:00:00Z');
const day = (n: number) => new Date(Date.parse('2026-10-01T08:00:00Z') + n * 86_400_000).toISOString();

function aCase(overrides: Partial<CaseProjection> = {}): CaseProjection {
  return { unitId: 'u-a', categories: ['bullying'], identity: 'named', receivedAt: day(0), clocks: [], ...overrides };
}

function times(count: number, make: (index: number) => CaseProjection): CaseProjection[] {
  return Array.from({ length: count }, (_, index) => make(index));
}

describe('suppress', () => {
  it.each([
    [0, SUPPRESSED],
    [1, SUPPRESSED],
    [4, SUPPRESSED],
    [5, 5],
    [17, 17],
  ])('when the count is %s, then it shows %s', (count, shown) => {
    expect(suppress(count)).toBe(shown);
  });
});

describe('caseInsights', () => {
  it.each([
    [4, SUPPRESSED],
    [5, 5],
  ])('when %s cases were received, then the total shows %s and the derived figures follow it', (count, shown) => {
    const cases = times(count, (i) => aCase({ identity: 'anonymous', acknowledgedAt: day(i + 1), closedAt: day(10), feedback: { takenSeriously: 4, wouldReportAgain: 5 } }));
    const { total } = caseInsights(cases, PERIOD, NOW, ['u-a']);
    expect(total.cases).toBe(shown);
    const derivedFigures = [total.anonymousPct, total.medianDaysToAcknowledge, total.medianDaysToClose, total.p90DaysToAcknowledge, total.p90DaysToClose, total.takenSeriously, total.wouldReportAgain];
    if (shown === SUPPRESSED) expect(derivedFigures).toEqual([SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED]);
    // All anonymous: the share (100%) would say that 0 were not, a count below 5.
    else expect(derivedFigures).toEqual([SUPPRESSED, 3, 10, 5, 10, 4, 5]);
  });

  it.each([
    ['odd', [1, 2, 3, 10, 20], 3],
    ['even', [1, 2, 3, 4, 10, 20], 3.5],
    ['fractions of a day', [0.25, 0.5, 0.5, 1, 2], 0.5],
  ])('when the days to acknowledge are %s, then the median is the middle one (one decimal)', (_name, days, expected) => {
    const cases = days.map((d) => aCase({ acknowledgedAt: new Date(Date.parse(day(0)) + d * 86_400_000).toISOString() }));
    expect(caseInsights(cases, PERIOD, NOW, []).total.medianDaysToAcknowledge).toBe(expected);
  });

  it.each([
    ['five', [1, 2, 3, 10, 20], 20],
    ['ten', [1, 2, 3, 4, 5, 6, 7, 8, 9, 30], 9],
    ['eleven', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30], 10],
    ['twenty', [...Array.from({ length: 18 }, (_, i) => i + 1), 40, 50], 18],
    ['in any order', [9, 30, 1, 8, 2, 7, 3, 6, 4, 5], 9],
  ])('when %s cases were acknowledged, then the 90th percentile is the smallest value with nine in ten at or below it', (_name, days, expected) => {
    const cases = days.map((d) => aCase({ acknowledgedAt: new Date(Date.parse(day(0)) + d * 86_400_000).toISOString() }));
    expect(caseInsights(cases, PERIOD, NOW, []).total.p90DaysToAcknowledge).toBe(expected);
  });

  it('when clocks of several kinds are due in the period, then compliance is also given per kind, each under the small-number rule', () => {
    const due = day(10);
    const onTime = { dueAt: due, stoppedAt: day(9) };
    const late = { dueAt: due, stoppedAt: day(11) };
    const cases = [
      ...times(4, () => aCase({ clocks: [{ clock: 'acknowledge' as const, ...onTime }, { clock: 'feedback' as const, ...onTime }] })),
      aCase({ clocks: [{ clock: 'acknowledge' as const, ...late }, { clock: 'feedback' as const, ...late }] }),
      ...times(3, () => aCase({ clocks: [{ clock: 'decision' as const, ...onTime }] })),
    ];
    const { total } = caseInsights(cases, PERIOD, NOW, []);
    expect(total.deadlinesMetByClock).toEqual([
      { clock: 'acknowledge', pct: 80 },
      { clock: 'feedback', pct: 80 },
      { clock: 'decision', pct: SUPPRESSED },
      { clock: 'contact', pct: SUPPRESSED },
      { clock: 'firstUpdate', pct: SUPPRESSED },
    ]);
    // All kinds together: 11 of 13 clocks on time, in 8 cases.
    expect(total.deadlinesMetPct).toBe(85);
  });

  it('when only 4 cases were closed, then the 90th percentile to close is suppressed like the median', () => {
    const cases = [...times(4, () => aCase({ closedAt: day(5) })), ...times(6, () => aCase())];
    expect(caseInsights(cases, PERIOD, NOW, []).total).toMatchObject({ medianDaysToClose: SUPPRESSED, p90DaysToClose: SUPPRESSED });
    const five = [...times(5, () => aCase({ closedAt: day(5) }))];
    expect(caseInsights(five, PERIOD, NOW, []).total.p90DaysToClose).toBe(5);
  });

  it('when only 4 of many cases were closed, then the median to close is suppressed although the total is shown', () => {
    const cases = [...times(4, () => aCase({ closedAt: day(5) })), ...times(6, () => aCase())];
    const { total } = caseInsights(cases, PERIOD, NOW, []);
    expect(total.cases).toBe(10);
    expect(total.medianDaysToClose).toBe(SUPPRESSED);
  });

  it('when clocks are due in the period, then compliance counts those stopped on time against all decided ones', () => {
    const due = day(10);
    const cases = [
      ...times(3, () => aCase({ clocks: [{ dueAt: due, stoppedAt: day(9) }] })), // met
      aCase({ clocks: [{ dueAt: due, stoppedAt: due }] }), // met: exactly at the due moment
      aCase({ clocks: [{ dueAt: due, stoppedAt: day(11) }] }), // late
      aCase({ clocks: [{ dueAt: due }] }), // running past its due moment: missed
      aCase({ clocks: [{ dueAt: '2026-12-20T00:00:00Z' }] }), // running, not due yet: not decided
      aCase({ clocks: [{ dueAt: '2027-02-01T00:00:00Z', stoppedAt: day(3) }] }), // due after the period
    ];
    expect(caseInsights(cases, PERIOD, NOW, []).total.deadlinesMetPct).toBe(67);
  });

  it('when fewer than 5 cases have decided clocks, then compliance is suppressed', () => {
    const cases = [...times(4, () => aCase({ clocks: [{ dueAt: day(10), stoppedAt: day(9) }, { dueAt: day(20), stoppedAt: day(19) }] })), ...times(3, () => aCase())];
    expect(caseInsights(cases, PERIOD, NOW, []).total.deadlinesMetPct).toBe(SUPPRESSED);
  });

  it('when feedback was given, then each question is averaged over its own answers, and fewer than 5 answers are suppressed', () => {
    const cases = [
      ...[5, 4, 4, 3, 2].map((score) => aCase({ feedback: { takenSeriously: score } })),
      ...times(4, () => aCase({ feedback: { wouldReportAgain: 5 } })),
    ];
    const { total } = caseInsights(cases, PERIOD, NOW, []);
    expect(total.takenSeriously).toBe(3.6);
    expect(total.wouldReportAgain).toBe(SUPPRESSED);
  });

  it('when 5 of 20 reports are anonymous, then the share is shown; with 4 anonymous it is suppressed', () => {
    const five = [...times(5, () => aCase({ identity: 'anonymous' })), ...times(15, () => aCase())];
    const four = [...times(4, () => aCase({ identity: 'anonymous' })), ...times(16, () => aCase())];
    expect(caseInsights(five, PERIOD, NOW, []).total.anonymousPct).toBe(25);
    expect(caseInsights(four, PERIOD, NOW, []).total.anonymousPct).toBe(SUPPRESSED);
    // 16 of 20 anonymous: the share would give the 4 that were not.
    const sixteen = [...times(16, () => aCase({ identity: 'anonymous' })), ...times(4, () => aCase())];
    expect(caseInsights(sixteen, PERIOD, NOW, []).total.anonymousPct).toBe(SUPPRESSED);
  });

  it('when 10 reports are named, 5 confidential and 6 anonymous, then each identity mode has its share', () => {
    const cases = [...times(10, () => aCase()), ...times(5, () => aCase({ identity: 'confidential' })), ...times(6, () => aCase({ identity: 'anonymous' }))];
    expect(caseInsights(cases, PERIOD, NOW, []).total.identityShares).toEqual([
      { mode: 'named', pct: 48 },
      { mode: 'confidential', pct: 24 },
      { mode: 'anonymous', pct: 29 },
    ]);
  });

  it.each([
    // 3 confidential: "<5"; the named 10 are hidden beside them ("×"), or 20 − 7 − 10 would give the 3.
    ['3 of 20 confidential', { named: 10, confidential: 3, anonymous: 7 }, { named: PROTECTED, confidential: SUPPRESSED, anonymous: 35 }],
    // All named: 100% would say that none reported otherwise (0 is a small number too).
    ['all 8 named', { named: 8, confidential: 0, anonymous: 0 }, { named: SUPPRESSED, confidential: SUPPRESSED, anonymous: SUPPRESSED }],
    // 16 named and 4 others: the named share gives the 4.
    ['16 named, 2 confidential, 2 anonymous', { named: 16, confidential: 2, anonymous: 2 }, { named: SUPPRESSED, confidential: SUPPRESSED, anonymous: SUPPRESSED }],
    ['4 reports in all', { named: 2, confidential: 1, anonymous: 1 }, { named: SUPPRESSED, confidential: SUPPRESSED, anonymous: SUPPRESSED }],
  ] as const)('when %s, then no identity share gives a count below 5', (_name, counts, expected) => {
    const cases = (['named', 'confidential', 'anonymous'] as const).flatMap((identity) => times(counts[identity], () => aCase({ identity })));
    const { total } = caseInsights(cases, PERIOD, NOW, []);
    expect(Object.fromEntries(total.identityShares.map((line) => [line.mode, line.pct]))).toEqual(expected);
  });

  it('when a category has 4 reports, then it shows <5 even though the total minus the other categories would give it', () => {
    const cases = [...times(6, () => aCase({ categories: ['bullying'] })), ...times(4, () => aCase({ categories: ['discrimination'] }))];
    const { total } = caseInsights(cases, PERIOD, NOW, []);
    expect(total.cases).toBe(10);
    const count = (category: string) => total.categories.find((line) => line.category === category)?.count;
    expect(count('bullying')).toBe(6);
    expect(count('discrimination')).toBe(SUPPRESSED);
    // Every category is listed, the empty ones suppressed too: a difference cannot tell which category the 4 are in.
    expect(total.categories).toHaveLength(7);
    expect(count('aggression')).toBe(SUPPRESSED);
  });

  it('when a unit has 3 cases, then every figure of that unit is suppressed, while the other unit and the total are shown', () => {
    const cases = [
      ...times(3, () => aCase({ unitId: 'u-small', identity: 'anonymous', acknowledgedAt: day(1), closedAt: day(3), feedback: { takenSeriously: 1, wouldReportAgain: 1 }, clocks: [{ dueAt: day(2), stoppedAt: day(1) }] })),
      ...times(6, () => aCase({ unitId: 'u-big', identity: 'anonymous', acknowledgedAt: day(2), closedAt: day(4), feedback: { takenSeriously: 5, wouldReportAgain: 5 }, clocks: [{ dueAt: day(2), stoppedAt: day(1) }] })),
    ];
    const { total, units } = caseInsights(cases, PERIOD, NOW, ['u-big', 'u-small', 'u-empty']);
    const small = units.find((unit) => unit.unitId === 'u-small')!;
    const { unitId: _unitId, categories, deadlinesMetByClock, identityShares, ...figures } = small;
    expect(Object.values(figures).every((value) => value === SUPPRESSED)).toBe(true);
    expect(identityShares.every((line) => line.pct === SUPPRESSED)).toBe(true);
    expect(categories.every((line) => line.count === SUPPRESSED)).toBe(true);
    expect(deadlinesMetByClock.every((line) => line.pct === SUPPRESSED)).toBe(true);
    expect(units.find((unit) => unit.unitId === 'u-big')).toMatchObject({ cases: 6, anonymousPct: SUPPRESSED, medianDaysToAcknowledge: 2, deadlinesMetPct: 100, takenSeriously: 5 });
    expect(units.find((unit) => unit.unitId === 'u-empty')).toMatchObject({ cases: SUPPRESSED });
    expect(total).toMatchObject({ cases: 9, takenSeriously: 3.7 });
  });
});

describe('insightsPeriod', () => {
  it.each([
    ['thisQuarter', '2026-09-30T22:00:00.000Z', '2026-12-31T23:00:00.000Z', '2026-Q4'],
    ['lastQuarter', '2026-06-30T22:00:00.000Z', '2026-09-30T22:00:00.000Z', '2026-Q3'],
    ['thisYear', '2025-12-31T23:00:00.000Z', '2026-12-31T23:00:00.000Z', '2026'],
    ['lastYear', '2024-12-31T23:00:00.000Z', '2025-12-31T23:00:00.000Z', '2025'],
  ] as const)('when %s is asked on 4 December 2026, then it runs from %s to %s (Amsterdam time)', (name, from, to, label) => {
    const period = insightsPeriod(name, NOW);
    expect({ from: period.from.toISOString(), to: period.to.toISOString(), label: period.label }).toEqual({ from, to, label });
  });

  it('when the period has not ended, then only the months begun so far count', () => {
    expect(monthsOf(insightsPeriod('thisQuarter', NOW), NOW)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(monthsOf(insightsPeriod('thisYear', NOW), NOW)).toHaveLength(12);
    expect(monthsOf(insightsPeriod('lastQuarter', NOW), NOW)).toEqual(['2026-07', '2026-08', '2026-09']);
  });
});
