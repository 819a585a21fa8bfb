import { isAppUrl } from './app-url';

/** The parts of an IPC event the sender check reads. */
export interface SenderEvent {
  sender: { id: number; mainFrame: unknown };
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * An IPC message is trusted only from the main frame of the app's own window showing
 * an app:// page: a subframe, another window, or a frame that navigated elsewhere is
 * refused.
 */
export function isTrustedSender(event: SenderEvent, trustedContentsId: () => number | undefined): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  if (frame !== event.sender.mainFrame) return false;
  if (event.sender.id !== trustedContentsId()) return false;
  return isAppUrl(frame.url);
}
