// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import type { DeskApi } from '../../../services/contract';
import { freshDesk, inProcessDeskApi } from '../../helpers/desk';

let desk: ReturnType<typeof freshDesk>;

beforeEach(() => {
  desk = freshDesk();
  window.desk = inProcessDeskApi(desk);
});
afterEach(cleanup);

async function createProject(name: string) {
  fireEvent.change(screen.getByLabelText('Project name'), { target: { value: name } });
  fireEvent.click(screen.getByRole('button', { name: 'Create project' }));
  await screen.findByText(name);
}

describe('Projects screen', () => {
  it('creates a project and lists it with its level and slug', async () => {
    render(<App />);
    expect(await screen.findByText(/No projects yet/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Applying for'), { target: { value: 'graduation' } });
    await createProject('Globex Mesh');
    const row = screen.getByTestId('project-row');
    expect(within(row).getByText('Graduation')).toBeTruthy();
    expect(within(row).getByText('globex-mesh')).toBeTruthy();
    expect((screen.getByLabelText('Project name') as HTMLInputElement).value).toBe('');
  });

  it('shows a refused name in plain words and keeps what was typed', async () => {
    render(<App />);
    await screen.findByText(/No projects yet/);
    fireEvent.change(screen.getByLabelText('Project name'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create project' }));
    expect((await screen.findByRole('alert')).textContent).toBe('A project needs a name.');
  });

  it('renames in place; Escape cancels', async () => {
    render(<App />);
    await createProject('Globex Mesh');
    fireEvent.click(screen.getByRole('button', { name: 'Rename Globex Mesh' }));
    const input = screen.getByLabelText('New name for Globex Mesh');
    fireEvent.change(input, { target: { value: 'Throwaway' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.getByText('Globex Mesh')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Rename Globex Mesh' }));
    fireEvent.change(screen.getByLabelText('New name for Globex Mesh'), { target: { value: 'Globex Service Mesh' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Globex Service Mesh')).toBeTruthy();
    expect((await desk.services.listProjects({}))[0]?.name).toBe('Globex Service Mesh');
  });

  it('a rename that fails to save stays in the field with the reason', async () => {
    render(<App />);
    await createProject('Globex Mesh');
    // Someone else renames it first (the CLI, another window).
    const [p] = await desk.services.listProjects({});
    await desk.services.updateProject({ id: p!.id, name: 'Renamed elsewhere', version: p!.version });
    fireEvent.click(screen.getByRole('button', { name: 'Rename Globex Mesh' }));
    fireEvent.change(screen.getByLabelText('New name for Globex Mesh'), { target: { value: 'My name' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('was changed elsewhere');
    expect((screen.getByLabelText('New name for Globex Mesh') as HTMLInputElement).value).toBe('My name');
  });

  it('says so when the store cannot be reached, and nothing is shown as saved', async () => {
    const unreachable = Object.fromEntries(
      Object.keys(window.desk).map((name) => [name, () => Promise.reject(new TypeError('Failed to fetch'))]),
    ) as unknown as DeskApi;
    window.desk = unreachable;
    render(<App />);
    expect((await screen.findByRole('alert')).textContent).toContain('could not reach its data store');
  });

  it('deletes a project', async () => {
    render(<App />);
    await createProject('Globex Mesh');
    fireEvent.click(screen.getByRole('button', { name: 'Delete Globex Mesh' }));
    await waitFor(() => expect(screen.queryByText('Globex Mesh')).toBeNull());
  });
});

describe('archiving', () => {
  it('moves a project to the archived list and back', async () => {
    render(<App />);
    await createProject('Globex Mesh');
    fireEvent.click(screen.getByRole('button', { name: 'Archive Globex Mesh' }));
    const archived = await screen.findByRole('list', { name: 'Archived projects' });
    expect(within(archived).getByText('Globex Mesh')).toBeTruthy();
    expect((await desk.services.listProjects({})).length).toBe(0);
    fireEvent.click(within(archived).getByRole('button', { name: 'Unarchive Globex Mesh' }));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Archived projects' })).toBeNull());
    expect((await desk.services.listProjects({}))[0]?.archived).toBe(false);
  });
});
