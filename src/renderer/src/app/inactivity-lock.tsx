import { useEffect, useRef } from 'react';
import { lockedByInactivity } from '../domain/workspace-lock';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
// How often the rule is checked. Each check compares wall-clock times, so a coarse tick only delays a
// lock by a few seconds, and a laptop that slept is locked on its first tick after waking.
const CHECK_EVERY_MS = 5_000;

/** Locks the open espace after `delayMinutes` without keyboard or mouse activity. Renders nothing. */
export function InactivityLock({ delayMinutes, onLock }: { delayMinutes: number; onLock: () => void }) {
  const lastActivity = useRef(Date.now());

  useEffect(() => {
    lastActivity.current = Date.now();
    const noteActivity = () => {
      lastActivity.current = Date.now();
    };
    const check = () => {
      if (lockedByInactivity(lastActivity.current, Date.now(), delayMinutes)) onLock();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, noteActivity, { capture: true, passive: true });
    document.addEventListener('visibilitychange', check);
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, noteActivity, { capture: true });
      document.removeEventListener('visibilitychange', check);
      window.clearInterval(timer);
    };
  }, [delayMinutes, onLock]);

  return null;
}
