import { describe, expect, it } from 'vitest';
import { emailTerms, isPublicMailDomain } from '../../../../templates/guard/email';

const domainOf = (address: string) => emailTerms(address).domain.map((d) => d.term);

describe('what an e-mail address reveals', () => {
  it('the address, and its domain’s registrable domain and label', () => {
    expect(emailTerms('ada.example@globex.example')).toEqual({
      address: 'ada.example@globex.example',
      domain: [
        { term: 'globex.example', how: 'its registrable domain' },
        { term: 'globex', how: 'the name in its domain' },
      ],
    });
    expect(domainOf('ada@mail.eu.globex.co.uk')).toEqual(['globex.co.uk', 'globex']);
  });

  it.each(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'yahoo.com', 'icloud.com', 'proton.me', 'protonmail.com', 'gmx.de', 'web.de', 'qq.com', '163.com', 'yandex.ru'])(
    'a public mail provider names nobody: %s',
    (provider) => {
      expect(isPublicMailDomain(provider)).toBe(true);
      expect(domainOf(`ada.example@${provider}`)).toEqual([]);
      expect(emailTerms(`ada.example@${provider}`).address).toBe(`ada.example@${provider}`);
    },
  );

  it('a provider’s regional host is a provider too, whatever its case', () => {
    expect(isPublicMailDomain('GMAIL.COM')).toBe(true);
    expect(isPublicMailDomain('globex.example')).toBe(false);
    expect(isPublicMailDomain('github.com')).toBe(false);
  });

  it('a shared host gives no domain secret (a no-reply address on github.com)', () => {
    expect(domainOf('123+ada@users.noreply.github.com')).toEqual([]);
  });

  it('no domain from a malformed address', () => {
    expect(emailTerms('not-an-address')).toEqual({ address: 'not-an-address', domain: [] });
    expect(emailTerms('  ada@globex.example  ').address).toBe('ada@globex.example');
  });
});
