import type { InputOf, OperationName, OutputOf, Services } from '../../services/contract';
import { dispatch } from '../../services/dispatch';
import type { ErrorInfo } from '../../domain/errors';

/** An operation refused by the services (its envelope's error). */
export class RefusedError extends Error {
  constructor(
    readonly operation: OperationName,
    readonly info: ErrorInfo,
  ) {
    super(`${operation} was refused: ${info.code} ${info.message}`);
  }
}

/** An operation exactly as a front door calls it (dispatch: schema check, service, envelope); a refusal throws. */
export async function call<K extends OperationName>(services: Services, name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const envelope = await dispatch(services, name, input, () => {});
  if (!envelope.ok) throw new RefusedError(name, envelope.error);
  return envelope.value as OutputOf<K>;
}
