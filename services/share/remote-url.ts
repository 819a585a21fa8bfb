/**
 * What a remote's address says before Adoption Desk talks to it (team mode, docs/team.md):
 * which way Git reaches it, whether it belongs to the CNCF organization on GitHub, and so how
 * its privacy is checked. Pure: Git's own reading of addresses, on strings.
 */

/** How Git reaches a remote: a folder here, file://, ssh (URL or scp-like), http(s), git://. */
export type RemoteTransport = 'local' | 'file' | 'ssh' | 'http' | 'git';

export interface RemoteForm {
  transport: RemoteTransport;
  /** Lower-case host without user, port or brackets; '' for local and file remotes. */
  host: string;
  /** The repository's path on the host, decoded, without leading slashes or `~`. */
  path: string;
}

/**
 * How the privacy of a remote is checked: a CNCF repository or an address Git would hand to a
 * helper program is refused outright; one reachable over http(s) or git:// is asked for anonymously
 * (it must refuse); a folder, file:// or ssh remote needs an account on the machine by its nature.
 */
export type PrivacyDecision =
  | { action: 'refuse'; reason: 'cncf' | 'unsupported-url' }
  | { action: 'probe'; form: RemoteForm }
  | { action: 'pass'; form: RemoteForm };

const SCHEMES: Record<string, RemoteTransport> = {
  ssh: 'ssh',
  'git+ssh': 'ssh',
  'ssh+git': 'ssh',
  http: 'http',
  https: 'http',
  git: 'git',
  file: 'file',
};

const GITHUB_HOSTS = new Set(['github.com', 'www.github.com', 'ssh.github.com']);

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** `user@[host]:port` → `host`, lower case, without a trailing dot. */
function bareHost(authority: string): string {
  const afterUser = authority.slice(authority.lastIndexOf('@') + 1);
  const host = afterUser.startsWith('[') ? afterUser.slice(1, afterUser.indexOf(']')) : afterUser.replace(/:\d*$/, '');
  return host.toLowerCase().replace(/\.$/, '');
}

const cleanPath = (raw: string): string => decode(raw).replace(/^[/~]+/, '');

/** Git's reading of a remote address, or null for one Adoption Desk does not share through. */
export function remoteForm(url: string): RemoteForm | null {
  const trimmed = url.trim();
  // An address starting with a dash would be read as an option; `helper::address` runs a program.
  if (trimmed === '' || trimmed.startsWith('-') || /^[A-Za-z][A-Za-z0-9+.-]*::/.test(trimmed)) return null;
  if (/[\0\n\r]/.test(trimmed)) return null;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(.*)$/s.exec(trimmed);
  if (scheme) {
    const transport = SCHEMES[scheme[1]!.toLowerCase()];
    if (!transport) return null;
    const rest = scheme[2]!;
    if (transport === 'file') return { transport, host: '', path: decode(rest) };
    const slash = rest.indexOf('/');
    const authority = slash < 0 ? rest : rest.slice(0, slash);
    return { transport, host: bareHost(authority), path: cleanPath(slash < 0 ? '' : rest.slice(slash)) };
  }
  // scp-like `[user@]host:path`: a colon before any slash (Git's rule; `[::1]:path` bracketed).
  const bracket = trimmed.indexOf('[');
  const firstColon = trimmed.indexOf(':');
  const colon = bracket >= 0 && bracket < firstColon ? trimmed.indexOf(']:', bracket) + 1 : firstColon;
  const slash = trimmed.indexOf('/');
  if (colon > 0 && (slash < 0 || colon < slash)) {
    return { transport: 'ssh', host: bareHost(trimmed.slice(0, colon)), path: cleanPath(trimmed.slice(colon + 1)) };
  }
  return { transport: 'local', host: '', path: trimmed };
}

/** True for any repository of the CNCF organization on GitHub, however the address is written. */
export function isCncfOnGitHub(form: RemoteForm): boolean {
  return GITHUB_HOSTS.has(form.host) && form.path.split('/')[0]!.toLowerCase() === 'cncf';
}

export function privacyDecision(url: string): PrivacyDecision {
  const form = remoteForm(url);
  if (!form) return { action: 'refuse', reason: 'unsupported-url' };
  if (isCncfOnGitHub(form)) return { action: 'refuse', reason: 'cncf' };
  return form.transport === 'http' || form.transport === 'git' ? { action: 'probe', form } : { action: 'pass', form };
}

/**
 * The address without the user name and password it may carry, so the anonymous probe asks as
 * a stranger would (an address holding a token must not make a private repository look public,
 * nor a public one private).
 */
export function anonymousUrl(url: string): string {
  return url.trim().replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/@]*@/, '$1');
}

/** The address as it may be shown: a password or token in it is hidden. */
export function shownUrl(url: string): string {
  return url.trim().replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/@:]*):[^/@]*@/, '$1$2:…@');
}
