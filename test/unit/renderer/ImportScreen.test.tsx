// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { freshDesk, inProcessDeskApi } from '../../helpers/desk';

let desk: ReturnType<typeof freshDesk>;

beforeEach(() => {
  desk = freshDesk();
  window.desk = inProcessDeskApi(desk);
  window.location.hash = '#/import';
});
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('Import screen: a candidate list', () => {
  it('previews, lets the reviewer map each column, then imports all rows', async () => {
    const project = await desk.services.createProject({ name: 'Globex Mesh', level: 'incubation' });
    render(<App />);
    fireEvent.change(await screen.findByLabelText('What are you importing?'), { target: { value: 'candidates' } });
    fireEvent.change(await screen.findByLabelText('Project'), { target: { value: String(project.id) } });
    const csv = 'Company,Sector,Who\nInitech,Finance,Ada Example\nUmbrella,Logistics,Bo Sample\n';
    fireEvent.change(screen.getByLabelText('File'), { target: { files: [new File([csv], 'candidates.csv', { type: 'text/csv' })] } });
    await waitFor(() => expect((screen.getByRole('button', { name: 'Preview' }) as HTMLButtonElement).disabled).toBe(false));

    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect((await screen.findByTestId('import-report')).textContent).toContain('Preview (nothing imported yet)');
    const who = (await screen.findByLabelText('Who')) as HTMLSelectElement;
    fireEvent.change(who, { target: { value: 'name' } });
    fireEvent.change(screen.getByLabelText('Company'), { target: { value: 'organization' } });
    fireEvent.change(screen.getByLabelText('Sector'), { target: { value: 'industry' } });
    expect(await desk.services.listAdopters({ projectId: project.id })).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.getByTestId('import-report').textContent).toContain('Imported'));
    const overview = await desk.services.adopterOverview({ projectId: project.id });
    expect(overview.map((a) => [a.organization, a.industry])).toEqual([
      ['Initech', 'Finance'],
      ['Umbrella', 'Logistics'],
    ]);
    const people = await desk.services.listPeople({});
    expect(people.map((p) => p.name).sort()).toEqual(['Ada Example', 'Bo Sample']);
  });
});

/** Invented organizations and people only. */
const DD_WITH_ASIDE = `# Globex Mesh Incubation Due Diligence

#### Adoption

##### Globex - technology company

Ada Example, Platform Lead, Bo Sample, SRE
SEPTEMBER 2024

Globex runs it.

##### Adopter 2 - Retail

OCTOBER 2024

The team evaluates it.

##### Summary

Both would recommend it.
`;

describe('Import screen: the preview of a DD document', () => {
  it('shows per entry its heading, how it was read and why, its month and its people; the aside heading is named', async () => {
    render(<App />);
    fireEvent.change(await screen.findByLabelText('File'), { target: { files: [new File([DD_WITH_ASIDE], 'globex-mesh.md', { type: 'text/markdown' })] } });
    await waitFor(() => expect((screen.getByRole('button', { name: 'Preview' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const report = await screen.findByTestId('import-report');
    expect(report.textContent).toContain('2 entries recognized');
    const [first, second] = within(report).getAllByRole('listitem').filter((li) => li.querySelector('dl'));
    expect(first!.textContent).toContain('Lines 5–10##### Globex - technology company');
    expect(first!.textContent).toContain('Organization Globex, industry technology company — the heading gives the organization and, after the dash, a description kept as its industry');
    expect(first!.textContent).toContain('MonthSep 2024');
    expect(first!.textContent).toContain('PeopleAda Example (Platform Lead); Bo Sample (SRE)');
    expect(second!.textContent).toContain('Anonymous, published as Retail — the label is only an industry');
    expect(second!.textContent).toContain('Peoplenone named');
    expect(report.textContent).toContain('The heading "Summary" (line 18) does not name an adopter');
    expect(await desk.services.listProjects({})).toEqual([]);
  });
});

/** Invented: a DD whose Globex has the same name as the Globex another project already has. */
const DD_SHARED_NAME = `# Acme Tracing Incubation Due Diligence

#### Adoption

##### Adopter 1 - Globex/Financial Services

_Ada Example, Platform Lead_
SEPTEMBER 2024

Globex traces its payment services with it.
`;

describe('Import screen: a DD next to another project', () => {
  it('names the new project as the reviewer chooses, and shares an organization only when ticked', async () => {
    const mesh = await desk.services.createProject({ name: 'Globex Mesh', level: 'graduation' });
    const globex = await desk.services.createOrganization({ name: 'Globex', industry: 'Finance' });
    await desk.services.createAdopter({ projectId: mesh.id, organizationId: globex.id });
    render(<App />);
    await screen.findByLabelText('Into project');
    fireEvent.change(screen.getByLabelText('New project’s name'), { target: { value: 'Acme Tracing (2026)' } });
    fireEvent.change(await screen.findByLabelText('Level'), { target: { value: 'graduation' } });
    fireEvent.change(screen.getByLabelText('File'), { target: { files: [new File([DD_SHARED_NAME], 'acme.md', { type: 'text/markdown' })] } });
    await waitFor(() => expect((screen.getByRole('button', { name: 'Preview' }) as HTMLButtonElement).disabled).toBe(false));

    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const choice = await screen.findByTestId('same-organizations');
    const box = within(choice).getByLabelText(/Globex in this file is the same organization as Globex \(Finance\) in Globex Mesh/) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);

    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.getByTestId('import-report').textContent).toContain('Imported'));
    const created = (await desk.services.listProjects({})).find((p) => p.name === 'Acme Tracing (2026)');
    expect(created).toMatchObject({ level: 'graduation' });
    // Ticked: the same record, unchanged, and the entry keeps the file's words.
    expect((await desk.services.listOrganizations({})).filter((o) => o.name === 'Globex')).toEqual([expect.objectContaining({ id: globex.id, industry: 'Finance' })]);
    expect((await desk.services.previewAdoption({ projectId: created!.id })).markdown).toContain('##### Adopter 1 - Globex/Financial Services');
  });
});

describe('Import screen: a file over the limit', () => {
  it('is refused before it is read, in the sentence every door uses', async () => {
    render(<App />);
    // A file that says it is 60 MB (its size is what the screen looks at first).
    const big = new File(['x'], 'huge-dd.md', { type: 'text/markdown' });
    Object.defineProperty(big, 'size', { value: 60_000_000 });
    fireEvent.change(await screen.findByLabelText('File'), { target: { files: [big] } });
    expect(await screen.findByText('huge-dd.md is 60 MB; the limit is 50 MB, far beyond any DD or notes; this is not a file Adoption Desk imports. Nothing was imported.')).toBeTruthy();
  });
});
