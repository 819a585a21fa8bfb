// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
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
