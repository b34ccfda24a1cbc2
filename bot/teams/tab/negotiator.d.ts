/**
 * The part of `negotiator` 1.x (jshttp/negotiator, index.js and lib/encoding.js) the tab's static
 * files use. Written here because `@types/negotiator` describes 0.6, without the `preferred`
 * option that breaks ties between encodings the browser accepts equally.
 */
declare module 'negotiator' {
  class Negotiator {
    constructor(request: { headers: Record<string, string | undefined> });
    /** The best of `available` by the request's Accept-Encoding, ties broken by `options.preferred`; undefined when none is acceptable. */
    encoding(available: string[], options?: { preferred?: string[] }): string | undefined;
  }
  export = Negotiator;
}
