import { describe, expect, it } from 'vitest';
import { parseDdDocument } from '../../../templates/import/dd-parse';

/**
 * A DD document is untrusted input: reading it must take time in proportion to its length,
 * whatever it holds. Each shape below once made a pattern retry a long run (of spaces,
 * commas, dashes, markers…) from every position, so that four times the text took sixteen
 * times as long. Each is read at two sizes; four times the text must take well under
 * sixteen times as long (the fastest of three tries at each size, so that a busy machine
 * does not make a linear reader look quadratic).
 */

const spaces = (n: number) => ' '.repeat(n);
const doc = (section: string) => `# Globex Mesh Incubation Due Diligence\n\n#### Adoption\n\n${section}\n`;
const entry = (body: string) => doc(`##### Adopter 1 - Globex\n\n${body}\n\nSEPTEMBER 2024\n\nText.\n`);

const SHAPES: Record<string, (n: number) => string> = {
  'a numbered heading padded with spaces': (n) => doc(`##### Adopter 1 -${spaces(n)}x\n\nText.\n`),
  'a heading with a closing # after spaces': (n) => doc(`##### Globex${spaces(n)}#x\n\nText.\n`),
  'a heading "Adopter", spaces, "#", spaces': (n) => doc(`##### Adopter${spaces(n)}#${spaces(n)}x\n\nText.\n`),
  'a heading of many dashes': (n) => doc(`##### Globex${' -'.repeat(n)}\n\nText.\n`),
  'a label of many slashes': (n) => doc(`##### Adopter 1 - Globex${' / '.repeat(n)}x\n\nText.\n`),
  'a label with an unclosed parenthesis after spaces': (n) => doc(`##### Adopter 1 - Globex${spaces(n)}(a${spaces(n)}\n\nText.\n`),
  'a heading almost marked (DRAFT)': (n) => doc(`##### Globex${spaces(n)}x (DRAFT\n\nText.\n`),
  'a section heading padded with spaces': (n) => `# Globex\n\n#### Adoption${spaces(n)}x\n\n##### Globex\n\nText.\n`,
  'a heading of many emphasis markers': (n) => doc(`##### ${'*a'.repeat(n / 2)}\n\nText.\n`),
  'an interviewee line with spaces after the comma': (n) => entry(`Ada Example,${spaces(n)}x`),
  'an italic interviewee line with runs of spaces': (n) => entry(`_Ada${spaces(n)}Example,${spaces(n)}Lead_`),
  'an interviewee line of many names': (n) => entry('Ada Example, '.repeat(n / 13)),
  'a date line padded with spaces': (n) => entry(`September${spaces(n)}2024`),
  'a vendor note without "through"': (n) => entry(`Note: This adopter uses Globex${spaces(n)}x`),
  'a vendor note of many sentences': (n) => entry(`Note: This adopter uses Globex through Hooli${' .'.repeat(n / 2)}x`),
  'a sentence about the interview padded with spaces': (n) => doc(`##### Globex\n\ninterview.${spaces(n)}x\n`),
  'a sentence about the interview with many dates': (n) => doc(`##### Globex\n\ninterviewed ${'May 1 '.repeat(n / 6)}\n`),
  'a month and many spaces in a sentence about the interview': (n) => doc(`##### Globex\n\nThe interview was in May${spaces(n)}x\n`),
  'a level-6 line of names and many commas': (n) => doc(`##### Globex\n\n###### Ada Example${', '.repeat(n / 2)}x\n`),
  'a level-6 line of names with runs of spaces': (n) => doc(`##### Globex\n\n###### Ada Example${spaces(n)},${spaces(n)}x\n`),
  'a labelled interviewee line of spaces and colons': (n) => doc(`##### Globex\n\nInterviewees:${spaces(n)}:${spaces(n)}\n`),
  'a name with a parenthesis after spaces': (n) => entry(`Ada${spaces(n)}(Lead)${spaces(n)}x`),
  'a checklist item of many "interview" words': (n) => `# Globex\n\n### Adopter Interviews\n\n- [x] Globex: ${'interview '.repeat(n / 10)}\n`,
  'a title padded with spaces': (n) => `# x${spaces(n)}incubationx\n\n#### Adoption\n\n##### Globex\n\nText.\n`,
  'many adopters written with the same number': (n) => doc(Array.from({ length: n / 30 }, () => `##### Adopter 1 - Retail\n\nText.\n`).join('\n')),
  'many section headings': (n) => `# Globex\n\n${'#### Adoption\n\n##### Globex\n\nText.\n\n'.repeat(n / 40)}`,
  'one entry of many lines': (n) => doc(`##### Globex\n\n${'Text.\n\n'.repeat(n / 7)}`),
};

function fastest(make: (n: number) => string, n: number, tries: number): number {
  const text = make(n);
  let best = Infinity;
  for (let k = 0; k < tries; k++) {
    const start = performance.now();
    parseDdDocument(text);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Four times the text in well under sixteen times the time; anything under 100 ms for 40,000 characters is fast enough. */
function grows(make: (n: number) => string): { linear: boolean; small: number; large: number } {
  const small = fastest(make, 10_000, 3);
  const large = fastest(make, 40_000, 3);
  return { linear: large < 100 || large < 8 * small + 50, small, large };
}

describe('reading a DD document takes time in proportion to its length', () => {
  it.each(Object.entries(SHAPES))('%s', (_, make) => {
    fastest(make, 2_000, 1);
    // Measured again once when it looks slow: other work on the machine can stall one try.
    let measured = grows(make);
    if (!measured.linear) measured = grows(make);
    expect(measured.linear, `${measured.small.toFixed(1)} ms for 10,000 characters, ${measured.large.toFixed(1)} ms for 40,000`).toBe(true);
  });
});
