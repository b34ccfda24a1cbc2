/**
 * The composition root: the one place that builds clients, repositories, the adapter and senders.
 * (Being filled in; the health function relies on `getApplication()` and the two fields below.)
 */
export interface Application {
  mode: 'local' | 'production';
  storageKind: 'embedded' | 'cosmos';
}

let application: Promise<Application> | undefined;

/** Builds the application once per process, from `process.env`. */
export function getApplication(): Promise<Application> {
  application ??= Promise.resolve({ mode: 'local', storageKind: 'embedded' });
  return application;
}
