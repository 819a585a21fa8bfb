import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../domain/errors';
import { publishAdoptionSection } from '../../../templates/adoption/publish';
import { publishAdoptionDocx } from '../../../templates/word/publish-docx';
import { DEFAULT_WORD_OPTIONS } from '../../../templates/word/options';
import { adopter, interview, person, publication } from '../../fixtures/publication';

/**
 * An anonymous organization whose name has a letter outside ASCII ("Crème Labs"), written
 * in the summary with a character reference: GitHub shows "Crème", Word prints "Crème",
 * so both exports must refuse it, whichever of HTML5's ways the reference is written.
 */
function data(summary: string) {
  return publication([
    adopter(1, { org: { name: 'Acme', industry: 'Media' }, interviews: [interview({ summary: 'Acme is happy.', participants: [person('Ada Example')] })] }),
    adopter(2, {
      anonymous: true,
      org: { name: 'Crème Labs', industry: 'Food' },
      interviews: [interview({ summary, participants: [person('Bo Sample')] })],
    }),
  ]);
}

const code = async (run: () => unknown) => {
  try {
    await run();
  } catch (error) {
    return error instanceof DeskError ? error.code : String(error);
  }
  return 'published';
};

describe('a secret written with character references', () => {
  it.each([
    ['a named reference', 'Cr&egrave;me Labs runs the mesh in production.'],
    ['a decimal reference', 'Cr&#232;me Labs runs the mesh in production.'],
    ['a hexadecimal reference', 'Cr&#xE8;me Labs runs the mesh in production.'],
    ['an upper-case hexadecimal reference', 'Cr&#XE8;me Labs runs the mesh in production.'],
    ['a named reference in raw HTML', '<p>Cr&egrave;me Labs runs the mesh.</p>'],
    ['every letter a reference', '&#67;&#114;&#232;&#109;&#101; &#76;&#97;&#98;&#115; runs it.'],
  ])('%s: refused in Markdown and in Word', async (_label, summary) => {
    expect(await code(() => publishAdoptionSection(data(summary)))).toBe('LEAK_DETECTED');
    expect(await code(() => publishAdoptionDocx(data(summary), {}, DEFAULT_WORD_OPTIONS))).toBe('LEAK_DETECTED');
  });

  it('the same text without the name is published in both', async () => {
    // Not "crème" alone either: the leading word of "Crème Labs" is a secret too (organization-variants.ts).
    const summary = 'A food company runs the mesh in production; its caf&eacute; serves cr&ecirc;pes br&ucirc;l&eacute;es.';
    expect(await code(() => publishAdoptionSection(data(summary)))).toBe('published');
    expect(await code(() => publishAdoptionDocx(data(summary), {}, DEFAULT_WORD_OPTIONS))).toBe('published');
  });
});
