import { DeskError } from '../domain/errors';
import type { InputOf, OperationName, OutputOf, Services } from '../services/contract';
import { dispatch } from '../services/dispatch';

/**
 * An error no code foresaw, out of a contract operation: the command line logs it to a
 * file (cli/crash-log.ts) instead of letting dispatch print its stack on the terminal.
 */
export class UnexpectedError extends Error {
  readonly operation: string;
  constructor(operation: string, cause: unknown) {
    super(`Unexpected error in "${operation}"`, { cause });
    this.name = 'UnexpectedError';
    this.operation = operation;
  }
}

/**
 * Runs a contract operation exactly as the app would (same schema, same errors) and
 * returns its value, or throws the DeskError the envelope carried (UnexpectedError for an
 * error that was not a DeskError).
 */
export async function call<K extends OperationName>(services: Services, name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  let unexpected: { error: unknown } | undefined;
  const envelope = await dispatch(services, name, input, (error) => {
    unexpected = { error };
  });
  if (!envelope.ok) {
    if (unexpected) throw new UnexpectedError(name, unexpected.error);
    throw new DeskError(envelope.error.code, envelope.error.message, envelope.error.details);
  }
  return envelope.value as OutputOf<K>;
}
