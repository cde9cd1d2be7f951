import { useEffect, useRef } from 'react';
import { activityReportIntervalMs } from '../../../../electron/contract';
import { call } from '../../api/client';

const INPUT_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

/**
 * Locks the screen after `idleLockSeconds` without keyboard or mouse input, and tells the back
 * end the user is active (throttled, with a trailing report) so its own idle lock agrees.
 */
export function useIdleLock(idleLockSeconds: number, active: boolean, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => {
    if (!active) return undefined;
    const idleMs = idleLockSeconds * 1000;
    const reportMs = activityReportIntervalMs(idleLockSeconds);
    let idleTimer = window.setTimeout(() => onIdleRef.current(), idleMs);
    let lastReport = 0;
    let trailing: number | undefined;

    const report = () => {
      lastReport = Date.now();
      trailing = undefined;
      void call('auth.activity', {}).catch(() => undefined);
    };
    const onInput = () => {
      window.clearTimeout(idleTimer);
      idleTimer = window.setTimeout(() => onIdleRef.current(), idleMs);
      const since = Date.now() - lastReport;
      if (since >= reportMs) report();
      else trailing ??= window.setTimeout(report, reportMs - since);
    };
    for (const e of INPUT_EVENTS) window.addEventListener(e, onInput, { passive: true });
    return () => {
      window.clearTimeout(idleTimer);
      window.clearTimeout(trailing);
      for (const e of INPUT_EVENTS) window.removeEventListener(e, onInput);
    };
  }, [idleLockSeconds, active]);
}
