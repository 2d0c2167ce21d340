import { useCallback, useState } from 'react';

/** State of a form whose submission calls the server: busy while it runs, then the error, if any. */
export interface Submission {
  busy: boolean;
  /** What the last submission threw (shown with FormError), or null. */
  error: unknown;
  /** Run `action`, busy meanwhile; resolves true when it succeeded, false when it threw (kept in `error`). */
  run: (action: () => Promise<void>) => Promise<boolean>;
  /** Forget the last error, e.g. when the form changes mode. */
  clearError: () => void;
}

/** Busy flag and error of a form that reports the server's refusal inside itself rather than as a notification. */
export function useSubmission(): Submission {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
