/**
 * The one list of shared hosts: sites where many organizations have a page. The host
 * itself names nobody — making "github.com" a secret of an anonymous adopter refused a
 * named adopter's text that linked its own repository — so the guard takes the owner of
 * the page instead: the path owner (`github.com/globex-oss` → "globex-oss",
 * `linkedin.com/company/globex` → "globex") or the subdomain owner
 * (`globex.github.io`, `globex.substack.com` → "globex").
 */
export interface SharedHost {
  /** The label left of the host names the owner: globex.substack.com. */
  subdomainOwner?: true;
  /** Paths whose ":owner" segment (after a prefix such as "@" or "~") names the owner, tried in order. */
  paths?: readonly string[];
}

export const SHARED_HOSTS: Readonly<Record<string, SharedHost>> = {
  // Code hosting and package registries.
  'github.com': { paths: ['/orgs/:owner', '/sponsors/:owner', '/:owner'] },
  'github.io': { subdomainOwner: true },
  'gitlab.com': { paths: ['/groups/:owner', '/:owner'] },
  'gitlab.io': { subdomainOwner: true },
  'bitbucket.org': { paths: ['/:owner'] },
  'bitbucket.io': { subdomainOwner: true },
  'codeberg.org': { paths: ['/:owner'] },
  'codeberg.page': { subdomainOwner: true },
  'sr.ht': { paths: ['/~:owner'] },
  'sourceforge.net': { subdomainOwner: true, paths: ['/projects/:owner', '/p/:owner', '/u/:owner'] },
  'sourceforge.io': { subdomainOwner: true },
  'npmjs.com': { paths: ['/org/:owner', '/~:owner', '/package/@:owner'] },
  'docker.com': { paths: ['/u/:owner', '/r/:owner', '/orgs/:owner'] },
  'quay.io': { paths: ['/organization/:owner', '/repository/:owner', '/user/:owner'] },
  'pypi.org': { paths: ['/user/:owner', '/org/:owner'] },
  'readthedocs.io': { subdomainOwner: true },
  // Social networks and video.
  'linkedin.com': { paths: ['/company/:owner', '/showcase/:owner', '/school/:owner', '/in/:owner'] },
  'twitter.com': { paths: ['/:owner'] },
  'x.com': { paths: ['/:owner'] },
  'facebook.com': { paths: ['/groups/:owner', '/:owner'] },
  'instagram.com': { paths: ['/:owner'] },
  'youtube.com': { paths: ['/@:owner', '/c/:owner', '/user/:owner'] },
  'reddit.com': { paths: ['/r/:owner', '/user/:owner', '/u/:owner'] },
  'mastodon.social': { paths: ['/@:owner'] },
  // Blogs and pages.
  'medium.com': { subdomainOwner: true, paths: ['/@:owner', '/:owner'] },
  'substack.com': { subdomainOwner: true, paths: ['/@:owner'] },
  'dev.to': { paths: ['/:owner'] },
  'hashnode.com': { paths: ['/@:owner'] },
  'hashnode.dev': { subdomainOwner: true },
  'wordpress.com': { subdomainOwner: true },
  'blogspot.com': { subdomainOwner: true },
  'tumblr.com': { subdomainOwner: true },
  'ghost.io': { subdomainOwner: true },
  'notion.site': { subdomainOwner: true },
  'sites.google.com': { paths: ['/view/:owner', '/site/:owner'] },
  'wikipedia.org': { paths: ['/wiki/:owner'] },
  'crunchbase.com': { paths: ['/organization/:owner'] },
  // Hosting that gives each customer a subdomain.
  'netlify.app': { subdomainOwner: true },
  'vercel.app': { subdomainOwner: true },
  'pages.dev': { subdomainOwner: true },
  'herokuapp.com': { subdomainOwner: true },
  'atlassian.net': { subdomainOwner: true },
  'slack.com': { subdomainOwner: true },
  // Reserved for documentation (RFC 2606): everyone's examples, nobody's name.
  'example.com': { subdomainOwner: true },
  'example.net': { subdomainOwner: true },
  'example.org': { subdomainOwner: true },
};

/** First path segments that are a site's own pages, never an owner (github.com/features). */
const SITE_PAGES = new Set(
  `about features pricing login signup join explore topics trending marketplace settings search home help jobs careers
  blog orgs organizations enterprise sponsors collections events watch hashtag share intent i status p pages notifications
  messages docs terms privacy security readme site apps new team teams company in school showcase groups c user users u r
  channel org package packages projects wiki tag tags feed stories reel reels account dashboard embed results playlist
  shorts hub _`.split(/\s+/),
);

/** The shared host a hostname belongs to (the longest that matches), or null. */
export function sharedHostOf(hostname: string): { host: string; rule: SharedHost } | null {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  let best: string | null = null;
  for (const host of Object.keys(SHARED_HOSTS)) {
    if ((name === host || name.endsWith(`.${host}`)) && (best === null || host.length > best.length)) best = host;
  }
  return best === null ? null : { host: best, rule: SHARED_HOSTS[best]! };
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export interface SharedPageOwner {
  owner: string;
  how: string;
  /** For a subdomain owner: the owner's own site (globex.github.io). */
  site?: string;
}

/**
 * Who owns a page on a shared host: the subdomain owner and the path owner, as written
 * (not lower-cased: "Globex-OSS" reads better in the adopter screen). Empty for the host's
 * own pages (github.com, gist.github.com, github.com/features).
 */
export function sharedPageOwners(hostname: string, path: string): SharedPageOwner[] {
  const shared = sharedHostOf(hostname);
  if (!shared) return [];
  const owners: SharedPageOwner[] = [];
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (shared.rule.subdomainOwner && name !== shared.host) {
    const label = name.slice(0, -(shared.host.length + 1)).split('.').pop()!;
    if (label && label !== 'www' && label !== 'm') owners.push({ owner: label, how: `its owner on ${shared.host}`, site: `${label}.${shared.host}` });
  }
  const segments = (path.split(/[?#]/)[0] ?? '').split('/').filter(Boolean).map(decoded);
  for (const pattern of shared.rule.paths ?? []) {
    let owner = matchSegments(pattern.split('/').filter(Boolean), segments);
    if (!owner) continue;
    owner = owner.replace(/\.git$/i, '');
    if (!/\p{L}/u.test(owner) || SITE_PAGES.has(owner.toLowerCase())) continue;
    owners.push({ owner, how: `its owner on ${shared.host}` });
    break;
  }
  return owners;
}

/** The owner a path names for a pattern ("/company/:owner" on /company/globex/about → "globex"), or null. */
function matchSegments(pattern: readonly string[], segments: readonly string[]): string | null {
  if (segments.length < pattern.length) return null;
  let owner: string | null = null;
  for (const [k, want] of pattern.entries()) {
    const have = segments[k]!;
    const at = want.indexOf(':owner');
    if (at < 0) {
      if (have.toLowerCase() !== want) return null;
      continue;
    }
    const prefix = want.slice(0, at);
    if (!have.startsWith(prefix) || have.length === prefix.length) return null;
    owner = have.slice(prefix.length);
  }
  return owner;
}
