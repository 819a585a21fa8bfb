import { describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../../domain/errors';
import type { Services } from '../../../services/contract';
import { contract } from '../../../services/contract';
import { dispatch } from '../../../services/dispatch';
import { OPERATION_NAMES } from '../../../services/operations';

function spyServices(overrides: Partial<Record<string, (input: unknown) => unknown>> = {}): Services {
  const services: Record<string, unknown> = {};
  for (const name of OPERATION_NAMES) services[name] = vi.fn(overrides[name] ?? (() => null));
  return services as unknown as Services;
}

describe('dispatch: the one gate of every front door', () => {
  it('the contract names exactly the listed operations', () => {
    expect(Object.keys(contract).sort()).toEqual([...OPERATION_NAMES].sort());
  });

  it.each([['nope'], ['__proto__'], ['constructor'], [42]])('refuses unknown operation %j without calling anything', async (name) => {
    const services = spyServices();
    const result = await dispatch(services, name, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    for (const n of OPERATION_NAMES) expect(services[n]).not.toHaveBeenCalled();
  });

  it('refuses input that fails its schema, in the reviewer\'s words, and never calls the service', async () => {
    const services = spyServices();
    const result = await dispatch(services, 'createProject', { name: '', level: 'sandbox' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'A project needs a name. The level is "incubation" or "graduation".' },
    });
    const extra = await dispatch(services, 'deleteProject', { id: 1, sql: 'DROP TABLE project' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(services.createProject).not.toHaveBeenCalled();
    expect(services.deleteProject).not.toHaveBeenCalled();
  });

  it('passes parsed input to the service and wraps its value', async () => {
    const services = spyServices({ createProject: (input) => ({ echoed: input }) });
    const result = await dispatch(services, 'createProject', { name: '  Globex  ', level: 'incubation' });
    expect(result).toEqual({ ok: true, value: { echoed: { name: 'Globex', level: 'incubation' } } });
  });

  it('turns a DeskError into its envelope and anything else into a message without a stack', async () => {
    const known = spyServices({
      listProjects: () => {
        throw new DeskError('IO_ERROR', 'Could not save: the disk is full.');
      },
    });
    expect(await dispatch(known, 'listProjects', {})).toEqual({
      ok: false,
      error: { code: 'IO_ERROR', message: 'Could not save: the disk is full.' },
    });
    const log = vi.fn();
    const broken = spyServices({
      listProjects: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      },
    });
    const result = await dispatch(broken, 'listProjects', {}, log);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/TypeError|at .*\.ts/);
    expect(log).toHaveBeenCalledOnce();
  });
});
