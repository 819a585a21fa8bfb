import { describe, expect, it } from 'vitest';
import { SECRET_BYTES, cookieValue, createAccess } from '../../../server/access';

describe('the launch secret and the session cookie', () => {
  it('makes a secret of at least 128 bits, new at every launch', () => {
    expect(SECRET_BYTES * 8).toBeGreaterThanOrEqual(128);
    const a = createAccess(5000);
    const b = createAccess(5000);
    expect(Buffer.from(a.secret, 'base64url')).toHaveLength(SECRET_BYTES);
    expect(a.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.secret).not.toBe(b.secret);
  });

  it('trades the secret once for an HttpOnly, SameSite=Strict cookie scoped to this server', () => {
    const access = createAccess(5000);
    const cookie = access.exchange(access.secret)!;
    expect(cookie).toMatch(/^adoption-desk-5000=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    // Host-only: no Domain, so no other host name receives it; named for the port, so another server's cookie is another cookie.
    expect(cookie).not.toMatch(/domain=/i);
    expect(access.admits(cookie.split(';')[0])).toBe(true);
    expect(access.admits(`theme=dark; ${cookie.split(';')[0]}`)).toBe(true);
  });

  it('refuses a stolen secret once it was spent, and a wrong one', () => {
    const access = createAccess(5000);
    const secret = access.secret;
    expect(access.exchange('A'.repeat(secret.length))).toBeNull();
    expect(access.exchange(secret.slice(1))).toBeNull();
    expect(access.exchange('')).toBeNull();
    expect(access.exchange(secret)).not.toBeNull();
    expect(access.exchange(secret)).toBeNull();
  });

  it('admits no request without the cookie, with a made-up one, or with one from an earlier launch', () => {
    const earlier = createAccess(5000);
    const stale = earlier.exchange(earlier.secret)!.split(';')[0];
    const access = createAccess(5000);
    expect(access.admits(undefined)).toBe(false);
    expect(access.admits('')).toBe(false);
    expect(access.admits(stale)).toBe(false);
    expect(access.admits(`adoption-desk-5000=${access.secret}`)).toBe(false);
    const other = createAccess(6000);
    const otherCookie = other.exchange(other.secret)!.split(';')[0];
    expect(access.admits(otherCookie)).toBe(false);
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(cookieValue('a=1; adoption-desk-1=xyz; b=2', 'adoption-desk-1')).toBe('xyz');
    expect(cookieValue('xadoption-desk-1=no', 'adoption-desk-1')).toBeUndefined();
    expect(cookieValue(undefined, 'a')).toBeUndefined();
  });
});
