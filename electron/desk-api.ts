import type { DeskApi } from '../services/contract';
import { OPERATION_NAMES, channelFor } from '../services/operations';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

/**
 * `window.desk`: exactly one function per contract operation, frozen. The page never
 * sees ipcRenderer, channel names, or anything it could use to send other messages.
 */
export function buildDeskApi(invoke: Invoke): DeskApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of OPERATION_NAMES) {
    const channel = channelFor(name);
    api[name] = (input: unknown) => invoke(channel, input);
  }
  return Object.freeze(api) as unknown as DeskApi;
}
