import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isoDay } from '../../../domain/dates';
import { dispatch } from '../../../services/dispatch';
import { checked } from '../../../services/import-common';
import { freshDesk } from '../../helpers/desk';
import { seedGlobexMesh } from '../../helpers/seed';

/** A refusal as the app shows it: the envelope's message. */
async function refusal(name: string, input: unknown) {
  const { services } = freshDesk();
  const seed = await seedGlobexMesh(services);
  const result = await dispatch(services, name, typeof input === 'function' ? input(seed) : input, () => {});
  if (result.ok) throw new Error(`${name} was not refused`);
  return result.error.message;
}

type Seed = Awaited<ReturnType<typeof seedGlobexMesh>>;
const interview = (seed: Seed) => seed.adopters[0]!.interview;

describe('refusals name the field in words, never by its key', () => {
  it('a date typed the European way: "The interview date … is not a date"', async () => {
    const message = await refusal('updateInterview', (seed: Seed) => ({ id: interview(seed).id, version: 99, date: '06/03/2025' }));
    expect(message).toBe('The interview date "06/03/2025" is not a date; write it as YYYY-MM-DD, like 2024-09-17.');
  });

  it("zod's own messages are said again as sentences", async () => {
    expect(await refusal('updateInterview', (seed: Seed) => ({ id: interview(seed).id, version: 1, durationMinutes: 0 }))).toBe(
      'The duration in minutes must be at least 1.',
    );
    expect(await refusal('createProject', { level: 'incubation' })).toBe('The project name is missing.');
    expect(await refusal('deleteProject', { id: 1, sql: 'DROP TABLE project' })).toBe(
      'Adoption Desk does not know the field “sql” sent with this request; nothing was changed.',
    );
  });

  it('the same key reads differently on different records', async () => {
    expect(await refusal('setAdopterStage', (seed: Seed) => ({ id: seed.adopters[0]!.adopter.id, version: 1, stage: 'approved', date: 'tomorrow' }))).toBe(
      'The date of the stage "tomorrow" is not a date; write it as YYYY-MM-DD, like 2024-09-17.',
    );
    expect(await refusal('markSummarySent', (seed: Seed) => ({ id: interview(seed).id, version: 1, date: '2024-02-30' }))).toBe(
      'The interview date "2024-02-30" is not a date; write it as YYYY-MM-DD, like 2024-09-17.',
    );
  });

  it('no message a reviewer can provoke starts with a field key', async () => {
    const cases: [string, unknown][] = [
      ['createProject', { name: '', level: 'sandbox' }],
      ['createOrganization', { name: 'Acme', website: 'acme' }],
      ['createPerson', { name: 'Ada', email: 'not-an-address' }],
      ['updateInterview', (seed: Seed) => ({ id: interview(seed).id, version: 1, month: '2024-13', interviewers: [''] })],
      ['createQuote', (seed: Seed) => ({ interviewId: interview(seed).id, text: '   ' })],
      ['updateAdopter', (seed: Seed) => ({ id: seed.adopters[0]!.adopter.id, version: 1, inUseSince: 'long ago' })],
    ];
    for (const [name, input] of cases) {
      const message = await refusal(name, input);
      expect(message, name).not.toMatch(/(^|\. )[a-zA-Z.0-9]+: /);
      expect(message, name).toMatch(/^[A-Z“"]/);
    }
  });
});

describe('an import refusal names the entry, then the field in words', () => {
  it('"Adopter 3: The date …", never "date: …"', () => {
    const schema = z.object({ date: isoDay, durationMinutes: z.number().int().min(1) });
    expect(() => checked(schema, { date: 'Sept 2024', durationMinutes: 30 }, 'Adopter 3')).toThrow(
      'Adopter 3: The date "Sept 2024" is not a date; write it as YYYY-MM-DD, like 2024-09-17. Nothing was imported.',
    );
    expect(() => checked(schema, { date: '2024-09-17', durationMinutes: 0 }, 'Adopter 3')).toThrow(
      'Adopter 3: The duration in minutes must be at least 1. Nothing was imported.',
    );
  });
});
