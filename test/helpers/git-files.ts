import type { SyncSides } from '../../services/share/git-sync';

const ORGANIZATIONS = ['Globex', 'Initech', 'Umbrella Logistics', 'Hooli', 'Vandelay Imports', 'Soylent Foods', 'Stark Freight'];

/**
 * A shared project as files, about the size of a 7-adopter DD with notes (~100 files): a format
 * file, the project, organizations, people, adopters, interviews with their summaries and raw
 * notes, participants, answers and quotes. Invented names; accents, emoji and a BOM so bytes must survive.
 */
export function projectFiles(projectUid = 'prj-1', adopters = 7): Map<string, string> {
  const files = new Map<string, string>();
  files.set('format.json', JSON.stringify({ format: 'adoption-desk-share', projectUid, version: 1 }) + '\n');
  files.set('project.json', JSON.stringify({ name: 'Kite', slug: 'kite', uid: projectUid }) + '\n');
  for (let i = 0; i < adopters; i++) {
    const org = ORGANIZATIONS[i % ORGANIZATIONS.length]!;
    files.set(`organizations/org-${i}.json`, JSON.stringify({ name: org, uid: `org-${i}` }) + '\n');
    files.set(`people/person-${i}.json`, JSON.stringify({ name: `Chloé ${i}`, uid: `person-${i}` }) + '\n');
    files.set(`adopters/adopter-${i}.json`, JSON.stringify({ number: i + 1, organizationUid: `org-${i}`, uid: `adopter-${i}` }) + '\n');
    for (let k = 0; k < 2; k++) {
      const id = `interview-${i}-${k}`;
      files.set(`interviews/${id}.json`, JSON.stringify({ adopterUid: `adopter-${i}`, date: '2026-11-0' + (k + 1), uid: id }) + '\n');
      files.set(`interviews/${id}.summary.md`, `${org} runs Kite in production on ${3 + i} clusters.\n\nUpgrades were smooth — “no surprises” ✅.\n`);
      files.set(`interviews/${id}.raw-notes.md`, `\uFEFFRaw notes by Ben for ${org}\r\nline two\r\n${'More detail. '.repeat(40)}`);
      files.set(`participants/participant-${i}-${k}.json`, JSON.stringify({ interviewUid: id, personUid: `person-${i}`, uid: `participant-${i}-${k}` }) + '\n');
      files.set(`answers/answer-${i}-${k}.json`, JSON.stringify({ interviewUid: id, question: 'q1', text: 'Yes, since 2024.', uid: `answer-${i}-${k}` }) + '\n');
    }
    files.set(`quotes/quote-${i}.json`, JSON.stringify({ text: 'It just works.', uid: `quote-${i}` }) + '\n');
  }
  return files;
}

/**
 * A stand-in for the app's field-by-field merge, per file: a side's change passes through; when
 * both changed a file differently, mine is kept and theirs is filed under `conflicts/`.
 */
export function fileMerge({ base, mine, theirs }: Pick<SyncSides, 'base' | 'mine' | 'theirs'>): Map<string, string> {
  const result = new Map<string, string>();
  const paths = new Set([...base.keys(), ...mine.keys(), ...theirs.keys()]);
  for (const file of [...paths].sort()) {
    const [b, m, t] = [base.get(file), mine.get(file), theirs.get(file)];
    const pick = m === b ? t : m;
    if (pick !== undefined) result.set(file, pick);
    if (m !== b && t !== b && t !== m && t !== undefined && !file.startsWith('conflicts/')) result.set(`conflicts/${file.replace(/\//g, '~')}`, t);
  }
  return result;
}
