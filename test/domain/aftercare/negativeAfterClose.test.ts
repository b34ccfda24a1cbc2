import { caseInsights, SUPPRESSED, type CaseProjection } from '../../../bot/domain/insights/caseInsights';

const PERIOD = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const NOW = new Date('2026-04-01T00:00:00Z');

function cases(unitId: string, negative: number, notNegative: number, noAnswer = 0): CaseProjection[] {
  const base = { unitId, categories: ['bullying'] as const, identity: 'named' as const, receivedAt: '2026-01-10T09:00:00Z', clocks: [] };
  return [
    ...Array.from({ length: negative }, () => ({ ...base, aftercare: { negative: true } })),
    ...Array.from({ length: notNegative }, () => ({ ...base, aftercare: { negative: false } })),
    ...Array.from({ length: noAnswer }, () => ({ ...base })),
  ];
}

describe('insights: reporters reporting negative consequences after closing', () => {
  it('when 5 of 20 who answered a check-in reported negative consequences, then the share is 25%, counting only those who answered', () => {
    const insights = caseInsights(cases('u-a', 5, 15, 30), PERIOD, NOW, ['u-a']);
    expect(insights.total.negativeAfterClosePct).toBe(25);
    expect(insights.units[0].negativeAfterClosePct).toBe(25);
  });

  it.each([
    ['fewer than 5 reported them', 4, 20],
    ['fewer than 5 did not', 20, 4],
    ['nobody did', 0, 30],
    ['nobody answered', 0, 0],
  ])('when %s, then the share is suppressed (share × answered would give a small count)', (_case, negative, notNegative) => {
    expect(caseInsights(cases('u-a', negative, notNegative, 10), PERIOD, NOW, ['u-a']).total.negativeAfterClosePct).toBe(SUPPRESSED);
  });

  it('when one unit has enough and the other not, then only the first shows its share; the total rests on both', () => {
    const insights = caseInsights([...cases('u-a', 6, 6), ...cases('u-b', 1, 3)], PERIOD, NOW, ['u-a', 'u-b']);
    expect(insights.units.find((unit) => unit.unitId === 'u-a')!.negativeAfterClosePct).toBe(50);
    expect(insights.units.find((unit) => unit.unitId === 'u-b')!.negativeAfterClosePct).toBe(SUPPRESSED);
    expect(insights.total.negativeAfterClosePct).toBe(44);
  });
});
