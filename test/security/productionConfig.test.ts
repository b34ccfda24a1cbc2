import { loadConfig } from '../../bot/config';
import { configProblemsOf, PRODUCTION_SETTINGS } from '../fixtures/productionSettings';
import { debugEnablesAgents } from '../../bot/security/debugEnablesAgents';

/** The settings production needs anyway, so each test varies only the security ones. */
const PRODUCTION = { ...PRODUCTION_SETTINGS, KEY_RING: '{}' };
const problemsOf = configProblemsOf;

describe('production security settings', () => {
  const savedDebug = process.env.DEBUG;
  afterEach(() => {
    if (savedDebug === undefined) delete process.env.DEBUG;
    else process.env.DEBUG = savedDebug;
  });

  it('when nothing is set, then the Teams and Bot Framework hosts plus the BOT_SERVICE_URL host are allowed and the public cloud authority is used', () => {
    const config = loadConfig({ ...PRODUCTION, BOT_SERVICE_URL: 'https://smba.trafficmanager.net/emea/' });
    expect(config.botServiceHosts).toEqual(['smba.trafficmanager.net', '*.botframework.com', 'smba.trafficmanager.net']);
    expect(config.bot.authority).toBeUndefined();
    expect(config.allowLoopbackHttp).toBe(false);
  });

  it('when a sovereign authority is set, then it is passed on as an origin', () => {
    expect(loadConfig({ ...PRODUCTION, MicrosoftAppAuthority: 'https://login.microsoftonline.us/' }).bot.authority).toBe('https://login.microsoftonline.us');
  });

  it('when the authority has a path or uses http outside a test run, then start-up is refused', () => {
    expect(problemsOf({ ...PRODUCTION, MicrosoftAppAuthority: 'https://login.microsoftonline.com/common' })).toEqual([expect.stringContaining('origin only')]);
    expect(problemsOf({ ...PRODUCTION, MicrosoftAppAuthority: 'http://127.0.0.1:4000' })).toEqual([expect.stringContaining('must use https')]);
    expect(problemsOf({ ...PRODUCTION, MicrosoftAppAuthority: 'http://login.example.net', NODE_ENV: 'test' })).toEqual([expect.stringContaining('must use https')]);
    expect(problemsOf({ ...PRODUCTION, MicrosoftAppAuthority: 'http://127.0.0.1:4000', NODE_ENV: 'test', WEBSITE_INSTANCE_ID: 'azure' })).toEqual([expect.stringContaining('must use https')]);
  });

  it('when a test run points the authority and the connector at loopback http, then it is accepted', () => {
    const config = loadConfig({ ...PRODUCTION, NODE_ENV: 'test', MicrosoftAppAuthority: 'http://127.0.0.1:4000', BOT_SERVICE_URL: 'http://127.0.0.1:4001/', BOT_SERVICE_HOSTS: '127.0.0.1' });
    expect(config).toMatchObject({ allowLoopbackHttp: true, bot: { authority: 'http://127.0.0.1:4000' }, botServiceHosts: ['127.0.0.1', '127.0.0.1'] });
  });

  it('when BOT_SERVICE_URL is plain http in production, then start-up is refused', () => {
    expect(problemsOf({ ...PRODUCTION, BOT_SERVICE_URL: 'http://smba.trafficmanager.net/emea/' })).toEqual([expect.stringContaining('BOT_SERVICE_URL must use https')]);
  });

  it('when BOT_SERVICE_HOSTS has a URL, a top-level domain or an address outside a test run, then each is named', () => {
    expect(problemsOf({ ...PRODUCTION, BOT_SERVICE_HOSTS: 'https://smba.trafficmanager.net/emea, net, 10.0.0.5, *.botframework.com' })).toEqual([
      expect.stringContaining('"https://smba.trafficmanager.net/emea" is not a host name'),
      expect.stringContaining('"net" would allow a whole top-level domain'),
      expect.stringContaining('"10.0.0.5"'),
    ]);
  });

  it('when DEBUG would switch on the Agents SDK loggers in production, then start-up is refused; in local mode it is left alone', () => {
    expect(problemsOf({ ...PRODUCTION, DEBUG: 'agents:*' })).toEqual([expect.stringContaining('DEBUG')]);
    process.env.DEBUG = '*';
    expect(problemsOf({ ...PRODUCTION })).toEqual([expect.stringContaining('DEBUG')]);
    expect(problemsOf({ DEBUG: 'agents:*' })).toEqual([]);
  });

  it('when a DEBUG value is checked, then every pattern that can reach an agents:* namespace counts, and others do not', () => {
    for (const value of ['*', 'agents:*', 'agents:jwt-middleware:error', 'express:*,agents:cloud-adapter:*', 'a*', '*:warn', 'AGENTS:*', '*,-agents:*']) expect(debugEnablesAgents(value)).toBe(true);
    for (const value of [undefined, '', 'express:*', 'agents', 'jwks', '-agents:*', 'azure:*']) expect(debugEnablesAgents(value)).toBe(false);
  });
});
