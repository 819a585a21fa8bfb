import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSnapshots } from '../../../templates/share/merge';
import { snapshotProblems } from '../../../templates/share/merge-check';
import { textFields } from '../../../templates/share/merge-rules';
import { canonical } from '../../../templates/share/merge-values';
import { baseProject, fingerprint } from './merge-fixtures';
import { applyEdit, startTeam, stepArb, sync, textsHeld, textsWritten, type Step, type SyncSeen, type Team } from './merge-history';

/**
 * Random edit histories of three reviewers syncing through one remote (test/unit/share/
 * merge-history.ts). CI runs 150 histories per property; MERGE_RUNS=5000 runs more locally,
 * MERGE_SEED replays one.
 */
const runs = Number(process.env.MERGE_RUNS ?? 150);
const seed = process.env.MERGE_SEED ? Number(process.env.MERGE_SEED) : undefined;
const options = { numRuns: runs, seed };

const historyArb = fc.record({
  steps: fc.array(stepArb, { minLength: 20, maxLength: 70, size: 'max' }),
  // The two rounds at the end, each in its own order.
  rounds: fc.tuple(fc.shuffledSubarray([0, 1, 2], { minLength: 3 }), fc.shuffledSubarray([0, 1, 2], { minLength: 3 })),
});

function play(steps: readonly Step[], seen?: (s: SyncSeen) => void): Team {
  const team = startTeam(baseProject());
  steps.forEach((step, n) => {
    if ('sync' in step) sync(team, step.sync, seen);
    else team.heads[step.who] = applyEdit(team.heads[step.who]!, step, n);
  });
  return team;
}

// Each property runs in about a second here; a slower machine gets room, a local run of thousands more.
describe('merge properties over three reviewers’ random histories', { timeout: Math.max(60_000, runs * 100) }, () => {
  it('converges: after everyone synced twice with no new edits, all three hold the same snapshot', () => {
    fc.assert(
      fc.property(historyArb, ({ steps, rounds }) => {
        const team = play(steps);
        for (const round of rounds) for (const who of round) sync(team, who);
        const remote = fingerprint(team.remote);
        expect(team.heads.map(fingerprint)).toEqual([remote, remote, remote]);
      }),
      options,
    );
  });

  it('is idempotent: a second sync with nothing new changes nothing and reports nothing', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(2), ({ steps }, who) => {
        const team = play(steps);
        sync(team, who);
        const before = fingerprint(team.remote);
        const { merged, report } = mergeSnapshots({ base: team.bases[who]!, mine: team.heads[who]!, theirs: team.remote });
        expect(fingerprint(merged)).toBe(before);
        expect([report.incoming, report.outgoing, report.conflictsOpened, report.lastWriterLosses, report.acknowledgements]).toEqual([[], [], [], [], []]);
      }),
      options,
    );
  });

  it('loses nothing: every text either side wrote ends in the result or in an open conflict', () => {
    fc.assert(
      fc.property(historyArb, ({ steps, rounds }) => {
        const check = ({ base, mine, theirs, merged }: SyncSeen) => {
          const held = textsHeld(merged);
          const lost = [...textsWritten(base, mine), ...textsWritten(base, theirs)].filter((t) => !held.has(t));
          expect(lost).toEqual([]);
        };
        const team = play(steps, check);
        for (const who of rounds[0]) sync(team, who, check);
      }),
      options,
    );
  });

  it('leaves no link dangling and no adopter number, answer or participant twice, in any result', () => {
    fc.assert(
      fc.property(historyArb, ({ steps, rounds }) => {
        const check = ({ merged }: SyncSeen) => {
          expect(snapshotProblems(merged)).toEqual([]);
        };
        const team = play(steps, check);
        for (const who of rounds[0]) sync(team, who, check);
        // Each reviewer's own edits keep their store whole, as the merge expects of its inputs.
        for (const head of team.heads) expect(snapshotProblems(head)).toEqual([]);
      }),
      options,
    );
  });

  it('gives every reviewer the same single values, sets and records whichever side is "mine"', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(2), ({ steps }, who) => {
        const team = play(steps);
        const input = { base: team.bases[who]!, mine: team.heads[who]!, theirs: team.remote };
        const one = mergeSnapshots(input).merged;
        const other = mergeSnapshots({ ...input, mine: input.theirs, theirs: input.mine }).merged;
        // Texts keep the merging side's words and an answer or participant joined keeps mine's uid: all else agrees.
        const sideFree = (s: typeof one) =>
          [...s.values()]
            .filter((r) => !['conflict', 'answer', 'participant'].includes(r.kind))
            .map((r) => {
              const fields = Object.entries(r.fields).filter(([name]) => !textFields(r.kind).includes(name));
              return `${r.kind}:${r.uid} ${canonical(Object.fromEntries(fields.map(([name, v]) => [name, Array.isArray(v) ? [...v].map(canonical).sort() : v])))}`;
            })
            .sort();
        expect(sideFree(one)).toEqual(sideFree(other));
      }),
      options,
    );
  });

  it('is deterministic: the same three snapshots merge to the same result', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(2), ({ steps }, who) => {
        const team = play(steps);
        const input = { base: team.bases[who]!, mine: team.heads[who]!, theirs: team.remote };
        expect(fingerprint(mergeSnapshots(input).merged)).toBe(fingerprint(mergeSnapshots({ ...input, mine: new Map([...input.mine].reverse()) }).merged));
      }),
      { ...options, numRuns: Math.ceil(runs / 3) },
    );
  });
});
