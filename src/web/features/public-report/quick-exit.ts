import { useEffect } from 'react';

/** The neutral site the quick exit goes to. */
export const QUICK_EXIT_URL = 'https://www.google.com';

/**
 * Leave at once: empty the page (so nothing of it stays on screen while the next site loads) and
 * replace this page in the history with a neutral site, so "back" does not return to the form.
 */
export function quickExit(): void {
  try {
    document.title = '';
    document.body.replaceChildren();
  } finally {
    window.location.replace(QUICK_EXIT_URL);
  }
}

/** Escape pressed twice within `withinMs` leaves the page. */
export function useEscapeTwiceToExit(withinMs = 1500): void {
  useEffect(() => {
    let last = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const now = Date.now();
      if (now - last <= withinMs) quickExit();
      last = now;
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [withinMs]);
}
