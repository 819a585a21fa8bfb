import { describe, expect, it } from 'vitest';
import { projectLevel, projectName, projectSlug } from '../../../domain/project';
import { hasControlCharacters, slugify } from '../../../domain/text';

describe('project names', () => {
  it('trims and accepts ordinary names, including ones that look like Markdown or HTML', () => {
    expect(projectName.parse('  Globex Mesh ')).toBe('Globex Mesh');
    expect(projectName.parse('*Globex*_#1 <script>')).toBe('*Globex*_#1 <script>');
  });

  it.each([
    ['', 'A project needs a name.'],
    ['   ', 'A project needs a name.'],
    ['a'.repeat(201), 'A project name is at most 200 characters.'],
    ['Globex\nMesh', 'A project name cannot contain line breaks or control characters.'],
  ])('refuses %j with a plain sentence', (input, message) => {
    const result = projectName.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});

describe('levels and slugs', () => {
  it('knows only incubation and graduation', () => {
    expect(projectLevel.parse('graduation')).toBe('graduation');
    expect(projectLevel.safeParse('sandbox').error?.issues[0]?.message).toBe('The level is "incubation" or "graduation".');
  });

  it('accepts lower-case hyphenated slugs only', () => {
    expect(projectSlug.parse('globex-mesh')).toBe('globex-mesh');
    for (const bad of ['Globex', 'globex--mesh', '-globex', 'globex mesh', '../etc']) {
      expect(projectSlug.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('makes slugs from names, folding accents and punctuation', () => {
    expect(slugify('Globex Mesh')).toBe('globex-mesh');
    expect(slugify('Ïnitech — Cloud!')).toBe('initech-cloud');
    expect(slugify('***')).toBe('');
  });

  it('spots control characters', () => {
    expect(hasControlCharacters('plain name')).toBe(false);
    expect(hasControlCharacters('tab\there')).toBe(true);
    expect(hasControlCharacters('del\u007f')).toBe(true);
  });
});
