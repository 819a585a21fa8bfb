import { describe, expect, it } from 'vitest';
import { allowedHosts, fetchSiteAllowed, hostIsAllowed, isLoopback, originIsOwn } from '../../../server/gate';

const allowed = allowedHosts(5000);

describe('the Host header (DNS rebinding)', () => {
  it.each([
    ['127.0.0.1:5000', true],
    ['localhost:5000', true],
    ['LOCALHOST:5000', true],
    ['127.0.0.1', false],
    ['127.0.0.1:5001', false],
    ['evil.example:5000', false],
    ['rebound.attacker.test:5000', false],
    ['127.0.0.2:5000', false],
    ['[::1]:5000', false],
    ['', false],
    [undefined, false],
  ])('%s -> %s', (host, expected) => {
    expect(hostIsAllowed(host, allowed)).toBe(expected);
  });

  it('adds the shared address only when the reviewer shares', () => {
    expect(hostIsAllowed('192.168.1.5:5000', allowed)).toBe(false);
    expect(hostIsAllowed('192.168.1.5:5000', allowedHosts(5000, ['192.168.1.5']))).toBe(true);
    expect(hostIsAllowed('[fe80::1]:5000', allowedHosts(5000, ['fe80::1']))).toBe(true);
  });
});

describe('the Origin of a socket or of the sign-in', () => {
  it.each([
    ['http://127.0.0.1:5000', '127.0.0.1:5000', true],
    ['http://localhost:5000', 'localhost:5000', true],
    ['http://localhost:5000', '127.0.0.1:5000', false],
    ['http://127.0.0.1:5001', '127.0.0.1:5000', false],
    ['https://127.0.0.1:5000', '127.0.0.1:5000', false],
    ['http://evil.example', '127.0.0.1:5000', false],
    ['http://evil.example:5000', 'evil.example:5000', false],
    ['null', '127.0.0.1:5000', false],
    ['file://', '127.0.0.1:5000', false],
    [undefined, '127.0.0.1:5000', false],
  ])('%s to %s -> %s', (origin, host, expected) => {
    expect(originIsOwn(origin, host, allowed)).toBe(expected);
  });
});

describe('Sec-Fetch-Site', () => {
  it.each([
    [undefined, true],
    ['same-origin', true],
    ['none', true],
    ['same-site', false],
    ['cross-site', false],
  ])('%s -> %s', (value, expected) => {
    expect(fetchSiteAllowed(value)).toBe(expected);
  });
});

describe('what counts as loopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['localhost', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.5', false],
    ['example.org', false],
  ])('%s -> %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});
