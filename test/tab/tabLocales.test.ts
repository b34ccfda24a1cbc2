import en from '../../tab/locales/en.json';
import nl from '../../tab/locales/nl.json';

function keysOf(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => keysOf(value, prefix ? `${prefix}.${key}` : key));
}

describe('the tab\'s words', () => {
  it('when Dutch and English are compared, then both have the same keys, none empty', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(nl).sort());
    for (const catalogue of [nl, en]) for (const key of keysOf(catalogue)) expect(key.split('.').reduce<any>((node, part) => node[part], catalogue)).not.toBe('');
  });
});
