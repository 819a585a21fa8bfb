import net from 'node:net';
import os from 'node:os';

/**
 * Who may talk to the server, by the headers a browser cannot be made to fake.
 *
 * Host: a page on any web site can make its own name resolve to 127.0.0.1 (DNS rebinding) and
 * then talk to this port as "its own" origin; its requests still carry its own name in the Host
 * header. So only the names that mean this server are answered: 127.0.0.1:PORT and
 * localhost:PORT (and, when the reviewer chose to share, the address they shared on).
 *
 * Origin: a browser sends the page's origin with every WebSocket handshake and every POST, and a
 * page cannot change it. Only the server's own origin may open the socket or trade the secret.
 */

/** The Host header values that name this server. */
export function allowedHosts(port: number, sharedOn: readonly string[] = []): ReadonlySet<string> {
  const names = ['127.0.0.1', 'localhost', ...sharedOn];
  return new Set(names.map((name) => `${net.isIPv6(name) ? `[${name}]` : name.toLowerCase()}:${port}`));
}

/** The addresses a server bound to `host` is reached at, for its allowed Host names (sharing only). */
export function addressesOf(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host];
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((address) => address !== undefined && (host === '::' || address.family === 'IPv4'))
    .map((address) => address!.address);
}

export function hostIsAllowed(hostHeader: string | undefined, allowed: ReadonlySet<string>): boolean {
  return hostHeader !== undefined && allowed.has(hostHeader.toLowerCase());
}

/** The page's origin is this server's, under the very name the request was sent to. */
export function originIsOwn(origin: string | undefined, hostHeader: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (!origin || !hostIsAllowed(hostHeader, allowed)) return false;
  return origin.toLowerCase() === `http://${hostHeader!.toLowerCase()}`;
}

/** 127.0.0.0/8, ::1 and "localhost": addresses no other computer can reach. */
export function isLoopback(host: string): boolean {
  if (host.toLowerCase() === 'localhost') return true;
  if (net.isIPv4(host)) return host.startsWith('127.');
  if (net.isIPv6(host)) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

/**
 * A browser says where a request comes from (Sec-Fetch-Site): a page of this origin, or the
 * reviewer (the address bar, a bookmark, the terminal's link) may; a page of another site may
 * not, and neither may a page on another port of this computer, which counts as the same site.
 * Clients that are not browsers do not send it and meet the cookie instead.
 */
export function fetchSiteAllowed(secFetchSite: string | string[] | undefined): boolean {
  return secFetchSite === undefined || secFetchSite === 'same-origin' || secFetchSite === 'none';
}
