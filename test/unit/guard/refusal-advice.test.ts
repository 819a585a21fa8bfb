import { describe, expect, it } from 'vitest';
import { refusalAdvice, shellQuoted } from '../../../templates/guard/refusal-advice';

describe('the refusal’s advice', () => {
  it('names the app’s action and the command, filled in with the first hit', () => {
    expect(refusalAdvice({ term: 'Beacon', adopterNumber: 2 })).toBe(
      "Edit the text, or if it is a false positive, add an allowance for that adopter (in the app, from the warning; or `adoption-desk allow --project SLUG --adopter 2 --text 'Beacon'`).",
    );
    expect(refusalAdvice(undefined)).toContain("--adopter N --text 'word'");
  });

  it('quotes a word so a shell passes it as one argument, apostrophes included', () => {
    expect(shellQuoted("O'Brannigan & Sons")).toBe(`'O'\\''Brannigan & Sons'`);
    expect(shellQuoted('$(rm -rf) `x`')).toBe("'$(rm -rf) `x`'");
  });
});
