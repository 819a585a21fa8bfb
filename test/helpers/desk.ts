import path from 'node:path';
import { afterEach } from 'vitest';
import type { DeskApi } from '../../services/contract';
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
