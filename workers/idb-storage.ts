// Sessions saved in the browser's IndexedDB (idb-keyval), from the worker that hosts them: an
// order is acknowledged only after its session is written here, so a reload or a crash
// reopens the exercise at the same tick and hash. Keys: `session:<id>` → the session file,
// `latest` → the id saved last.
import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { SessionFile } from '../src/exercise/session-file';
import type { SessionStorage } from './session-api';

const store = (): UseStore => createStore('concord', 'sessions');

export function idbStorage(): SessionStorage {
  const db = store();
  return {
    async save(id, file) {
      await set(`session:${id}`, file, db);
      await set('latest', id, db);
    },
  };
}

/** A saved session by id (main thread or worker: IndexedDB is shared by the origin). */
export async function loadSaved(id: string): Promise<SessionFile | undefined> {
  return get(`session:${id}`, store());
}

export async function latestSavedId(): Promise<string | undefined> {
  return get('latest', store());
}
