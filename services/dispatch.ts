import type { z } from 'zod';
import { DeskError, type ErrorInfo } from '../domain/errors';
import { contract, type Envelope, type Services } from './contract';
import { describeIssue } from './field-words';
import { OPERATION_NAMES, type OperationName } from './operations';

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && (OPERATION_NAMES as readonly string[]).includes(name);
}

/**
 * Every issue as a sentence in the reviewer's words ("The interview date "06/03/2025" is
 * not a date; …"), never the input's keys: the message is shown as it is in the app.
 */
export function describeValidation(error: z.ZodError, operation?: string): string {
  return [...new Set(error.issues.map((issue) => describeIssue(issue, operation)))].join(' ');
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
    return fail({ code: 'VALIDATION', message: describeValidation(parsed.error, name) });
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
