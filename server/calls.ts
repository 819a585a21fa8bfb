import type { Envelope, Services } from '../services/contract';
import { dispatch } from '../services/dispatch';
import { MAX_IMPORT_BYTES } from '../services/import-text';

/**
 * The largest call the server reads: an import's whole text at the services' limit, in UTF-8
 * (up to 3 bytes a character), and room for the rest of the call. The socket refuses a larger
 * frame before reading it (and closes: a page of ours never sends one, server/bridge.ts stops
 * it first).
 */
export const MAX_CALL_BYTES = 3 * MAX_IMPORT_BYTES + 1024 * 1024;

const refused = (message: string): Envelope<never> => ({ ok: false, error: { code: 'VALIDATION', message } });

/**
 * One call from the page, `{ id, name, input }`, answered as `{ id, envelope }` through the same
 * `dispatch` as IPC and the command line. A message that is not such a call fails alone, with
 * an envelope (under its id when it has one): the socket and the other calls on it go on.
 */
export async function answerCall(services: Services, data: string): Promise<string> {
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return JSON.stringify({ id: null, envelope: refused('The call was not JSON; nothing was run.') });
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return JSON.stringify({ id: null, envelope: refused('The call was not an object with an id, a name and an input; nothing was run.') });
  }
  const { id, name, input } = message as { id?: unknown; name?: unknown; input?: unknown };
  if (!(typeof id === 'number' && Number.isSafeInteger(id)) && typeof id !== 'string') {
    return JSON.stringify({ id: null, envelope: refused('The call had no id; nothing was run.') });
  }
  const envelope = await dispatch(services, name, input);
  try {
    return JSON.stringify({ id, envelope });
  } catch {
    return JSON.stringify({ id, envelope: { ok: false, error: { code: 'INTERNAL', message: `The answer to "${String(name)}" could not be sent.` } } });
  }
}
