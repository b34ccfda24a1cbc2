import { compileRoute } from '../../local/compileRoute';

describe('compileRoute', () => {
  it.each([
    ['health', '/api/health', {}],
    ['health', '/api/HEALTH', {}],
    ['health', '/api/health/', {}],
    ['cases/{id}', '/api/cases/VM-1', { id: 'VM-1' }],
    ['cases/{id}', '/api/cases/a%20b', { id: 'a b' }],
    ['cases/{id:int}', '/api/cases/42', { id: '42' }],
    ['cases/{id:guid}', '/api/cases/0f8fad5b-d9cb-469f-a165-70867728950e', { id: '0f8fad5b-d9cb-469f-a165-70867728950e' }],
    ['files/{name?}', '/api/files', {}],
    ['files/{name?}', '/api/files/a.txt', { name: 'a.txt' }],
    ['files/{name}.{ext}', '/api/files/report.pdf', { name: 'report', ext: 'pdf' }],
    ['proxy/{*rest}', '/api/proxy/a/b/c', { rest: 'a/b/c' }],
  ])('when template %s matches %s, then the params are %j', (template, path, params) => {
    expect(compileRoute(template).match(path)).toEqual(params);
  });

  it.each([
    ['health', '/health'],
    ['health', '/api/healthz'],
    ['cases/{id}', '/api/cases'],
    ['cases/{id}', '/api/cases/a/b'],
    ['cases/{id:int}', '/api/cases/abc'],
    ['cases/{id}', '/api/cases/%E0%A4%A'],
  ])('when template %s is asked for %s, then it does not match', (template, path) => {
    expect(compileRoute(template).match(path)).toBeUndefined();
  });
});
