import { describe, expect, it } from 'vitest';
import { MAX_NESTING } from '../../../../markdown/blocks';
import { freshDesk, inProcessDeskApi } from '../../../helpers/desk';
import { seedGlobexMesh } from '../../../helpers/seed';

/**
 * Summaries an import or a paste may store, run through every way a project leaves the
 * app — the Markdown section, its preview and checks, the Word section, the review copy,
 * the dossier and the interview notes — through the services, as the app and the command
 * line call them. None may crash; each answer is a document or a plain refusal.
 */
const HOSTILE: Record<string, string> = {
  '1,800 nested list items on one line': `${'- '.repeat(1800)}deep`,
  '1,000 nested list items by indentation (1 MB)': Array.from({ length: 1000 }, (_, k) => `${'  '.repeat(k)}- level ${k}`).join('\n'),
  '5,000 nested quotes': `${'>'.repeat(5000)} deep`,
  '5,000 quotes and items mixed': `${'> - '.repeat(5000)}deep`,
  'references outside Unicode': 'Out of range &#x110000; &#1114112; &#xD800; &#0; and in HTML <span title="&#x110000;">x</span>.',
  'emphasis 100,000 deep': `${'*'.repeat(200_000)}x${'*'.repeat(200_000)}`,
  'images 20,000 deep': `${'!['.repeat(20_000)}x${'](y)'.repeat(20_000)}`,
  'headings, fences and comments that break out': '#### Sneaky\n\n##### Adopter 99 - Fake\n\n<!-- open\n\n```\nnever closed',
  'controls and direction overrides': 'Bell \u0007 escape \u001b[31m NUL \u0000 override \u202Etxt.exe lone \ud800 non \uffff.',
};

const OPERATIONS = [
  ['exportAdoptionMarkdown', (projectId: number) => ({ projectId, includeDrafts: true, typography: true })],
  ['previewAdoption', (projectId: number) => ({ projectId, typography: true })],
  ['checkAdoption', (projectId: number) => ({ projectId })],
  ['exportAdoptionDocx', (projectId: number) => ({ projectId, includeDrafts: true })],
  ['exportReviewDocx', (projectId: number) => ({ projectId, adopterNumber: 1 })],
  ['exportDossierDocx', (projectId: number) => ({ projectId })],
  ['exportNotesDocx', (projectId: number) => ({ projectId, adopterNumber: 1 })],
] as const;

async function deskWithSummary(summary: string, vendorNote = '') {
  const desk = freshDesk();
  const seed = await seedGlobexMesh(desk.services);
  const { id } = seed.adopters[0]!.interview;
  const current = await desk.services.getInterview({ id });
  await desk.services.updateInterview({ id, version: current.interview.version, summary, rawNotes: summary });
  if (vendorNote) {
    const adopter = seed.adopters[0]!.adopter;
    const fresh = await desk.services.getAdopter({ id: adopter.id });
    await desk.services.updateAdopter({ id: adopter.id, version: fresh.adopter.version, vendorNote });
  }
  return { api: inProcessDeskApi(desk), projectId: seed.project.id };
}

describe('hostile summaries: every export answers, none crashes', () => {
  for (const [name, summary] of Object.entries(HOSTILE)) {
    it(name, async () => {
      const { api, projectId } = await deskWithSummary(summary);
      for (const [operation, input] of OPERATIONS) {
        const call = (api as unknown as Record<string, (input: unknown) => Promise<{ ok: boolean; error?: { code: string; message: string } }>>)[operation]!;
        const result = await call(input(projectId));
        // A refusal would have to be the reviewer's kind (a leak, a missing summary), said plainly.
        const refusal = result.ok ? null : `${result.error!.code}: ${result.error!.message}`;
        expect(refusal, operation).toBeNull();
      }
    }, 120_000);
  }

  it('the checks say where an invisible character was left out, and where nesting was flattened', async () => {
    const { api, projectId } = await deskWithSummary(`Fine line.\nBell here: \u0007 and more \u202E.\n\n${'>'.repeat(MAX_NESTING + 5)} deep`, 'Acme Cloud\u202E');
    const check = await api.checkAdoption({ projectId });
    if (!check.ok) throw new Error(check.error.message);
    const messages = check.value.warnings.map((w) => `${w.code}: ${w.message}`);
    expect(messages).toContain(
      "INVISIBLE_CHARACTER: Adopter 1's summary has an invisible control character (U+0007) at line 2, column 12 (and 1 more); the export leaves it out. Remove it and save again.",
    );
    expect(messages).toContain(
      "INVISIBLE_CHARACTER: Adopter 1's vendor note has an invisible direction control character (U+202E) at line 1, column 11; the export leaves it out. Remove it and save again.",
    );
    expect(messages).toContain(
      `NESTING_FLATTENED: Adopter 1's summary nests quotes or lists more than ${MAX_NESTING} levels deep (from line 4); the export prints the deeper levels as plain text.`,
    );
    const exported = await api.exportAdoptionMarkdown({ projectId });
    if (!exported.ok) throw new Error(exported.error.message);
    expect(exported.value.markdown).not.toContain('\u0007');
    expect(exported.value.markdown).not.toContain('\u202E');
    expect(exported.value.markdown).toContain('Note: This adopter uses Globex Mesh through Acme Cloud.');
  });
});
