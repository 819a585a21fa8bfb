import type { ErrorCode } from '../../domain/errors';
import type { DeskApi, Envelope, InputOf, OperationName, OutputOf } from '../../services/contract';

declare global {
  interface Window {
    desk: DeskApi;
  }
}

/** A refused operation, with the service's code and its plain-words message. */
export class DeskCallError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'DeskCallError';
    this.code = code;
    this.details = details;
  }
}

const answered = new Set<(name: OperationName) => void>();

/**
 * Runs `listener` after every operation the store answered: what depends on the store as a
 * whole (the Undo button's name) follows every change, whichever screen made it.
 */
export function onAnswered(listener: (name: OperationName) => void): () => void {
  answered.add(listener);
  return () => answered.delete(listener);
}

/** Calls one operation through window.desk and unwraps its envelope. */
export async function call<K extends OperationName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const fn = window.desk?.[name] as ((input: InputOf<K>) => Promise<Envelope<OutputOf<K>>>) | undefined;
  if (!fn) throw new DeskCallError('UNREACHABLE', 'Adoption Desk is not connected to its data store.');
  let envelope: Envelope<OutputOf<K>>;
  try {
    envelope = await fn(input);
  } catch {
    throw new DeskCallError('UNREACHABLE', 'Adoption Desk could not reach its data store, so nothing was saved. Try again in a moment.');
  }
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
    throw new DeskCallError('INTERNAL', 'The data store gave an answer Adoption Desk does not understand.');
  }
  if (!envelope.ok) throw new DeskCallError(envelope.error.code, envelope.error.message, envelope.error.details);
  for (const listener of answered) listener(name);
  return envelope.value;
}

export function errorMessage(error: unknown): string {
  return error instanceof DeskCallError ? error.message : 'Something went wrong. Nothing was changed.';
}
