// The React binding of author mode's store.
import { useStore } from 'zustand';
import { type AuthorState, authorStore } from '../../store/author';

export function useAuthor<T>(selector: (s: AuthorState) => T): T {
  return useStore(authorStore, selector);
}
