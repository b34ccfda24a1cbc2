import fc from 'fast-check';
import { caseInsights, PROTECTED, SUPPRESSED, type CaseProjection, type Figure, type InsightFigures, type MonthFigures } from '../../../bot/domain/insights/caseInsights';
import { monthSpansOf } from '../../../bot/domain/insights/insightsPeriod';
import { CATEGORIES, IDENTITY_MODES, type Category, type IdentityMode } from '../../../bot/domain/report';

const PERIOD = { from: new Date('2026-10-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };
const NOW = new Date('2027-01-04T12:00:00Z');

function aCase(unitId: string, overrides: Partial<CaseProjection> = {}): CaseProjection {
  return { unitId, categories: ['bullying'], identity: 'named', receivedAt: '2026-10-15T08:00:00Z', clocks: [], ...overrides };
}

function times(count: number, make: () => CaseProjection): CaseProjection[] {
  return Array.from({ length: count }, make);
}

/**
 * What a reader can work out from the figures as shown, by subtraction along the table's relations,
 * repeated as long as anything new follows (independent of the production algorithm). The cells are
 * the counts shown or implied: reports, per category, anonymous and not anonymous (share × reports,
 * when the share and the reports are shown), and per identity mode (each mode's share × reports).
 * Relations: the units add up to the total in every column; anonymous + not anonymous = reports,
 * named + confidential = not anonymous and named + confidential + anonymous = reports in every row; and, when every report has one category (a reader
 * may assume so), the categories add up to the reports in every row. With months (the charts over
 * time): the months add up to the total in the reports' and every category's column, and (one
 * category each) a month's categories to its reports.
 * Returns the hidden cells that became known.
 */
function derivableHiddenCells(shown: { scope: string; figures: InsightFigures }[], oneCategoryEach: boolean, months: readonly MonthFigures[] = []): string[] {
  const known = new Map<string, number>();
  const cells: string[] = [];
  const put = (id: string, figure: Figure | undefined) => {
    cells.push(id);
    if (typeof figure === 'number') known.set(id, figure);
  };
  for (const { scope, figures } of shown) {
    put(`${scope}/cases`, figures.cases);
    for (const line of figures.categories) put(`${scope}/${line.category}`, line.count);
    const pct = figures.anonymousPct;
    const reports = figures.cases;
    const anonymous = typeof pct === 'number' && typeof reports === 'number' ? Math.round((pct * reports) / 100) : undefined;
    const fromShare = (mode: IdentityMode) => {
      const share = figures.identityShares.find((line) => line.mode === mode)?.pct;
      return typeof share === 'number' && typeof reports === 'number' ? Math.round((share * reports) / 100) : undefined;
    };
    put(`${scope}/anonymous`, anonymous ?? fromShare('anonymous'));
    put(`${scope}/notAnonymous`, anonymous === undefined || typeof reports !== 'number' ? undefined : reports - anonymous);
    put(`${scope}/named`, fromShare('named'));
    put(`${scope}/confidential`, fromShare('confidential'));
  }
  for (const month of months) {
    put(`${month.month}/cases`, month.cases);
    for (const line of month.categories) put(`${month.month}/${line.category}`, line.count);
  }
  const units = shown.slice(1).map((entry) => entry.scope);
  const relations: { total: string; parts: string[] }[] = [];
  if (months.length > 0) {
    for (const measure of ['cases', ...CATEGORIES]) relations.push({ total: `total/${measure}`, parts: months.map((month) => `${month.month}/${measure}`) });
    if (oneCategoryEach) for (const month of months) relations.push({ total: `${month.month}/cases`, parts: CATEGORIES.map((category) => `${month.month}/${category}`) });
  }
  for (const measure of ['cases', 'anonymous', 'notAnonymous', 'named', 'confidential', ...CATEGORIES]) relations.push({ total: `total/${measure}`, parts: units.map((unit) => `${unit}/${measure}`) });
  for (const scope of ['total', ...units]) {
    relations.push({ total: `${scope}/cases`, parts: [`${scope}/anonymous`, `${scope}/notAnonymous`] });
    relations.push({ total: `${scope}/notAnonymous`, parts: [`${scope}/named`, `${scope}/confidential`] });
    relations.push({ total: `${scope}/cases`, parts: [`${scope}/named`, `${scope}/confidential`, `${scope}/anonymous`] });
    if (oneCategoryEach) relations.push({ total: `${scope}/cases`, parts: CATEGORIES.map((category) => `${scope}/${category}`) });
  }
  const hidden = new Set(cells.filter((id) => !known.has(id)));
  let progress = true;
  while (progress) {
    progress = false;
    for (const { total, parts } of relations) {
      const unknown = [total, ...parts].filter((id) => !known.has(id));
      if (unknown.length !== 1) continue;
      const sumOfParts = parts.reduce((sum, id) => sum + (known.get(id) ?? 0), 0);
      known.set(unknown[0], unknown[0] === total ? sumOfParts : known.get(total)! - sumOfParts);
      progress = true;
    }
  }
  return [...hidden].filter((id) => known.has(id));
}

function viewOf(cases: readonly CaseProjection[], units: readonly string[]): { scope: string; figures: InsightFigures }[] {
  const insights = caseInsights(cases, PERIOD, NOW, units);
  return [{ scope: 'total', figures: insights.total }, ...insights.units.map(({ unitId, ...figures }) => ({ scope: unitId, figures }))];
}

const UNITS = ['u-a', 'u-b', 'u-c', 'u-d'];

/** Small organisations with clustered counts: many cells near the threshold of 5. */
const casesArbitrary = (oneCategoryEach: boolean) =>
  fc.array(
    fc.record({
      unit: fc.constantFrom(...UNITS),
      categories: oneCategoryEach ? fc.constantFrom<Category>('bullying', 'discrimination', 'aggression').map((category) => [category]) : fc.subarray<Category>(['bullying', 'discrimination', 'aggression', 'integrity'], { minLength: 1 }),
      identity: fc.constantFrom<IdentityMode>(...IDENTITY_MODES),
    }),
    { minLength: 12, maxLength: 45, size: 'max' },
  ).map((drawn) => drawn.map((item) => aCase(item.unit, { categories: item.categories, identity: item.identity })));

describe('complementary suppression (no hidden count follows from the shown ones)', () => {
  it('when one unit of three has 3 reports, then the total minus the other units does not give them', () => {
    const view = viewOf([...times(3, () => aCase('u-a')), ...times(8, () => aCase('u-b')), ...times(9, () => aCase('u-c'))], ['u-a', 'u-b', 'u-c']);
    const [total, a, b, c] = view.map((entry) => entry.figures);
    expect(a.cases).toBe(SUPPRESSED);
    // Another unit (the smallest) is hidden with it, so that 20 − 9 leaves the sum of two.
    expect([total.cases, b.cases, c.cases]).toEqual([20, PROTECTED, 9]);
    expect(derivableHiddenCells(view, true)).toEqual([]);
  });

  it('when a category has 2 reports in one unit only, then neither its column nor its row gives them away', () => {
    const cases = [...times(2, () => aCase('u-a', { categories: ['discrimination'] })), ...times(6, () => aCase('u-a')), ...times(7, () => aCase('u-b', { categories: ['discrimination'] }))];
    const view = viewOf(cases, ['u-a', 'u-b']);
    expect(view[1].figures.categories.find((line) => line.category === 'discrimination')?.count).toBe(SUPPRESSED);
    expect(derivableHiddenCells(view, true)).toEqual([]);
  });

  it.each([
    ['one category each (rows add up too)', true],
    ['several categories per report (columns add up)', false],
  ])('when reports are generated at random (%s), then no suppressed cell can be worked out by row or column subtraction', (_name, oneCategoryEach) => {
    fc.assert(
      fc.property(casesArbitrary(oneCategoryEach), (cases) => {
        expect(derivableHiddenCells(viewOf(cases, UNITS), oneCategoryEach)).toEqual([]);
      }),
      { numRuns: 300, seed: 10_4 },
    );
  });

  it.each([
    ['one category each (rows add up too)', true],
    ['several categories per report (columns add up)', false],
  ])('when reports fall at random in the months of the period (%s), then no suppressed cell, of a unit or of a month, can be worked out, and the figures of the period are as without months', (_name, oneCategoryEach) => {
    const months = monthSpansOf(PERIOD);
    fc.assert(
      fc.property(casesArbitrary(oneCategoryEach), fc.array(fc.integer({ min: 0, max: months.length - 1 }), { minLength: 45, maxLength: 45 }), (cases, monthOf) => {
        const dated = cases.map((item, index) => ({ ...item, receivedAt: new Date(months[monthOf[index]].from.getTime() + 86_400_000).toISOString() }));
        const insights = caseInsights(dated, PERIOD, NOW, UNITS, months);
        const view = [{ scope: 'total', figures: insights.total }, ...insights.units.map(({ unitId, ...figures }) => ({ scope: unitId, figures }))];
        expect(derivableHiddenCells(view, oneCategoryEach, insights.months)).toEqual([]);
        // The months never hide more of the period's own figures.
        const without = caseInsights(dated, PERIOD, NOW, UNITS);
        expect({ total: insights.total, units: insights.units }).toEqual({ total: without.total, units: without.units });
      }),
      { numRuns: 200, seed: 12_3 },
    );
  });

  it('when a year has busy months and quiet ones, then the busy months show their counts and the quiet ones "<5"', () => {
    const year = { from: new Date('2025-12-31T23:00:00Z'), to: new Date('2026-12-31T23:00:00Z') };
    const spans = monthSpansOf(year);
    expect(spans.map((span) => span.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    const perMonth = [7, 1, 6, 0, 8, 2, 9, 6, 3, 7, 6, 5];
    const cases = perMonth.flatMap((count, month) => times(count, () => aCase('u-a', { receivedAt: new Date(spans[month].from.getTime() + 3_600_000).toISOString() })));
    const { total, units, months } = caseInsights(cases, year, new Date('2027-01-04T12:00:00Z'), ['u-a'], spans);
    expect(total.cases).toBe(60);
    expect(months.map((month) => month.cases)).toEqual(perMonth.map((count, index) => (count < 5 ? SUPPRESSED : months[index].cases)));
    // The quiet months are hidden, and with them as few busy ones as needed (never the small ones shown).
    for (const [index, month] of months.entries()) if (perMonth[index] >= 5 && month.cases !== PROTECTED) expect(month.cases).toBe(perMonth[index]);
    expect(months.filter((month) => typeof month.cases === 'number').length).toBeGreaterThanOrEqual(6);
    expect(derivableHiddenCells([{ scope: 'total', figures: total }, ...units.map(({ unitId, ...figures }) => ({ scope: unitId, figures }))], false, months)).toEqual([]);
  });

  it('when one unit has 3 confidential reports, then neither the shares in its row nor the other units\' in its column give them', () => {
    const cases = [
      ...times(10, () => aCase('u-a')),
      ...times(3, () => aCase('u-a', { identity: 'confidential' })),
      ...times(7, () => aCase('u-a', { identity: 'anonymous' })),
      ...times(8, () => aCase('u-b')),
      ...times(6, () => aCase('u-b', { identity: 'confidential' })),
      ...times(9, () => aCase('u-b', { identity: 'anonymous' })),
    ];
    const view = viewOf(cases, ['u-a', 'u-b']);
    const shares = (scope: number) => Object.fromEntries(view[scope].figures.identityShares.map((line) => [line.mode, line.pct]));
    expect(shares(1).confidential).toBe(SUPPRESSED);
    // The row: 100% − 50% named would leave the 3 with the anonymous 7, so a second share is hidden ("×").
    expect(Object.values(shares(1)).filter((pct) => pct === PROTECTED)).toHaveLength(1);
    // The column: total confidential (9) − u-b's 6 would give the 3, so one of them is hidden too.
    expect([shares(0).confidential, shares(2).confidential]).toContain(PROTECTED);
    expect(derivableHiddenCells(view, true)).toEqual([]);
  });

  it('when reports fall at random in three identity modes and a share of a mode is shown, then it rests on 5 or more of that mode and 5 or more of the others', () => {
    fc.assert(
      fc.property(casesArbitrary(true), (cases) => {
        const insights = caseInsights(cases, PERIOD, NOW, UNITS);
        for (const [scope, figures] of [['', insights.total] as const, ...insights.units.map((unit) => [unit.unitId, unit] as const)]) {
          const inScope = cases.filter((item) => scope === '' || item.unitId === scope);
          for (const { mode, pct } of figures.identityShares) {
            const count = inScope.filter((item) => item.identity === mode).length;
            if (typeof pct === 'number') expect(Math.min(count, inScope.length - count)).toBeGreaterThanOrEqual(5);
            if (count < 5) expect(pct).toBe(SUPPRESSED);
          }
        }
      }),
      { numRuns: 200, seed: 12_7 },
    );
  });

  it('when nothing is small, then nothing is hidden', () => {
    const view = viewOf([...times(6, () => aCase('u-a', { identity: 'anonymous' })), ...times(7, () => aCase('u-a')), ...times(8, () => aCase('u-b', { identity: 'anonymous' })), ...times(9, () => aCase('u-b'))], ['u-a', 'u-b']);
    for (const { figures } of view) {
      expect(typeof figures.cases).toBe('number');
      expect(typeof figures.anonymousPct).toBe('number');
      expect(figures.categories.find((line) => line.category === 'bullying')?.count).toEqual(expect.any(Number));
    }
  });
});
