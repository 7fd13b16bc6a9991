import { useEffect } from 'react';
import { requireRelogin } from './sessionStore.ts';

// setTimeout treats longer delays as 0; re-arm in steps instead.
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Asks for a new login as soon as the tokens expire, rather than waiting for the next
 * request or reconnect to fail, so the user is not typing into a document that cannot save.
 */
export function useExpiryWatch(expiresAt: number | undefined): void {
  useEffect(() => {
    if (expiresAt === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = (): void => {
      const remaining = expiresAt * 1000 - Date.now();
      if (remaining <= 0) {
        requireRelogin('expired');
        return;
      }
      timer = setTimeout(arm, Math.min(remaining, MAX_TIMER_MS));
    };
    arm();
    return () => clearTimeout(timer);
  }, [expiresAt]);
}
