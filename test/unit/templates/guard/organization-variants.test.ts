import { describe, expect, it } from 'vitest';
import { isGenericOrganizationWord } from '../../../../templates/guard/generic-words';
import { isLegalSuffix, withoutLegalSuffixes } from '../../../../templates/guard/legal-suffixes';
import { organizationVariants } from '../../../../templates/guard/organization-variants';

const terms = (name: string, aliases: string[] = []) => organizationVariants(name, aliases).map((t) => t.term);

describe('legal forms', () => {
  it.each([
    ['Globex Inc.', 'Globex'],
    ['Globex Inc', 'Globex'],
    ['Globex, Inc.', 'Globex'],
    ['Globex Ltd', 'Globex'],
    ['Globex Ltd.', 'Globex'],
    ['Globex Limited', 'Globex'],
    ['Globex GmbH', 'Globex'],
    ['Globex AG', 'Globex'],
    ['Globex S.A.', 'Globex'],
    ['Globex SA', 'Globex'],
    ['Globex S.p.A.', 'Globex'],
    ['Globex LLC', 'Globex'],
    ['Globex L.L.C.', 'Globex'],
    ['Globex PLC', 'Globex'],
    ['Globex Corp.', 'Globex'],
    ['Globex Corporation', 'Globex'],
    ['Globex Co.', 'Globex'],
    ['Globex Company', 'Globex'],
    ['Globex Group', 'Globex'],
    ['Globex Holdings', 'Globex'],
    ['Globex N.V.', 'Globex'],
    ['Globex B.V.', 'Globex'],
    ['Globex K.K.', 'Globex'],
    ['Globex Pty Ltd', 'Globex'],
    ['Globex SE', 'Globex'],
    ['Globex S.A.S.', 'Globex'],
    ['Globex Oy', 'Globex'],
    ['Globex AB', 'Globex'],
    ['Globex AS', 'Globex'],
    ['Globex A/S', 'Globex'],
    ['Globex Sdn Bhd', 'Globex'],
    ['Globex Co., Ltd.', 'Globex'],
    ['Globex GmbH & Co. KG', 'Globex'],
    ['Globex Holdings, Inc.', 'Globex'],
  ])('%s → %s', (name, bare) => {
    expect(withoutLegalSuffixes(name).at(-1)?.term).toBe(bare);
    expect(terms(name)).toContain(bare);
  });

  it('each step is kept, saying what was removed', () => {
    expect(withoutLegalSuffixes('Globex Holdings Inc.')).toEqual([
      { term: 'Globex Holdings', removed: 'Inc.' },
      { term: 'Globex', removed: 'Holdings Inc.' },
    ]);
  });

  it('never removes the whole name, nor a legal word inside it', () => {
    expect(withoutLegalSuffixes('Limited')).toEqual([]);
    expect(withoutLegalSuffixes('Inc Globex')).toEqual([]);
    expect(withoutLegalSuffixes('Globex')).toEqual([]);
    expect(isLegalSuffix('Globex')).toBe(false);
    expect(isLegalSuffix('S.p.A.')).toBe(true);
  });
});

describe('organization variants', () => {
  it('"Globex Inc." gives "Globex", saying where it came from', () => {
    expect(organizationVariants('Globex Inc.')).toEqual([
      { term: 'Globex Inc.', kind: 'organization', from: 'the recorded name' },
      { term: 'Globex', kind: 'variant', from: '“Globex Inc.” without “Inc.”' },
    ]);
  });

  it('"&" and "and" for each other', () => {
    expect(terms('Globex & Initech')).toContain('Globex and Initech');
    expect(terms('Globex and Initech')).toContain('Globex & Initech');
    expect(terms('Globex & Initech Ltd')).toEqual(expect.arrayContaining(['Globex & Initech', 'Globex and Initech', 'Globex and Initech Ltd']));
  });

  it('hyphen, space and nothing for each other', () => {
    expect(terms('Globe-Tex')).toEqual(['Globe-Tex', 'Globe Tex', 'GlobeTex']);
    expect(terms('Globe Tex')).toEqual(expect.arrayContaining(['Globe-Tex', 'GlobeTex']));
    expect(terms('Globe-Tex GmbH')).toEqual(expect.arrayContaining(['Globe-Tex', 'Globe Tex', 'GlobeTex']));
  });

  it('a hyphenated name does not give its pieces ("Globe" is not "Globe-Tex")', () => {
    expect(terms('Globe-Tex')).not.toContain('Globe');
    expect(terms('Globe-Tex')).not.toContain('Tex');
  });

  it('the distinctive leading word of a multi-word name', () => {
    expect(terms('Initech Data Systems')).toContain('Initech');
    expect(terms('Globex Payments')).toContain('Globex');
    expect(organizationVariants('Globex Payments').find((t) => t.term === 'Globex')).toEqual({
      term: 'Globex',
      kind: 'variant',
      from: 'the leading word of “Globex Payments”',
    });
  });

  it.each(['Global Initech Ltd', 'First Initech Bank', 'United Initech', 'Cloud Initech', 'The Initech Group', 'Data Initech Systems'])(
    'not a generic leading word: %s',
    (name) => {
      const derived = organizationVariants(name).filter((t) => t.kind === 'variant').map((t) => t.term.toLowerCase());
      for (const generic of ['global', 'first', 'united', 'cloud', 'the', 'data']) expect(derived).not.toContain(generic);
      // The word that does name them is derived instead.
      expect(derived).toContain('initech');
    },
  );

  it('the one distinctive word of a name that is otherwise generic ("Bank of Globex")', () => {
    expect(terms('Bank of Globex')).toContain('Globex');
    expect(terms('Bank of Globex')).not.toContain('Bank');
  });

  it('no leading word shorter than three letters, nor a variant made only of generic words', () => {
    expect(terms('Ab Initech')).not.toContain('Ab');
    expect(terms('Global Data Inc.')).toEqual(['Global Data Inc.']);
    expect(terms('Cloud SE')).toEqual(['Cloud SE']);
  });

  it('"The" is dropped', () => {
    expect(terms('The Globex Company')).toEqual(expect.arrayContaining(['Globex Company', 'The Globex', 'Globex']));
  });

  it('aliases give variants too, and are listed as aliases', () => {
    const all = organizationVariants('Globex Corporation', ['Initrode Labs Inc.', 'GlbxCorp']);
    expect(all.filter((t) => t.kind !== 'variant')).toEqual([
      { term: 'Globex Corporation', kind: 'organization', from: 'the recorded name' },
      { term: 'Initrode Labs Inc.', kind: 'alias', from: 'a recorded alias' },
      { term: 'GlbxCorp', kind: 'alias', from: 'a recorded alias' },
    ]);
    expect(all.map((t) => t.term)).toEqual(expect.arrayContaining(['Globex', 'Initrode Labs', 'Initrode']));
  });

  it('lists each term once, ignoring case', () => {
    const all = terms('Globex Inc.', ['GLOBEX', 'globex inc.']);
    expect(all.filter((t) => t.toLowerCase() === 'globex')).toHaveLength(1);
    expect(all.filter((t) => t.toLowerCase() === 'globex inc.')).toHaveLength(1);
  });

  it('a placeholder name ("Anon #3") gives nothing but itself', () => {
    expect(terms('Anon #3')).toEqual(['Anon #3']);
  });

  it('stays bounded for a pathological name', () => {
    const name = `${Array.from({ length: 30 }, (_, k) => `Globex${k} &`).join(' ')} Initech GmbH & Co. KG`;
    expect(organizationVariants(name).length).toBeLessThanOrEqual(41);
  });
});

describe('generic organization words', () => {
  it.each(['Global', 'International', 'First', 'United', 'National', 'American', 'Digital', 'Bank', 'Group', 'The', 'General', 'Royal', 'Central', 'Capital', 'Data', 'Cloud', 'Tech', 'Systems', 'Solutions', 'Services', 'Software', 'Network', 'Networks', 'Media', 'Health', 'Energy', 'Financial', 'Insurance', 'Telecom'])(
    '%s is generic',
    (word) => expect(isGenericOrganizationWord(word)).toBe(true),
  );

  it.each(['Globex', 'Initech', 'Umbrella', 'Hooli'])('%s is not', (word) => expect(isGenericOrganizationWord(word)).toBe(false));
});
