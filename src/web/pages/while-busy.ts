import { messageOf } from '../api/client.ts';

/** Runs `action` with busy set meanwhile; if it throws, the error's message goes to `setFailure`. */
export async function whileBusy(
  setBusy: (busy: boolean) => void,
  setFailure: (message: string) => void,
  action: () => Promise<void>,
): Promise<void> {
  setBusy(true);
  try {
    await action();
  } catch (e) {
    setFailure(messageOf(e));
  } finally {
    setBusy(false);
  }
}
