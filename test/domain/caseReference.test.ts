import { formatCaseReference, normalizeCaseReference, REFERENCE_ALPHABET } from '../../bot/domain/caseReference';

describe('case references', () => {
  it('when made from random bytes, then they look like VM-XXXX-XXXX without look-alike characters', () => {
    const reference = formatCaseReference(Uint8Array.from([0, 1, 2, 3, 250, 251, 252, 253]));
    expect(reference).toMatch(/^VM-[346789ABCDEFGHJKMNPQRTWXY]{4}-[346789ABCDEFGHJKMNPQRTWXY]{4}$/);
    expect(REFERENCE_ALPHABET).not.toMatch(/[01OIL5SZ2UV]/);
  });

  it('when a user types a reference loosely, then it is normalised; nonsense is refused', () => {
    expect(normalizeCaseReference(' vm 7k3q 9dx4 ')).toBe('VM-7K3Q-9DX4');
    expect(normalizeCaseReference('7K3Q9DX4')).toBe('VM-7K3Q-9DX4');
    expect(normalizeCaseReference('VM-7K3Q-9DX')).toBeUndefined();
    expect(normalizeCaseReference('VM-0000-1111')).toBeUndefined();
  });
});
