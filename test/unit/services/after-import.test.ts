import { describe, expect, it } from 'vitest';
import { freshDesk } from '../../helpers/desk';

/** An invented DD in the TOC's form: one production adopter, one evaluating, one with neither month nor people. */
const DD = `# Lumen Relay Incubation Due Diligence

#### Adoption

##### Adopter 1 - Kestrel Logistics - Logistics

_Ana Quill, Platform Lead_
MARCH 2025

Kestrel Logistics runs Lumen Relay in production since 2023.

##### Adopter 2 - Finance

APRIL 2025

The team is evaluating it; it is not yet in production.

##### Adopter 3 - Orchid Health - Healthcare

Orchid Health plans to move to production next year.
`;

async function imported() {
  const desk = freshDesk();
  const report = await desk.services.importDdDocument({ fileName: 'lumen-relay.md', text: DD });
  return { services: desk.services, projectId: report.projectId! };
}

describe('the checklist after a DD import', () => {
  it('names what still needs the reviewer, with the adopters to open', async () => {
    const { services, projectId } = await imported();
    const list = await services.importChecklist({ projectId });
    expect(list.fileName).toBe('lumen-relay.md');
    const byKind = Object.fromEntries(list.items.map((i) => [i.kind, i]));
    expect(byKind.usage).toMatchObject({ text: '3 adopters have no usage level', done: false });
    expect(byKind.usage!.adopters.map((a) => [a.number, a.name])).toEqual([
      [1, 'Kestrel Logistics'],
      [2, 'Finance (anonymous)'],
      [3, 'Orchid Health'],
    ]);
    expect(byKind.approval).toMatchObject({ text: 'Every summary is approved', done: true });
    expect(byKind.date).toMatchObject({ text: '1 interview has no date', done: false });
    expect(byKind.date!.adopters.map((a) => a.number)).toEqual([3]);
    expect(byKind.interviewees).toMatchObject({ text: '2 interviews name no interviewee' });
    expect(byKind.organization).toMatchObject({ text: '1 anonymous adopter has no organization recorded', done: false });
    expect(byKind.organization!.adopters.map((a) => a.number)).toEqual([2]);

    // Recording who the anonymous adopter is closes the item.
    const { organization } = await services.getAdopter({ id: byKind.organization!.adopters[0]!.adopterId });
    await services.updateOrganization({ id: organization.id, version: organization.version, name: 'Tallpine Bank' });
    const after = await services.importChecklist({ projectId });
    expect(after.items.find((i) => i.kind === 'organization')).toMatchObject({ done: true, text: 'Every anonymous adopter’s organization is recorded' });
    expect(list.criterion).toMatchObject({ met: false });
    expect(list.criterion!.sentence).toContain('0 of 3 adopters');
  });

  it('suggests levels from the summaries without setting them; the plan to move to production suggests nothing', async () => {
    const { services, projectId } = await imported();
    const { suggestions } = await services.importChecklist({ projectId });
    expect(suggestions.map((s) => [s.number, s.level, s.words])).toEqual([
      [1, 'production', 'in production'],
      [2, 'evaluating', 'evaluating'],
    ]);
    expect((await services.listAdopters({ projectId })).map((a) => a.usageLevel)).toEqual([null, null, null]);
  });

  it('setting the level takes the suggestion and the adopter off, and the criterion counts it', async () => {
    const { services, projectId } = await imported();
    const [first] = (await services.importChecklist({ projectId })).suggestions;
    await services.updateAdopter({ id: first!.adopterId, version: first!.adopterVersion, usageLevel: first!.level });
    const after = await services.importChecklist({ projectId });
    expect(after.suggestions.map((s) => s.number)).toEqual([2]);
    expect(after.items.find((i) => i.kind === 'usage')!.text).toBe('2 adopters have no usage level');
    expect(after.criterion!.sentence).toContain('1 of 3 adopters');
  });

  it('a dismissed suggestion stays hidden until the summary changes; an unknown key is refused', async () => {
    const { services, projectId } = await imported();
    const [, second] = (await services.importChecklist({ projectId })).suggestions;
    await services.dismissUsageSuggestion({ adopterId: second!.adopterId, key: second!.key });
    expect((await services.importChecklist({ projectId })).suggestions.map((s) => s.number)).toEqual([1]);
    await expect((async () => services.dismissUsageSuggestion({ adopterId: second!.adopterId, key: second!.key }))()).rejects.toThrow(/no such suggestion/);

    const [interview] = await services.listInterviews({ adopterId: second!.adopterId });
    await services.updateInterview({ id: interview!.id, version: interview!.version, summary: 'The team is evaluating it in a proof of concept.' });
    expect((await services.importChecklist({ projectId })).suggestions.map((s) => s.number)).toEqual([1, 2]);
  });

  it('a project not imported from a DD has no checklist; an undone import leaves none', async () => {
    const { services } = freshDesk();
    const project = await services.createProject({ name: 'Globex Mesh', level: 'incubation' });
    await services.importDdDocument({ fileName: 'more.md', text: DD.replace(/^# .*$/m, ''), projectId: project.id });
    expect((await services.importChecklist({ projectId: project.id })).fileName).toBe('more.md');
    await services.undo({ projectId: project.id });
    expect(await services.importChecklist({ projectId: project.id })).toEqual({ fileName: null, importedAt: null, criterion: null, items: [], suggestions: [] });
  });
});

describe('the sample project', () => {
  it('is one change with invented adopters at several steps, marked as the sample, and undone in one step', async () => {
    const { services } = freshDesk();
    const sample = await services.createSampleProject({});
    expect(sample.name).toBe('Lumen Relay (sample)');
    expect(await services.sampleProjectIds({})).toEqual([sample.id]);
    const rows = await services.pipeline({ projectId: sample.id });
    expect(rows.map((r) => [r.organization, r.stage])).toEqual([
      ['Kestrel Logistics', 'approved'],
      ['Tallpine Bank', 'approved'],
      ['Orchid Health', 'summary-sent'],
      ['Quarry Games', 'contacted'],
    ]);
    // Dated from today: a project under way, with an approval pending but none overdue.
    const [card] = await services.projectCards({});
    expect(card).toMatchObject({ approvalsPending: 1, approvalsOverdue: 0 });
    const preview = await services.previewAdoption({ projectId: sample.id });
    expect(preview.leaks).toEqual([]);
    expect(preview.markdown).toContain('##### Adopter 2 - Anonymous Finance');
    expect(preview.markdown).not.toContain('Tallpine');

    await services.undo({});
    expect(await services.listProjects({})).toEqual([]);
    expect(await services.sampleProjectIds({})).toEqual([]);
  });

  it('a second sample while the first is in the trash gets a slug of its own', async () => {
    const { services } = freshDesk();
    const first = await services.createSampleProject({});
    await services.deleteProject({ id: first.id });
    const second = await services.createSampleProject({});
    expect(second.slug).not.toBe(first.slug);
    expect(await services.sampleProjectIds({})).toEqual([first.id, second.id]);
  });
});
