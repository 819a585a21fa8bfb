import { describe, expect, it } from 'vitest';
import { anonymousUrl, privacyDecision, remoteForm, shownUrl } from '../../../services/share/remote-url';

describe('what a remote address says before Adoption Desk talks to it', () => {
  it.each([
    'https://github.com/cncf/toc.git',
    'https://github.com/cncf/toc',
    'http://github.com/cncf/toc',
    'https://ana:ghp_token@github.com/cncf/toc.git',
    'https://www.github.com/cncf/foundation',
    'https://GitHub.com/CNCF/toc',
    'https://github.com./cncf/toc',
    'https://github.com/%63ncf/toc',
    'https://github.com//cncf/toc',
    'git@github.com:cncf/toc.git',
    'git@github.com:/cncf/toc.git',
    'github.com:cncf/toc',
    'ssh://git@github.com/cncf/toc.git',
    'ssh://git@github.com:22/cncf/toc.git',
    'ssh://git@ssh.github.com:443/cncf/toc.git',
    'git+ssh://git@github.com/cncf/sandbox',
    'git://github.com/cncf/toc.git',
  ])('refuses %s: a repository of the CNCF organization on GitHub', (url) => {
    expect(privacyDecision(url)).toEqual({ action: 'refuse', reason: 'cncf' });
  });

  it.each([
    'https://github.com/globex/kite-dd.git',
    'https://github.com/cncf-dd/kite',
    'https://github.com/ana/cncf',
    'https://gitlab.com/cncf/toc.git',
    'git@github.com:initech/cncf-toc.git',
    'https://github.com.evil.example/cncf/toc',
  ])('does not take %s for the CNCF organization', (url) => {
    expect(privacyDecision(url)).not.toMatchObject({ reason: 'cncf' });
  });

  it.each([
    ['https://github.com/globex/kite-dd.git', 'probe', 'http'],
    ['http://127.0.0.1:8080/team.git', 'probe', 'http'],
    ['git://127.0.0.1:9418/team.git', 'probe', 'git'],
    ['git@github.com:globex/kite-dd.git', 'pass', 'ssh'],
    ['ssh://ana@git.initech.example:2222/dd/kite.git', 'pass', 'ssh'],
    ['[::1]:dd/kite.git', 'pass', 'ssh'],
    ['/srv/git/kite.git', 'pass', 'local'],
    ['../kite.git', 'pass', 'local'],
    ['file:///srv/git/kite.git', 'pass', 'file'],
  ])('%s: its privacy is checked by %s (%s)', (url, action, transport) => {
    const decision = privacyDecision(url);
    expect(decision.action).toBe(action);
    expect(decision).toMatchObject({ form: { transport } });
  });

  it.each(['ext::sh -c touch% /tmp/pwned', 'fd::17', '--upload-pack=touch /tmp/pwned', 'ftp://example.org/kite.git', 'rsync://example.org/kite.git', '', 'https://example.org/a\nb'])(
    'refuses %j: an address Git would hand to a program, read as an option, or not share over',
    (url) => {
      expect(privacyDecision(url)).toEqual({ action: 'refuse', reason: 'unsupported-url' });
    },
  );

  it('reads host and path as Git does', () => {
    expect(remoteForm('ssh://git@Git.Initech.example:2222/~ana/kite.git')).toEqual({ transport: 'ssh', host: 'git.initech.example', path: 'ana/kite.git' });
    expect(remoteForm('ana@[fe80::1]:dd/kite.git')).toEqual({ transport: 'ssh', host: 'fe80::1', path: 'dd/kite.git' });
    // A slash before the colon: a local folder whose name has a colon, not ssh.
    expect(remoteForm('./dd:kite.git')).toEqual({ transport: 'local', host: '', path: './dd:kite.git' });
  });

  it('asks as a stranger without the user or token an address carries, and never shows a password', () => {
    expect(anonymousUrl('https://ana:ghp_secret@git.initech.example/dd/kite.git')).toBe('https://git.initech.example/dd/kite.git');
    expect(anonymousUrl('https://ana@git.initech.example/dd/kite.git')).toBe('https://git.initech.example/dd/kite.git');
    expect(anonymousUrl('https://git.initech.example/dd/a@b.git')).toBe('https://git.initech.example/dd/a@b.git');
    expect(shownUrl('https://ana:ghp_secret@git.initech.example/dd/kite.git')).toBe('https://ana:…@git.initech.example/dd/kite.git');
    expect(shownUrl('git@github.com:globex/kite.git')).toBe('git@github.com:globex/kite.git');
  });
});
