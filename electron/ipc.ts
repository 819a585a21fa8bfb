import type { Envelope, Services } from '../services/contract';
import { dispatch } from '../services/dispatch';
import { OPERATION_NAMES, channelFor } from '../services/operations';
import type { SenderEvent } from './sender';

/** The parts of ipcMain used here, so tests can pass a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, input: unknown) => Promise<Envelope<unknown>>): void;
}

/**
 * The ONLY place that calls ipcMain.handle: one handler per contract operation, each
 * refusing foreign senders before the input is even parsed. Channels that are not
 * operations have no handler, so Electron rejects them.
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  services: Services,
  isTrusted: (event: SenderEvent) => boolean,
): void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(channelFor(name), async (event, input) => {
      if (!isTrusted(event)) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN_SENDER', message: 'This request did not come from the Adoption Desk window and was refused.' },
        };
      }
      return dispatch(services, name, input);
    });
  }
}
