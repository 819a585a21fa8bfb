import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Only the reviewer gets in. Each launch makes a random secret (256 bits) that travels in the
 * printed address's fragment, which a browser never sends anywhere. The page trades it, once,
 * for a session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page
 * makes the browser send it), host-only and named for the port (two servers do not share it).
 * Every request but the trade itself needs that cookie; once traded, the secret is spent, so a
 * copy of the address found later (a history, a log, a screenshot) opens nothing.
 */

export const SECRET_BYTES = 32;

export interface Access {
  /** The launch secret, for the address's fragment: `#key=<secret>`. */
  readonly secret: string;
  readonly cookieName: string;
  /** Trades the launch secret for a session: the Set-Cookie header value, or null (wrong or spent). */
  exchange(candidate: string): string | null;
  /** Whether a request's Cookie header carries a session of this launch. */
  admits(cookieHeader: string | undefined): boolean;
}

const token = (random: (size: number) => Buffer) => random(SECRET_BYTES).toString('base64url');

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The value of one cookie in a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

export function createAccess(port: number, random: (size: number) => Buffer = randomBytes): Access {
  let secret: string | null = token(random);
  const printed = secret;
  const sessions: string[] = [];
  const cookieName = `adoption-desk-${port}`;
  return {
    secret: printed,
    cookieName,
    exchange(candidate) {
      if (secret === null || !sameSecret(candidate, secret)) return null;
      secret = null;
      const session = token(random);
      sessions.push(session);
      return `${cookieName}=${session}; Path=/; HttpOnly; SameSite=Strict`;
    },
    admits(cookieHeader) {
      const value = cookieValue(cookieHeader, cookieName);
      return value !== undefined && sessions.some((session) => sameSecret(value, session));
    },
  };
}
