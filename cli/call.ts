import { DeskError } from '../domain/errors';
import type { InputOf, OperationName, OutputOf, Services } from '../services/contract';
import { dispatch } from '../services/dispatch';

/**
 * Runs a contract operation exactly as the app would (same schema, same errors) and
 * returns its value, or throws the DeskError the envelope carried.
 */
export async function call<K extends OperationName>(services: Services, name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const envelope = await dispatch(services, name, input);
  if (!envelope.ok) throw new DeskError(envelope.error.code, envelope.error.message, envelope.error.details);
  return envelope.value as OutputOf<K>;
}
