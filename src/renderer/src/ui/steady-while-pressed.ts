import { useEffect, useReducer, useState } from 'react';

// Forms validate on blur (DESIGN.md, « The screens »). Pressing the mouse on « Enregistrer » blurs the field
// being typed in, so its error used to appear between the press and the release: the message pushed the
// button down, the release landed beside it, and the click — the save — was lost. Reserving room under every
// field would leave blank lines all over the long Cerfa forms (and a message may wrap to three lines), and a
// floating message would cover the next field. So the layout holds still instead: while a pointer is
// pressed, a field's message keeps what it showed when the press began, and it changes as soon as the press
// ends (the click, or its release when it was no click). Keyboard users see it at once, as before.

let pressed = false;
const waiting = new Set<() => void>();
let listening = false;

function release(): void {
  if (!pressed) return;
  pressed = false;
  for (const show of [...waiting]) show();
  waiting.clear();
}

function listen(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  const options = { capture: true, passive: true };
  window.addEventListener(
    'pointerdown',
    () => {
      pressed = true;
    },
    options,
  );
  // The click comes after the release in the same task: the save starts on a layout that did not move.
  window.addEventListener('click', release, options);
  // No click (a press dragged away, cancelled, or the window left): the release frees the layout just after.
  const releaseSoon = () => window.setTimeout(release, 0);
  window.addEventListener('pointerup', releaseSoon, options);
  window.addEventListener('pointercancel', releaseSoon, options);
  window.addEventListener('blur', release);
}

/** `value` as it should show now: unchanged while a pointer is pressed, up to date once the press ends. */
export function useSteadyWhilePressed<T>(value: T): T {
  listen();
  const [shown, setShown] = useState(value);
  const [, showLatest] = useReducer((n: number) => n + 1, 0);
  const held = pressed && !Object.is(shown, value);

  useEffect(() => {
    if (!held) return;
    // Released between this render and now: show it.
    if (!pressed) {
      showLatest();
      return;
    }
    waiting.add(showLatest);
    return () => {
      waiting.delete(showLatest);
    };
  }, [held, value]);

  if (held) return shown;
  // React's pattern for state derived from props: set during render, redrawn before anything is painted.
  if (!Object.is(shown, value)) setShown(value);
  return value;
}
