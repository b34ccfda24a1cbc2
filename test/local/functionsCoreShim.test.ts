import { functionsCoreShim, takeRegistrations } from '../../local/functionsCoreShim';

const metadata = (name: string) => ({ name, bindings: { trigger: { type: 'httpTrigger', direction: 'in' as const } } });
const handler = () => undefined;

describe('functionsCoreShim', () => {
  beforeEach(() => takeRegistrations());
  afterEach(() => takeRegistrations());

  it('when two functions share a name, then the second registration is refused', () => {
    functionsCoreShim.registerFunction(metadata('twice'), handler);

    expect(() => functionsCoreShim.registerFunction(metadata('twice'), handler)).toThrow('A function named "twice" is already registered.');
  });

  it('when registrations are taken, then the next host starts from none', () => {
    functionsCoreShim.registerFunction(metadata('first'), handler);

    expect(takeRegistrations().functions.map((fn) => fn.metadata.name)).toEqual(['first']);
    expect(takeRegistrations().functions).toEqual([]);
  });

  it('when a registration is disposed, then it is gone from what a host takes', () => {
    functionsCoreShim.registerFunction(metadata('kept'), handler);
    functionsCoreShim.registerFunction(metadata('dropped'), handler).dispose();

    expect(takeRegistrations().functions.map((fn) => fn.metadata.name)).toEqual(['kept']);
  });

  it('when a hook name is unknown, then registerHook throws the RangeError the library expects', () => {
    expect(() => functionsCoreShim.registerHook('log', handler)).toThrow(RangeError);
  });
});
