import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDesk, type Desk } from '../../../services/desk';
import { projectSnapshot } from '../../../services/share/store';
import { snapshotToFiles } from '../../../templates/share/format';
import { seedGlobexMesh } from '../../../test/helpers/seed';
import { call } from '../call';
import type { BenchCase } from '../case';
import { timeOperations } from '../measure';
import { median } from '../stats';

/**
 * Two reviewers' own stores share one project through a bare repository on this disk (team mode,
 * issue 19's benchmark). Git runs in a sandbox: a HOME and global config of the case's own.
 */
function gitSandbox(dir: string): () => void {
  const config = path.join(dir, 'gitconfig');
  fs.writeFileSync(config, '[user]\n\tname = Ana\n\temail = ana@globex.example\n');
  const sandbox = { HOME: dir, XDG_CONFIG_HOME: dir, GIT_CONFIG_GLOBAL: config, GIT_CONFIG_NOSYSTEM: '1' };
  const before = Object.fromEntries(Object.keys(sandbox).map((key) => [key, process.env[key]]));
  Object.assign(process.env, sandbox);
  // The cases after this one (pandoc, LibreOffice) run with the reviewer's own home again.
  return () => {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

/** Globex Mesh and two more adopters, each interview with raw notes and notes under a few questions: 7 adopters, ~100 files. */
async function sevenAdopters(desk: Desk): Promise<number> {
  const { project, orgs } = await seedGlobexMesh(desk.services);
  for (const org of [orgs.hooli, orgs.acme]) {
    const adopter = await call(desk.services, 'createAdopter', { projectId: project.id, organizationId: org.id });
    await call(desk.services, 'createInterview', { adopterId: adopter.id, date: '2024-11-05', summary: `${org.name} evaluates the mesh.` });
  }
  for (const iv of desk.store.tables.interview.list({})) {
    await call(desk.services, 'updateInterview', { id: iv.id, version: iv.version, rawNotes: 'Raw notes of the call.\n\n'.repeat(40) });
    for (let q = 1; q <= 8; q++) await call(desk.services, 'setAnswer', { interviewId: iv.id, questionKey: `q${q}`, text: `Notes under question ${q}.`, version: null });
  }
  return project.id;
}

export const benchCase: BenchCase = {
  name: 'share-sync',
  title: 'Team mode: one Sync through a local remote',
  description:
    'syncProject as the app calls it, between two stores sharing a 7-adopter project with raw notes and answers (~100 files) ' +
    'through a bare repository on this disk: open the clone, export the project, fetch, and when the team moved on read both ' +
    'sides, merge field by field, write the result into the store as one change, commit with both parents and push. ' +
    '"Nothing changed": a Sync with nothing to send or take. "One change each side": each reviewer edited one summary, ' +
    'the first has sent it, this Sync takes it and sends its own. Median of several rounds.',
  figures: [
    { key: 'idle.p50', label: 'nothing changed, median', unit: 'ms' },
    { key: 'exchange.p50', label: 'one change each side, median', unit: 'ms' },
  ],
  targets: [
    { figure: 'idle.p50', below: 1000 },
    { figure: 'exchange.p50', below: 1000 },
  ],
  async run(context) {
    const root = context.tempDir();
    const restoreEnv = gitSandbox(root);
    const remote = path.join(root, 'team.git');
    const ana = openDesk(path.join(root, 'ana', 'adoption-desk.sqlite'));
    const ben = openDesk(path.join(root, 'ben', 'adoption-desk.sqlite'));
    try {
      const anaProject = await sevenAdopters(ana);
      fs.mkdirSync(remote);
      spawnSync('git', ['init', '--bare', '-q', remote]);
      await call(ana.services, 'shareProject', { projectId: anaProject, remoteUrl: remote });
      const { projectId: benProject } = await call(ben.services, 'joinShared', { remoteUrl: remote });
      context.settle();

      const rounds = context.reps(7, 3);
      const idle = await timeOperations({ warmup: 1, count: rounds, run: () => call(ana.services, 'syncProject', { projectId: anaProject }) });
      const summary = async (desk: Desk, n: number, text: string) => {
        const iv = desk.store.tables.interview.list({})[n]!;
        await call(desk.services, 'updateInterview', { id: iv.id, version: iv.version, summary: text });
      };
      const exchange = await timeOperations({
        warmup: 1,
        count: rounds,
        before: async (i) => {
          await summary(ana, 0, `Acme Corp, round ${i}.`);
          await summary(ben, 1, `Initech, round ${i}.`);
          await call(ana.services, 'syncProject', { projectId: anaProject });
        },
        run: () => call(ben.services, 'syncProject', { projectId: benProject }),
        after: async (report) => {
          if (report.arrived.count !== 1 || report.status !== 'pushed') throw new Error(`The Sync did not exchange one change each way: ${report.sentences.join(' ')}`);
          await call(ana.services, 'syncProject', { projectId: anaProject });
        },
      });
      const files = snapshotToFiles(projectSnapshot(ben.store, benProject)).size;
      return {
        figures: { 'idle.p50': median(idle), 'exchange.p50': median(exchange) },
        notes: [`The shared project is ${files} files.`],
        details: { idle, exchange, files },
      };
    } finally {
      restoreEnv();
      ana.close();
      ben.close();
    }
  },
};
