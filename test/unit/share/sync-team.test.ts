import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, type Services } from '../../../services/contract';
import { dispatch } from '../../../services/dispatch';
import { OPERATION_NAMES } from '../../../services/operations';
import { cloneDirFor } from '../../../services/share/share-clone-dir';
import { projectSnapshot } from '../../../services/share/store';
import { snapshotToFiles } from '../../../templates/share/format';
import { freshDesk } from '../../helpers/desk';
import { actAs, bareRemote, git, useGitSandbox } from '../../helpers/git-sandbox';
import { seedGlobexMesh } from '../../helpers/seed';

/**
 * Issue 19's Proof, "Integration": three reviewers' stores (Ana, Ben, Chloé), each with its clone
 * under its own data folder, share one bare repository in a temporary folder; every step goes
 * through the contract operations a front door calls.
 */
const sandbox = useGitSandbox({ name: 'Ana', email: 'ana@globex.example' });

interface Member {
  name: string;
  desk: ReturnType<typeof freshDesk>;
  services: Services;
  projectId: number;
}

async function team() {
  const remote = bareRemote(sandbox.root());
  const anaDesk = freshDesk();
  const seed = await seedGlobexMesh(anaDesk.services);
  const shared = await anaDesk.services.shareProject({ projectId: seed.project.id, remoteUrl: remote });
  const uid = anaDesk.store.tables.project.uidOf(seed.project.id)!;
  const ana: Member = { name: 'Ana', desk: anaDesk, services: anaDesk.services, projectId: seed.project.id };
  const join = async (name: string, email: string): Promise<Member> => {
    const desk = freshDesk();
    const joined = await desk.services.joinShared({ remoteUrl: remote });
    actAs(cloneDirFor(desk.file, uid), name, email);
    return { name, desk, services: desk.services, projectId: joined.projectId };
  };
  const ben = await join('Ben', 'ben@initech.example');
  const chloe = await join('Chloé', 'chloe@initech.example');
  return { remote, uid, seed, shared, ana, ben, chloe };
}

const filesOf = (m: Member) => snapshotToFiles(projectSnapshot(m.desk.store, m.projectId));
const sync = (m: Member) => m.services.syncProject({ projectId: m.projectId });
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Each syncs twice, in turn: then all three hold the same project. */
async function converge(members: readonly Member[]) {
  for (let round = 0; round < 2; round++) for (const m of members) await sync(m);
  const [first, ...rest] = members.map(filesOf);
  for (const other of rest) expect(other).toEqual(first);
}

const adopterByNumber = (m: Member, n: number) => m.desk.store.tables.adopter.list({ project_id: m.projectId }).find((a) => a.number === n)!;
const firstInterview = (m: Member, n: number) => m.desk.store.tables.interview.list({ adopter_id: adopterByNumber(m, n).id })[0]!;

describe('team mode through the operations', { timeout: 120_000 }, () => {
  it('shares, two teammates join, and all three hold the same project', async () => {
    const { shared, ana, ben, chloe } = await team();
    expect(shared.status).toBe('shared');
    expect(shared.sentences[0]).toMatch(/shared/);
    expect(filesOf(ben)).toEqual(filesOf(ana));
    expect(filesOf(chloe)).toEqual(filesOf(ana));
    const status = await ben.services.shareStatus({});
    expect(status).toHaveLength(1);
    expect(status[0]).toMatchObject({ projectId: ben.projectId, changedHere: false, teamAhead: false, openConflicts: [], toAcknowledge: [] });
    expect(status[0]!.line).toMatch(/^Synced \d\d:\d\d$/);
    const again = await sync(ben);
    expect(again.status).toBe('up-to-date');
    expect(again.sentences).toContain('Nothing new arrived from the team.');
  });

  it('the same summary edited by two: a conflict opened, compared with a proposal, resolved, and all three converge', async () => {
    const { ana, ben, chloe } = await team();
    const lines = ['Acme Corp runs Globex Mesh in production.', '', 'It serves the streaming stack.', '', 'Three clusters, two regions.'];
    let iv = firstInterview(ana, 1);
    await ana.services.updateInterview({ id: iv.id, version: iv.version, summary: lines.join('\n') });
    await converge([ana, ben, chloe]);

    iv = firstInterview(ana, 1);
    await ana.services.updateInterview({ id: iv.id, version: iv.version, summary: ['Acme Corp runs Globex Mesh in production since 2022.', ...lines.slice(1)].join('\n') });
    iv = firstInterview(ben, 1);
    await ben.services.updateInterview({ id: iv.id, version: iv.version, summary: [...lines.slice(0, 4), 'Four clusters, two regions.'].join('\n') });
    expect((await sync(ana)).status).toBe('pushed');
    const report = await sync(ben);
    expect(report.conflictsOpened).toEqual([expect.objectContaining({ what: "Adopter 1's interview", field: 'summary', by: 'Ana' })]);
    expect(report.sentences.join('\n')).toMatch(/Conflict: Adopter 1's interview — summary was changed by you and by Ana\. Yours is kept/);
    expect(firstInterview(ben, 1).summary).toContain('Four clusters');

    const [status] = await ben.services.shareStatus({ projectId: ben.projectId });
    expect(status!.openConflicts).toHaveLength(1);
    // The status says what it is about and who wrote the other text, as Compare does.
    expect(status!.openConflicts[0]).toMatchObject({ what: expect.stringMatching(/^Adopter 1's interview — summary$/), by: ['Ana'] });
    expect(status!.line).toMatch(/· 1 to review/);
    const conflictUid = status!.openConflicts[0]!.uid;
    expect(await dispatch(ben.services, 'exportAdoptionMarkdown', { projectId: ben.projectId }, () => {})).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('text conflict open on Adopter 1') },
    });
    const compared = await ben.services.compareConflict({ projectId: ben.projectId, conflictUid });
    expect(compared).toMatchObject({ base: lines.join('\n'), mine: expect.stringContaining('Four clusters'), theirs: [{ by: 'Ana', text: expect.stringContaining('since 2022') }] });
    expect(compared.proposal).toBe(['Acme Corp runs Globex Mesh in production since 2022.', ...lines.slice(1, 4), 'Four clusters, two regions.'].join('\n'));

    await sync(chloe);
    expect((await chloe.services.shareStatus({}))[0]!.openConflicts).toHaveLength(1);
    await ben.services.resolveSyncConflict({ projectId: ben.projectId, conflictUid, text: compared.proposal! });
    expect((await ben.services.shareStatus({}))[0]!.openConflicts).toEqual([]);
    await converge([ben, ana, chloe]);
    for (const m of [ana, ben, chloe]) {
      expect(firstInterview(m, 1).summary).toBe(compared.proposal);
      expect((await m.services.shareStatus({}))[0]!.openConflicts).toEqual([]);
    }
    await guardStillRefuses(chloe);
  });

  it('a stage changed by two: the last writer wins, and the loss is reported', async () => {
    const { ana, ben, chloe } = await team();
    let a = adopterByNumber(ana, 4);
    await ana.services.setAdopterStage({ id: a.id, version: a.version, stage: 'declined', date: '2024-10-01' });
    await tick();
    a = adopterByNumber(ben, 4);
    await ben.services.setAdopterStage({ id: a.id, version: a.version, stage: 'withdrawn', date: '2024-10-02' });
    await sync(ana);
    const report = await sync(ben);
    expect(report.lastWriterLosses).toContainEqual(expect.objectContaining({ what: 'Adopter 4', field: 'stage', kept: 'withdrawn', lost: 'declined', keptFrom: 'mine' }));
    expect(report.sentences.join('\n')).toContain('Adopter 4 — stage: “withdrawn” (yours, written last) was kept over “declined”.');
    await converge([ana, ben, chloe]);
    expect(adopterByNumber(ana, 4).stage).toBe('withdrawn');
    await guardStillRefuses(ana);
  });

  it("a teammate turning anonymity off applies, is reported and waits for an acknowledgement", async () => {
    const { ana, ben, chloe } = await team();
    const a = adopterByNumber(ben, 2);
    await ben.services.updateAdopter({ id: a.id, version: a.version, anonymous: false });
    await sync(ben);
    const report = await sync(ana);
    expect(adopterByNumber(ana, 2).anonymous).toBe(false);
    expect(report.acknowledgements).toEqual([{ reason: 'anonymity-off', adopterNumber: 2, by: 'Ben' }]);
    expect(report.sentences).toContain('Ben turned anonymity off for Adopter 2: public exports wait until someone acknowledges it.');
    const [status] = await ana.services.shareStatus({});
    expect(status!.toAcknowledge).toHaveLength(1);
    expect(status!.line).toMatch(/1 to review/);
    // Publishing waits for the acknowledgement (the store side's gate), then goes ahead.
    for (const name of publicOps()) {
      const refused = await dispatch(ana.services, name, { projectId: ana.projectId }, () => {});
      expect(refused, name).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('acknowledge') } });
    }
    const left = await ana.services.acknowledgeSync({ projectId: ana.projectId, ids: status!.toAcknowledge.map((x) => x.id) });
    expect(left).toEqual([]);
    expect((await ana.services.exportAdoptionMarkdown({ projectId: ana.projectId })).markdown).toContain('Initech');
    await converge([ana, ben, chloe]);
    await guardStillRefuses(ana);
  });

  it('an adopter trashed by one and edited by another comes back, and so does a quote deleted by one and edited by another: the edit wins, reported', async () => {
    const { ana, ben, chloe } = await team();
    await ana.services.createQuote({ interviewId: firstInterview(ana, 1).id, text: 'The mesh paid for itself.' });
    await converge([ana, ben]);
    const quoteOf = (m: Member) => m.desk.store.tables.quote.list({ interview_id: firstInterview(m, 1).id })[0];
    await ben.services.deleteQuote({ id: quoteOf(ben)!.id });
    const quote = quoteOf(ana)!;
    await ana.services.updateQuote({ id: quote.id, version: quote.version, text: 'The mesh paid for itself in a year.' });
    await ana.services.deleteAdopter({ id: adopterByNumber(ana, 4).id });
    const iv = firstInterview(ben, 4);
    await ben.services.updateInterview({ id: iv.id, version: iv.version, summary: 'Vandelay Industries moved its test clusters to the mesh.' });
    await sync(ana);
    const report = await sync(ben);
    expect(report.editsOverDeletions.map((e) => e.deletedBy)).toContain('theirs');
    expect(report.sentences.join('\n')).toMatch(/deleted by a teammate and edited by you: the edit wins, it is back/);
    await converge([ana, ben, chloe]);
    expect(adopterByNumber(ana, 4).deletedAt ?? null).toBeNull();
    expect(firstInterview(ana, 4).summary).toBe('Vandelay Industries moved its test clusters to the mesh.');
    expect(report.editsOverDeletions.map((e) => e.what)).toContain("Adopter 1's quote");
    for (const m of [ana, ben, chloe]) expect(quoteOf(m)?.text).toBe('The mesh paid for itself in a year.');
    await guardStillRefuses(ana);
  });

  it('two adopters created with the same number: one is renumbered, reported', async () => {
    const { ana, ben, chloe } = await team();
    const org = (m: Member, name: string) => m.desk.store.tables.organization.list({}).find((o) => o.name === name)!.id;
    const mine = await ana.services.createAdopter({ projectId: ana.projectId, organizationId: org(ana, 'Hooli') });
    await tick();
    const theirs = await ben.services.createAdopter({ projectId: ben.projectId, organizationId: org(ben, 'Acme Corp') });
    expect(mine.number).toBe(theirs.number);
    await sync(ana);
    const report = await sync(ben);
    expect(report.renumbered).toEqual([expect.objectContaining({ from: mine.number, to: mine.number + 1 })]);
    expect(report.sentences.join('\n')).toContain(`Two adopters were created as Adopter ${mine.number}`);
    await converge([ana, ben, chloe]);
    expect(ana.desk.store.tables.adopter.list({ project_id: ana.projectId }).map((a) => a.number)).toContain(mine.number + 1);
    await guardStillRefuses(ben);
  });

  it('two Syncs at once: both complete, a rejected push starts again from the fetch, and they converge', async () => {
    const { ana, ben, chloe } = await team();
    let iv = firstInterview(ana, 1);
    await ana.services.updateInterview({ id: iv.id, version: iv.version, rawNotes: 'Ana’s notes.' });
    iv = firstInterview(ben, 3);
    await ben.services.updateInterview({ id: iv.id, version: iv.version, rawNotes: 'Ben’s notes.' });
    const reports = await Promise.all([sync(ana), sync(ben)]);
    expect(reports.every((r) => r.status === 'pushed')).toBe(true);
    await converge([ana, ben, chloe]);
    expect(firstInterview(chloe, 1).rawNotes).toBe('Ana’s notes.');
    expect(firstInterview(chloe, 3).rawNotes).toBe('Ben’s notes.');
    await guardStillRefuses(chloe);
  });

  it('a Sync stopped between the store write and the push is completed by the next one, nothing merged twice', async () => {
    const { remote, ana, ben, chloe } = await team();
    let iv = firstInterview(ana, 1);
    await ana.services.updateInterview({ id: iv.id, version: iv.version, rawNotes: 'Ana’s notes.' });
    await sync(ana);
    iv = firstInterview(ben, 3);
    await ben.services.updateInterview({ id: iv.id, version: iv.version, rawNotes: 'Ben’s notes.' });
    // The repository refuses every push for a while: Ben's Sync has written the merge into his store by then.
    const hook = path.join(remote, 'hooks', 'pre-receive');
    fs.writeFileSync(hook, '#!/bin/sh\necho "closed for maintenance" >&2\nexit 1\n', { mode: 0o755 });
    await expect(sync(ben)).rejects.toMatchObject({ code: 'IO_ERROR', message: expect.stringContaining('Nothing was lost') });
    expect(firstInterview(ben, 1).rawNotes).toBe('Ana’s notes.');
    expect((await ben.services.shareStatus({}))[0]!.changedHere).toBe(true);
    fs.rmSync(hook);
    const again = await sync(ben);
    expect(again).toMatchObject({ status: 'pushed', arrived: { count: 0 }, conflictsOpened: [] });
    await converge([ana, ben, chloe]);
    expect(firstInterview(ana, 3).rawNotes).toBe('Ben’s notes.');
    await guardStillRefuses(ana);
  });

  it('a file broken by hand in the repository, or a newer format: the Sync is refused in words and the store is unchanged', async () => {
    const { remote, ana, ben } = await team();
    const work = path.join(sandbox.root(), 'by-hand');
    git(['clone', '-q', remote, work]);
    const adopterFile = fs.readdirSync(path.join(work, 'adopters'))[0]!;
    fs.writeFileSync(path.join(work, 'adopters', adopterFile), '{ "number": ');
    git(['-C', work, 'commit', '-qam', 'edited by hand']);
    git(['-C', work, 'push', '-q', 'origin', 'main']);
    const before = filesOf(ben);
    await expect(sync(ben)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/cannot be read, so nothing was changed here\. adopters\//) });
    expect(filesOf(ben)).toEqual(before);
    await guardStillRefuses(ben);

    git(['-C', work, 'revert', '--no-edit', 'HEAD']);
    const format = JSON.parse(fs.readFileSync(path.join(work, 'format.json'), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(path.join(work, 'format.json'), `${JSON.stringify({ ...format, version: 2 }, null, 2)}\n`);
    git(['-C', work, 'commit', '-qam', 'a newer format']);
    git(['-C', work, 'push', '-q', 'origin', 'main']);
    const anaBefore = filesOf(ana);
    await expect(sync(ana)).rejects.toMatchObject({ message: expect.stringContaining('written by a newer version of Adoption Desk') });
    expect(filesOf(ana)).toEqual(anaBefore);
    const newcomer = freshDesk();
    await expect(newcomer.services.joinShared({ remoteUrl: remote })).rejects.toMatchObject({ message: expect.stringContaining('newer version') });
    expect(await newcomer.services.listProjects({})).toEqual([]);
    await guardStillRefuses(ana);
  });
});

function publicOps() {
  const names = OPERATION_NAMES.filter((name) => (contract[name] as { public?: true }).public);
  expect(names.length).toBeGreaterThan(0);
  return names;
}

/**
 * After a Sync the guard still runs over the store's data: an anonymous interviewee's name and
 * an anonymous adopter's site planted in a named adopter's summary are refused by every public
 * operation, whatever the Sync brought.
 */
async function guardStillRefuses(m: Member) {
  const iv = firstInterview(m, 1);
  await m.services.updateInterview({ id: iv.id, version: iv.version, summary: `${iv.summary} Introduced by Cy Hidden and the team at initech.example.` });
  for (const name of publicOps()) {
    for (const input of [{ projectId: m.projectId }, { projectId: m.projectId, includeDrafts: true, typography: true }]) {
      const result = await dispatch(m.services, name, input, () => {});
      expect(result, `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'LEAK_DETECTED' } });
    }
  }
}
