// Small React helpers of the exercise UI: who holds the screen, a ticking wall clock for
// countdowns, and the role names of the running exercise.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { WHITE } from '../../store/exercise-commands';
import { useExercise } from '../../store/react';

/** Whether a played role (not the white cell) holds the screen of a running exercise. */
export function usePlayerOnScreen(): boolean {
  return useExercise((s) => s.active && s.role !== WHITE);
}

/** Whether the white cell holds the screen of a running exercise. */
export function useWhiteOnScreen(): boolean {
  return useExercise((s) => s.active && s.role === WHITE);
}

/** Wall-clock milliseconds, re-rendering every `ms` while `on`. */
export function useNow(on: boolean, ms = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [on, ms]);
  return now;
}

/** A role's display name in the running exercise (its id when unknown). */
export function useRoleName(): (id: string) => string {
  const roles = useExercise((s) => s.view?.roles);
  return (id: string) => roles?.find((r) => r.id === id)?.name ?? id;
}

/** "04:59", "1:02:03": a countdown's remaining time, never negative. */
export function formatCountdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const p2 = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${p2(m)}:${p2(sec)}` : `${p2(m)}:${p2(sec)}`;
}

/** Whether the planning countdown is enlarged for the projector (kept across hand-overs). */
const bigCountdown = createStore<{ big: boolean }>()(() => ({ big: false }));

export function useBigCountdown(): [boolean, (big: boolean) => void] {
  const big = useStore(bigCountdown, (s) => s.big);
  return [big, (b) => bigCountdown.setState({ big: b })];
}
