import type { z } from 'zod';
import { DeskError, type ErrorInfo } from '../domain/errors';
import { contract, type Envelope, type Services } from './contract';
import { OPERATION_NAMES, type OperationName } from './operations';

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && (OPERATION_NAMES as readonly string[]).includes(name);
}

/** "name: A project needs a name." — the field, then the schema's own sentence. */
export function describeValidation(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.map(String).join('.');
      return field ? `${field}: ${issue.message}` : issue.message;
    })
    .join(' ');
}

const fail = (error: ErrorInfo): Envelope<never> => ({ ok: false, error });

/**
 * The single gate every front door (IPC, CLI, harness) goes through: unknown names and
 * inputs that fail their schema are refused before any service code runs; errors leave
 * as envelopes, never as exceptions or stack traces.
 */
export async function dispatch(
  services: Services,
  name: unknown,
  rawInput: unknown,
  log: (error: unknown) => void = (e) => console.error(e),
): Promise<Envelope<unknown>> {
  if (!isOperationName(name)) {
    return fail({ code: 'UNKNOWN_OPERATION', message: `Adoption Desk has no operation called "${String(name)}".` });
  }
  const parsed = contract[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return fail({ code: 'VALIDATION', message: describeValidation(parsed.error) });
  }
  try {
    const handler = services[name] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value: value === undefined ? null : value };
  } catch (error) {
    if (error instanceof DeskError) return fail(error.toInfo());
    log(error);
    return fail({
      code: 'INTERNAL',
      message: `Something unexpected went wrong while running "${name}". Nothing was changed; the details are in the log.`,
    });
  }
}
