// The review mode's state (its own small store beside the session store): whether the review
// (or its after-action report page) holds the screen, the saved session it replays and where
// its timeline stands, the actor whose picture is shown beside the ground truth, the report's
// data and map images once made, and the "what if" branch with its comparison. Framework-free
// (zustand vanilla + immer); the review's commands (src/ui/review/review-session.ts) write it
// through the plain actions below, React reads it through useReview.

import { immer } from 'zustand/middleware/immer';
import { createStore } from 'zustand/vanilla';
import type { AfterActionReport } from '../exercise/aar';
import type { Comparison } from '../exercise/aar-branch';
import type { WorldDescription } from '../sim/describe';

export type ReviewPage = 'replay' | 'report';

export interface ReviewBookmark {
  tick: number;
  role: string;
  roleName: string;
  note: string;
}

export interface MapImage {
  tick: number;
  /** "Ground truth" or the actor's name. */
  view: string;
  /** A PNG data URL (Pixi's extract, legend and D+ time drawn in). */
  src: string;
}

export interface BranchState {
  /** The branch point. */
  tick: number;
  status: 'opening' | 'ready' | 'running' | 'error';
  /** Orders given in the branch (refused ones stay, with the reason). */
  orders: Array<{ role: string; text: string; ok: boolean; error: string | null }>;
  comparison: Comparison | null;
  error: string | null;
}

export interface ReviewState {
  open: boolean;
  page: ReviewPage;
  status: 'idle' | 'opening' | 'ready' | 'error';
  error: string | null;
  title: string;
  /** The full (ground truth) description of the session's scenario. */
  description: WorldDescription | null;
  roles: Array<{ id: string; name: string; actor: string | null }>;
  /** The session's recorded end (the timeline's end). */
  endTick: number;
  tick: number;
  /** The actor (description index) whose picture is shown beside the truth. */
  actor: number;
  bookmarks: ReviewBookmark[];
  /** Report data: null until computed. */
  aar: AfterActionReport | null;
  aarStatus: 'idle' | 'computing' | 'ready' | 'error';
  images: MapImage[];
  imagesStatus: 'idle' | 'making' | 'ready' | 'error';
  branch: BranchState | null;
  /** A short message for the review's status line. */
  notice: string | null;
}

const initial = (): ReviewState => ({
  open: false,
  page: 'replay',
  status: 'idle',
  error: null,
  title: '',
  description: null,
  roles: [],
  endTick: 0,
  tick: 0,
  actor: -1,
  bookmarks: [],
  aar: null,
  aarStatus: 'idle',
  images: [],
  imagesStatus: 'idle',
  branch: null,
  notice: null,
});

export const reviewStore = createStore<ReviewState>()(immer(() => initial()));

export const getReview = (): ReviewState => reviewStore.getState();

/** Back to nothing open (the review was closed). */
export function resetReview(): void {
  reviewStore.setState(initial());
}

export function patchReview(patch: Partial<ReviewState>): void {
  reviewStore.setState(patch);
}

export function setReviewTick(tick: number): void {
  reviewStore.setState((s) => {
    s.tick = tick;
  });
}

export function setBranch(b: BranchState | null): void {
  reviewStore.setState((s) => {
    s.branch = b;
  });
}

export function updateBranch(fn: (b: BranchState) => void): void {
  reviewStore.setState((s) => {
    if (s.branch) fn(s.branch);
  });
}
