// The review store's React binding (select primitives or store-held references).
import { useStore } from 'zustand';
import { type ReviewState, reviewStore } from '../../store/review';

export function useReview<T>(selector: (s: ReviewState) => T): T {
  return useStore(reviewStore, selector);
}
