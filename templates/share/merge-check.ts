import type { ShareSnapshot } from './records';
import { danglingLinks } from './merge-links';

/**
 * What the merge expects of each side, and promises of its result: a whole snapshot. Every link
 * names a record the snapshot holds, and no natural key is taken twice (an adopter's number, an
 * interview's answer to one question, one person's place in an interview). A store's export is
 * whole; so is every merge of whole snapshots (test/unit/share/merge-properties.test.ts).
 */
export function snapshotProblems(snapshot: ShareSnapshot): string[] {
  const problems = danglingLinks(snapshot).map(({ from, to }) => `The record ${from} names ${to}, which the project does not hold.`);
  const seen = new Map<string, string>();
  for (const record of snapshot.values()) {
    const { fields } = record;
    const key =
      record.kind === 'adopter'
        ? `Adopter ${String(fields.number)}`
        : record.kind === 'answer'
          ? `the answer to question ${String(fields.questionKey)} of interview ${String(fields.interviewUid)}`
          : record.kind === 'participant'
            ? `person ${String(fields.personUid)} in interview ${String(fields.interviewUid)}`
            : null;
    if (key === null) continue;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, record.uid);
    else problems.push(`Two records are ${key}: ${first} and ${record.uid}.`);
  }
  return problems;
}
