/**
 * The anonymity guard on real prose: false refusals in the DDs of ../shared/corpus.
 *
 * Each document is imported, then each named adopter in turn is made anonymous, as happens when
 * an adopter asks for it after the interview. Its secrets (the organization in all its derived
 * forms, its people, its domains) are then looked for in every entry. A hit in its own entry is
 * the guard doing its job. A hit in another adopter's entry is either a real mention of that
 * organization (the corpus has a few: adopters name their peers, partners and vendors) or a
 * false refusal: a generic word, a shared host, a common first name taken for a secret.
 *
 * The expectations were written by reading every hit and hold only numbers: "X>Y n" means that
 * with Adopter X anonymous, n spots in Adopter Y's entry are refused. Every one was checked to be
 * a real mention of X's organization or people; none is a false refusal. No corpus names, terms
 * or excerpts are copied here (see ../shared/README.md).
 *
 * The entries that are anonymous in the document itself keep whatever identity the document
 * gives them, which is none: the importer cannot know an unnamed organization, so those
 * adopters contribute no secrets, and the document as imported exports without a refusal.
 */
import { describe, expect, it } from 'vitest';
import { describeCorpus } from '../helpers/corpus';
import { freshDesk, inProcessDeskApi, unwrap } from '../helpers/desk';

const CLOCK = () => new Date('2026-12-01T09:00:00Z');

/**
 * Per document. own: "X:n", n refused spots in X's own entry with X anonymous (the guard at
 * work; 0 where the entry never names its organization or people). others: "X>Y n" for every
 * (made-anonymous X, another entry Y) pair with n > 0 refusals, each read and found to be a real
 * mention of X.
 */
const EXPECTED: Record<string, { own: string; others: string[] }> = {
  'buildpacks-graduation-dd.md': { own: '1:3 2:3 4:2', others: [] },
  'cert-manager-graduation-dd.md': { own: '', others: [] },
  'crossplane-graduation-dd.md': { own: '', others: [] },
  'cubefs-graduation-dd.md': { own: '1:10 2:6 4:9', others: [] },
  'dapr-graduation-dd.md': { own: '4:26', others: [] },
  'dragonfly-graduation-dd.md': { own: '', others: [] },
  'hami-incubation-dd.md': { own: '', others: [] },
  'in-toto-graduation-dd.md': { own: '1:1 2:1 3:1', others: [] },
  'knative-graduation-dd.md': { own: '1:8 2:22 3:6', others: [] },
  'kserve-incubation-dd.md': { own: '1:10 2:8 3:9 4:9', others: [] },
  'kubearmor-incubation-dd.md': { own: '1:55 2:19', others: [] },
  'kubeedge-graduation-dd.md': { own: '1:5 2:4 3:6', others: [] },
  'kubescape-incubation-dd.md': { own: '1:10 2:15', others: [] },
  'lima-incubation-dd.md': { own: '1:10 2:10 3:9 4:0 5:7', others: ['1>2 1'] },
  'openyurt-incubation-dd.md': { own: '', others: [] },
  'tekton-incubation-dd.md': { own: '1:7', others: [] },
  'wasmcloud-incubation-dd.md': { own: '3:14', others: [] },
};

async function refusalsWhenEachNamedAdopterIsAnonymous(file: string, text: string): Promise<{ own: Record<number, number>; others: string[]; exportedCleanAsImported: boolean }> {
  const desk = freshDesk({ clock: CLOCK });
  const api = inProcessDeskApi(desk);
  const report = await unwrap(api.importDdDocument({ fileName: file, text }));
  const projectId = report.projectId!;
  const asImported = await unwrap(api.checkAdoption({ projectId }));
  const own: Record<number, number> = {};
  const others: string[] = [];
  const adopters = await unwrap(api.listAdopters({ projectId }));
  for (const listed of adopters) {
    if (listed.anonymous) continue;
    const adopter = listed;
    const made = await unwrap(api.updateAdopter({ id: adopter.id, version: adopter.version, anonymous: true }));
    const check = await unwrap(api.checkAdoption({ projectId }));
    const counts = new Map<number | null, number>();
    for (const leak of check.leaks) {
      expect(leak.adopterNumber, 'only the adopter made anonymous has secrets').toBe(adopter.number);
      counts.set(leak.entryNumber, (counts.get(leak.entryNumber) ?? 0) + 1);
    }
    own[adopter.number] = counts.get(adopter.number) ?? 0;
    for (const [entry, n] of [...counts].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))) {
      if (entry !== adopter.number) others.push(`${adopter.number}>${entry ?? 'outside'} ${n}`);
    }
    await unwrap(api.updateAdopter({ id: adopter.id, version: made.version, anonymous: false }));
  }
  desk.close();
  return { own, others, exportedCleanAsImported: asImported.leaks.length === 0 };
}

describeCorpus('the anonymity guard on the DDs of the corpus', (corpus) => {
  const files = corpus.ddFiles;

  it('has an expectation for every document', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...files].sort());
  });

  describe.each(files)('%s', (file) => {
    it('refuses another entry only where it really names the adopter made anonymous', { timeout: 60_000 }, async () => {
      const result = await refusalsWhenEachNamedAdopterIsAnonymous(file, corpus.read(`dd/${file}`));
      expect(result.exportedCleanAsImported).toBe(true);
      expect(result.others).toEqual(EXPECTED[file]!.others);
      expect(Object.entries(result.own).map(([n, count]) => `${n}:${count}`).join(' ')).toBe(EXPECTED[file]!.own);
    });
  });
});
