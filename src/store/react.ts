// The thin React binding: components read the session store through a selector and
// re-render only when what they select changes (compared with Object.is; select primitives
// or stable references, or wrap the selector in zustand's useShallow).
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { type ClassroomState, classroomStore } from './classroom';
import { type ExerciseState, exerciseStore } from './exercise';
import { type ExperimentsState, experimentsStore } from './experiments';
import { type SessionState, sessionStore } from './session';

export function useSession<T>(selector: (s: SessionState) => T): T {
  return useStore(sessionStore, selector);
}

/** The Experiments panel's store (its results arrive in batches a few times a second). */
export function useExperiments<T>(selector: (s: ExperimentsState) => T): T {
  return useStore(experimentsStore, selector);
}

/** The exercise's store: the role on screen, the hand-over card, the role's exercise view. */
export function useExercise<T>(selector: (s: ExerciseState) => T): T {
  return useStore(exerciseStore, selector);
}

/** The classroom's store: the room, this device's role, the connection, the room panel. */
export function useClassroom<T>(selector: (s: ClassroomState) => T): T {
  return useStore(classroomStore, selector);
}

/**
 * Like useSession, but re-renders at most once per `ms` (the last value always lands): for
 * heavy panels (event feed, charts, markers, trust grid) that would otherwise re-render on
 * every snapshot while the scenario plays at top speed.
 */
export function useSessionThrottled<T>(selector: (s: SessionState) => T, ms = 250): T {
  const [value, setValue] = useState(() => selector(sessionStore.getState()));
  const latestSelector = useRef(selector);
  latestSelector.current = selector;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    let current = latestSelector.current(sessionStore.getState());
    setValue(() => current);
    const flush = () => {
      timer = null;
      last = performance.now();
      setValue(() => current);
    };
    const unsubscribe = sessionStore.subscribe((s) => {
      const next = latestSelector.current(s);
      if (Object.is(next, current)) return;
      current = next;
      const wait = ms - (performance.now() - last);
      if (wait <= 0) flush();
      else if (!timer) timer = setTimeout(flush, wait);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [ms]);
  return value;
}
