import path from 'node:path';
import { afterEach } from 'vitest';
import type { DeskApi, Envelope } from '../../services/contract';
import { openDesk, type Desk } from '../../services/desk';
import { dispatch } from '../../services/dispatch';
import { OPERATION_NAMES } from '../../services/operations';
import { tempDir } from './temp-dir';

const open: Desk[] = [];

/** Services over a fresh database in a temporary folder, closed after the test. */
export function freshDesk(options: Parameters<typeof openDesk>[1] = {}): Desk & { file: string; dir: string } {
  const dir = tempDir();
  const file = path.join(dir, 'adoption-desk.sqlite');
  const desk = openDesk(file, options);
  open.push(desk);
  return Object.assign(desk, { file, dir });
}

/**
 * `window.desk` as the renderer sees it, answered in-process by the real dispatcher.
 * Values are cloned like IPC clones them, so a test cannot pass by sharing objects.
 */
export function inProcessDeskApi(desk: Desk): DeskApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of OPERATION_NAMES) {
    api[name] = async (input) => structuredClone(await dispatch(desk.services, name, structuredClone(input), () => {}));
  }
  return api as unknown as DeskApi;
}

afterEach(() => {
  for (const desk of open.splice(0)) desk.close();
});

/** The value of a call through the API, or an error naming the refusal (for tests that expect success). */
export async function unwrap<T>(envelope: Promise<Envelope<T>>): Promise<T> {
  const result = await envelope;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The refusal of a call through the API (for tests that expect one). */
export async function failure<T>(envelope: Promise<Envelope<T>>) {
  const result = await envelope;
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}
