// Wraps the timeline: while a played role holds the screen its scrubber is inert (seeking, like
// the rest of the clock, is the white cell's). `display: contents` keeps the app's layout.
import type { ReactNode } from 'react';
import { usePlayerOnScreen } from './hooks';

export function SeekLock(props: { children: ReactNode }) {
  const locked = usePlayerOnScreen();
  return (
    <div className="ex-seek-lock" inert={locked} data-locked={locked || undefined}>
      {props.children}
    </div>
  );
}

/** Renders its children only while no played role holds the screen (the white cell's tools). */
export function WhiteOnly(props: { children: ReactNode }) {
  return usePlayerOnScreen() ? null : props.children;
}
