import { messageOf } from '../api/client.ts';

/**
 * Runs `action` with busy set meanwhile; if it throws, what `failureOf` makes of the error (by
 * default its message) goes to `setFailure` — a form's `failureOf` may also mark the fields at fault.
 */
export async function whileBusy(
  setBusy: (busy: boolean) => void,
  setFailure: (message: string) => void,
  action: () => Promise<void>,
  failureOf: (error: unknown) => string = messageOf,
): Promise<void> {
  setBusy(true);
  try {
    await action();
  } catch (e) {
    setFailure(failureOf(e));
  } finally {
    setBusy(false);
  }
}
