import { useCallback, useEffect, useState } from 'react';
import { callTabApi, type Authorizer } from './tabClient';

export type Loaded<T> = { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'ready'; value: T };

/** Loads one API path for a view, with `reload()` for "try again" and after an action. */
export function useTabApi<T>(path: string, authorize: Authorizer): { loaded: Loaded<T>; reload: () => void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    callTabApi<T>(path, authorize).then(
      (value) => current && setLoaded({ state: 'ready', value }),
      (error: unknown) => current && setLoaded({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [path, authorize, round]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { loaded, reload };
}
