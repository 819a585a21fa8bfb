// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../domain/errors';
import { publishAdoptionSection } from '../../../templates/adoption/publish';
import { packageText } from '../../../templates/word/package-text';
import { publishAdoptionDocx } from '../../../templates/word/publish-docx';
import { DEFAULT_WORD_OPTIONS } from '../../../templates/word/options';
import { adopter, interview, person, publication } from '../../fixtures/publication';
import { normalise, readerForms } from '../../helpers/guard-suite';

/**
 * For any organization name and any way of disguising it in a summary — markup splitting
 * it, letters written as character references, hidden characters, case, look-alike letters —
 * with or without typography, no export publishes the name: it is refused, or the name is
 * not in what a reader reads.
 */
const SYLLABLES = ['glo', 'bex', 'ini', 'tech', 'vor', 'tana', 'mir', 'qua', 'zel', 'dro', 'kes', 'lum', 'pra', 'nov', 'ryx', 'sol', 'crè', 'øre', 'straß'];

const name = fc
  .array(fc.constantFrom(...SYLLABLES), { minLength: 2, maxLength: 3 })
  .map((parts) => parts.join(''))
  .map((word) => word[0]!.toUpperCase() + word.slice(1));

/** One way to write a letter: itself, a reference, or with something invisible after it. */
const letterForm = (ch: string) =>
  fc.constantFrom(
    ch,
    ch.toUpperCase(),
    `&#${ch.codePointAt(0)};`,
    `&#x${ch.codePointAt(0)!.toString(16)};`,
    `${ch}&shy;`,
    `${ch}\u200b`,
    `${ch}<span></span>`,
    `${ch}<!-- -->`,
    ch === 'o' ? '\u043e' : ch === 'e' ? '\u0435' : ch === 'a' ? '\u0430' : ch,
  );

/** The name disguised letter by letter, then possibly wrapped in emphasis, code or a link. */
const disguised = (word: string) =>
  fc
    .tuple(fc.tuple(...[...word].map(letterForm)), fc.constantFrom('', '**', '_', '`', '~~'), fc.boolean())
    .map(([letters, wrap, link]) => {
      const text = `${wrap}${letters.join('')}${wrap}`;
      return link ? `[${text}](https://docs.example.org/x)` : text;
    });

const scenario = name.chain((org) => fc.tuple(fc.constant(org), disguised(org), fc.boolean(), fc.constantFrom('own', 'other')));

async function outcome(run: () => unknown): Promise<'refused' | unknown> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DeskError && error.code === 'LEAK_DETECTED') return 'refused';
    throw error;
  }
}

describe('a disguised organization name', () => {
  it('is never published, in Markdown or in Word', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ([org, written, typography, where]) => {
        const summary = `They said "${written}" runs the mesh in production... and it's stable.`;
        const data = publication([
          adopter(1, { org: { name: 'Acme Corp', industry: 'Media' }, interviews: [interview({ summary: where === 'other' ? summary : 'Acme Corp runs it.', participants: [person('Ada Example')] })] }),
          adopter(2, { anonymous: true, org: { name: org, industry: 'Finance' }, interviews: [interview({ summary: where === 'own' ? summary : 'It runs the mesh.', participants: [person('Bo Sample')] })] }),
        ]);
        const secret = normalise(org);
        const markdown = await outcome(() => publishAdoptionSection(data, { typography }));
        if (markdown !== 'refused') {
          for (const text of readerForms((markdown as { markdown: string }).markdown)) expect(normalise(text)).not.toContain(secret);
        }
        const word = await outcome(() => publishAdoptionDocx(data, { typography }, DEFAULT_WORD_OPTIONS));
        if (word !== 'refused') {
          for (const part of await packageText((word as { bytes: Uint8Array }).bytes)) {
            for (const text of [...part.lines, ...part.attributes]) expect(normalise(text)).not.toContain(secret);
          }
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 150), seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261203 },
    );
  }, 120_000);
});
