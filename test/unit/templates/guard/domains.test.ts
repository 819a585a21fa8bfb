import { describe, expect, it } from 'vitest';
import { hostTerms, isDistinctiveLabel, siteOf, websiteTerms } from '../../../../templates/guard/domains';
import { SHARED_HOSTS, sharedHostOf, sharedPageOwners } from '../../../../templates/guard/shared-hosts';

const terms = (address: string) => websiteTerms(address).map((t) => t.term);

describe('a website’s registrable domain', () => {
  it.each([
    ['https://globex.example', ['globex.example', 'globex']],
    ['https://www.globex.example/', ['globex.example', 'globex']],
    ['https://blog.eu.globex.example/posts/1', ['globex.example', 'globex']],
    ['https://www.globex.co.uk', ['globex.co.uk', 'globex']],
    ['https://globex.com.au/about', ['globex.com.au', 'globex']],
    ['http://GLOBEX.EXAMPLE', ['globex.example', 'globex']],
    ['globex.example', ['globex.example', 'globex']],
    ['www.globex.example/careers', ['globex.example', 'globex']],
  ])('%s', (address, expected) => {
    expect(terms(address)).toEqual(expected);
  });

  it('says how each term was found', () => {
    expect(websiteTerms('https://www.globex.example')).toEqual([
      { term: 'globex.example', how: 'its registrable domain' },
      { term: 'globex', how: 'the name in its domain' },
    ]);
  });

  it('in Unicode and in punycode, whichever way it was recorded', () => {
    const expected = ['glöbex.example', 'xn--glbex-kua.example', 'glöbex', 'xn--glbex-kua'];
    expect(terms('https://glöbex.example')).toEqual(expected);
    expect(terms('https://xn--glbex-kua.example/')).toEqual(expected);
  });

  it('a hyphenated label in the ways people write it', () => {
    expect(terms('https://globe-tex.example')).toEqual(['globe-tex.example', 'globe-tex', 'globe tex', 'globetex']);
  });

  it('the label only from four letters, and never a generic word', () => {
    expect(terms('https://ibm.example')).toEqual(['ibm.example']);
    expect(terms('https://cloud.example')).toEqual(['cloud.example']);
    expect(terms('https://global.example')).toEqual(['global.example']);
    expect(isDistinctiveLabel('hooli')).toBe(true);
    expect(isDistinctiveLabel('gap')).toBe(false);
    expect(isDistinctiveLabel('data')).toBe(false);
  });

  it('a private suffix (public suffix list) makes the subdomain an owner’s own domain', () => {
    expect(terms('https://globex.herokuapp.com')).toContain('globex');
    expect(terms('https://globex.azurewebsites.net')).toEqual(['globex.azurewebsites.net', 'globex']);
  });

  it('an IP address is a secret as it is', () => {
    expect(terms('https://192.0.2.10/app')).toEqual(['192.0.2.10']);
  });

  it('nothing from what is not a web address', () => {
    expect(terms('')).toEqual([]);
    expect(terms('mailto:ada@globex.example')).toEqual([]);
    expect(terms('https://com')).toEqual([]);
    expect(siteOf('ftp://globex.example')).toBeNull();
  });
});

describe('shared hosts: the owner, never the host', () => {
  it.each([
    ['https://github.com/globex-oss', ['globex-oss', 'globex oss', 'globexoss']],
    ['https://github.com/globex-oss/mesh-operator', ['globex-oss', 'globex oss', 'globexoss']],
    ['https://github.com/orgs/globex/repositories', ['globex']],
    ['https://gitlab.com/globex', ['globex']],
    ['https://bitbucket.org/globex/app', ['globex']],
    ['https://www.linkedin.com/company/globex', ['globex']],
    ['https://www.linkedin.com/company/globex/about/', ['globex']],
    ['https://twitter.com/globex', ['globex']],
    ['https://x.com/globex', ['globex']],
    ['https://www.youtube.com/@globex', ['globex']],
    ['https://www.facebook.com/globex', ['globex']],
    ['https://medium.com/@globex', ['globex']],
    ['https://medium.com/globex-engineering', ['globex-engineering', 'globex engineering', 'globexengineering']],
    ['https://dev.to/globex', ['globex']],
    ['https://www.npmjs.com/org/globex', ['globex']],
    ['https://www.npmjs.com/package/@globex/client', ['globex']],
    ['https://hub.docker.com/u/globex', ['globex']],
    ['https://hub.docker.com/r/globex/mesh', ['globex']],
    ['https://sourceforge.net/projects/globex/', ['globex']],
    ['https://globex.github.io', ['globex.github.io', 'globex']],
    ['https://globex.github.io/docs/', ['globex.github.io', 'globex']],
    ['https://globex.gitlab.io', ['globex.gitlab.io', 'globex']],
    ['https://globex.substack.com', ['globex.substack.com', 'globex']],
    ['https://globex.wordpress.com', ['globex.wordpress.com', 'globex']],
    ['https://globex.blogspot.com', ['globex.blogspot.com', 'globex']],
    ['https://globex.notion.site/Careers-123', ['globex.notion.site', 'globex']],
    ['https://en.wikipedia.org/wiki/Globex', ['Globex']],
  ])('%s', (address, expected) => {
    expect(terms(address)).toEqual(expected);
  });

  it.each([
    'https://github.com',
    'https://github.com/',
    'https://www.github.com',
    'https://github.com/features',
    'https://gist.github.com/',
    'https://gitlab.com/explore',
    'https://www.linkedin.com/',
    'https://medium.com',
    'https://substack.com',
    'https://github.io',
    'https://www.youtube.com/watch?v=abc',
    'https://hub.docker.com/_/nginx',
  ])('the host’s own pages give nothing: %s', (address) => {
    expect(terms(address)).toEqual([]);
  });

  it('never the host itself', () => {
    for (const address of ['https://github.com/globex', 'https://globex.substack.com', 'https://www.linkedin.com/company/globex']) {
      const found = terms(address).map((t) => t.toLowerCase());
      for (const host of ['github', 'github.com', 'substack', 'substack.com', 'linkedin', 'linkedin.com']) expect(found).not.toContain(host);
    }
  });

  it('a short owner is no secret alone, but its own site is', () => {
    expect(terms('https://abc.github.io')).toEqual(['abc.github.io']);
    expect(terms('https://github.com/abc')).toEqual([]);
  });

  it('the list holds the shared hosts reviewers meet', () => {
    for (const host of ['github.com', 'gitlab.com', 'bitbucket.org', 'github.io', 'gitlab.io', 'linkedin.com', 'medium.com', 'twitter.com', 'x.com', 'youtube.com', 'facebook.com', 'substack.com', 'dev.to', 'npmjs.com', 'docker.com', 'sourceforge.net', 'wordpress.com', 'blogspot.com', 'notion.site']) {
      expect(SHARED_HOSTS[host], host).toBeDefined();
    }
  });

  it('the longest shared host wins, and a look-alike host is not shared', () => {
    expect(sharedHostOf('en.wikipedia.org')?.host).toBe('wikipedia.org');
    expect(sharedHostOf('sites.google.com')?.host).toBe('sites.google.com');
    expect(sharedHostOf('google.com')).toBeNull();
    expect(sharedHostOf('notgithub.com')).toBeNull();
    expect(hostTerms('notgithub.com')).toEqual(['notgithub.com', 'notgithub'].map((term, k) => ({ term, how: k === 0 ? 'its registrable domain' : 'the name in its domain' })));
  });

  it('path owners are decoded and lose a trailing .git', () => {
    expect(sharedPageOwners('github.com', '/Globex%2DOSS/mesh.git').map((o) => o.owner)).toEqual(['Globex-OSS']);
    expect(sharedPageOwners('github.com', '/globex.git').map((o) => o.owner)).toEqual(['globex']);
  });

  it('documentation domains (RFC 2606) name nobody but their subdomain', () => {
    expect(terms('https://example.org')).toEqual([]);
    expect(terms('https://globex.example.com')).toEqual(['globex.example.com', 'globex']);
  });
});
