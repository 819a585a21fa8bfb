// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { freshDesk, inProcessDeskApi } from '../../helpers/desk';

let desk: ReturnType<typeof freshDesk>;

beforeEach(() => {
  desk = freshDesk();
  window.desk = inProcessDeskApi(desk);
});
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('Adopter screen: the label an entry prints', () => {
  it('a named adopter shows its own label (Organization/Industry when empty) and saves the one the reviewer types', async () => {
    const project = await desk.services.createProject({ name: 'Globex Mesh', level: 'incubation' });
    const globex = await desk.services.createOrganization({ name: 'Globex', industry: 'Finance' });
    const adopter = await desk.services.createAdopter({ projectId: project.id, organizationId: globex.id, namedLabel: 'Globex - financial services' });
    window.location.hash = `#/p/${project.id}/a/${adopter.id}`;
    render(<App />);
    const field = (await screen.findByLabelText('Label in the DD')) as HTMLInputElement;
    expect(field.value).toBe('Globex - financial services');
    expect(field.placeholder).toBe('Globex/Finance');
    fireEvent.change(field, { target: { value: '' } });
    await waitFor(async () => expect((await desk.services.getAdopter({ id: adopter.id })).adopter.namedLabel).toBeNull(), { timeout: 5000 });
    // Anonymous: the anonymous label only; the named label is not offered.
    fireEvent.click(screen.getByLabelText(/stays anonymous in\s+public documents/));
    await screen.findByLabelText('Public label');
    expect(screen.queryByLabelText('Label in the DD')).toBeNull();
  });
});
