/**
 * A call to the team's remote that failed, told apart for the reviewer (team mode, docs/team.md):
 * Git could not sign in with their saved credentials (what to do: sign in once in a terminal),
 * or could not reach the repository at all (check the address and the network).
 */
import { gitError, gitFailureText } from './git';
import { shownUrl } from './remote-url';

const SIGN_IN =
  /authentication failed|could not read (username|password)|terminal prompts disabled|permission denied|http 40[13]|\b40[13]\b|unauthorized|forbidden|invalid username or password|host key verification failed/i;

/** A failed call to the remote at `url` as the sign-in or unreachable sentence (any other error as it is). */
export function remoteFailure(error: unknown, url: string): unknown {
  const said = gitFailureText(error);
  if (said === '') return error;
  const shown = shownUrl(url);
  if (SIGN_IN.test(said)) {
    return gitError(
      'VALIDATION',
      'sign-in',
      `Git could not sign in to ${shown} with your saved credentials. Sign in once with Git in a terminal (for example: git ls-remote ${shown}), then try again.`,
    );
  }
  return gitError('IO_ERROR', 'unreachable', `Adoption Desk could not reach a repository at ${shown}; check the address and your network. ${(error as Error).message}`);
}

/** Runs a call to the remote at `url`; a failure becomes the sign-in or unreachable sentence. */
export async function atRemote<T>(url: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw remoteFailure(error, url);
  }
}
