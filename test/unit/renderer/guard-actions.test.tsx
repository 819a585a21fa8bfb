// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { freshDesk, inProcessDeskApi } from '../../helpers/desk';
import { seedGlobexMesh } from '../../helpers/seed';

/**
 * The guard's false positives resolved from the app: anonymous Adopter 2 (Initech) also
 * sells a product called Beacon, and "beacon" is an ordinary word in Adopter 1's summary.
 */
let desk: ReturnType<typeof freshDesk>;
let seed: Awaited<ReturnType<typeof seedGlobexMesh>>;

async function setSummary(index: number, summary: string) {
  const current = (await desk.services.getInterview({ id: seed.adopters[index]!.interview.id })).interview;
  await desk.services.updateInterview({ id: current.id, version: current.version, summary });
}

beforeEach(async () => {
  desk = freshDesk();
  window.desk = inProcessDeskApi(desk);
  seed = await seedGlobexMesh(desk.services);
  const initech = seed.orgs.initech;
  await desk.services.updateOrganization({ id: initech.id, version: initech.version, aliases: ['Initrode', 'Beacon'] });
  await setSummary(0, 'Acme Corp runs Globex Mesh behind a beacon service for its streaming stack.');
});
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const allowances = () => desk.services.listAllowances({ adopterId: seed.adopters[1]!.adopter.id });
const toast = () => screen.findByTestId('toast');

function openPreview() {
  window.location.hash = `#/p/${seed.project.id}/preview`;
  render(<App />);
}

function openAdopter(index: number) {
  window.location.hash = `#/p/${seed.project.id}/a/${seed.adopters[index]!.adopter.id}`;
  render(<App />);
}

describe('allowing a false positive from the refusal', () => {
  it('releases it only in the entry where it was found, says so with Undo, and Undo takes it back', async () => {
    openPreview();
    const leak = await screen.findByTestId('leak');
    expect(leak.textContent).toContain("'Beacon'");
    fireEvent.click(within(leak).getByRole('button', { name: "Allow ‘Beacon’ for Adopter 2 — only in Adopter 1's entry" }));

    expect((await toast()).textContent).toContain("Allowed ‘Beacon’ for Adopter 2 — only in Adopter 1's entry. The guard no longer refuses it there.");
    expect(await allowances()).toEqual([expect.objectContaining({ term: 'Beacon', entryNumber: 1, note: '' })]);
    await waitFor(() => expect(screen.queryByTestId('leak')).toBeNull());
    // What the allowance lets through is listed, with the way to the adopter's allowances.
    const allowedHit = await screen.findByTestId('allowed-hit');
    expect(allowedHit.textContent).toContain("‘Beacon’ of anonymous Adopter 2 in Adopter 1's entry, line 8 — allowed as Beacon");
    expect(within(allowedHit).getByRole('link', { name: 'Allowances of Adopter 2' }).getAttribute('href')).toBe(`#/p/${seed.project.id}/a/${seed.adopters[1]!.adopter.id}`);

    fireEvent.click(within(await toast()).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.getByTestId('toast').textContent).toContain('Withdrawn: ‘Beacon’ for Adopter 2; the guard refuses it again.'));
    expect(await allowances()).toEqual([]);
    expect(await screen.findByTestId('leak')).toBeTruthy();
    expect(screen.queryByTestId('allowed-hit')).toBeNull();
  });

  it('offers the wider choice: everywhere', async () => {
    openPreview();
    const leak = await screen.findByTestId('leak');
    fireEvent.click(within(leak).getByRole('button', { name: 'Allow ‘Beacon’ for Adopter 2 — everywhere' }));
    expect((await toast()).textContent).toContain('Allowed ‘Beacon’ for Adopter 2 — everywhere.');
    expect(await allowances()).toEqual([expect.objectContaining({ term: 'Beacon', entryNumber: null })]);
  });

  it('is offered in the entry’s own panel too, and a refusal of the action is shown in plain words', async () => {
    openAdopter(0);
    const leak = await screen.findByTestId('entry-leak');
    // Someone makes Adopter 2 named meanwhile: there is nothing to allow any more.
    const initechAdopter = seed.adopters[1]!.adopter;
    const fresh = (await desk.services.getAdopter({ id: initechAdopter.id })).adopter;
    await desk.services.updateAdopter({ id: fresh.id, version: fresh.version, anonymous: false });
    fireEvent.click(within(leak).getByRole('button', { name: "Allow ‘Beacon’ for Adopter 2 — only in Adopter 1's entry" }));
    const said = await toast();
    expect(said.getAttribute('role')).toBe('alert');
    expect(said.textContent).toContain('Adopter 2 is not anonymous; there is nothing to allow.');
    expect(within(said).queryByRole('button', { name: 'Undo' })).toBeNull();
  });
});

describe('the adopter screen of an anonymous adopter', () => {
  it('lists what the guard looks for; "not a secret" drops a derived term, undoably, and it can be guarded again', async () => {
    openAdopter(1);
    const terms = await screen.findByRole('list', { name: 'What the guard looks for' });
    const words = within(terms)
      .getAllByTestId('guard-term')
      .map((li) => li.querySelector('.guard-term')!.textContent);
    expect(words).toEqual(expect.arrayContaining(['Initech', 'Initrode', 'Beacon', 'Bo Sample', 'Sample']));
    // What the reviewer recorded is guarded as written: only derived terms can be dropped.
    expect(within(terms).queryByRole('button', { name: '‘Initech’ is not a secret' })).toBeNull();
    expect(within(terms).queryByRole('button', { name: '‘Beacon’ is not a secret' })).toBeNull();

    fireEvent.click(within(terms).getByRole('button', { name: '‘Sample’ is not a secret' }));
    expect((await toast()).textContent).toContain('Dropped ‘Sample’ from what the guard looks for to protect Adopter 2.');
    expect(await allowances()).toEqual([expect.objectContaining({ term: 'Sample', entryNumber: null, note: expect.stringContaining('Dropped from what the guard looks for') })]);
    expect(await screen.findByRole('button', { name: 'Guard ‘Sample’ again' })).toBeTruthy();
    // The drop is recorded like an allowance, and listed as one.
    expect(within(screen.getByRole('list', { name: 'Allowances' })).getByText('Sample')).toBeTruthy();

    fireEvent.click(within(await toast()).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await allowances()).toEqual([]));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Guard ‘Sample’ again' })).toBeNull());

    fireEvent.click(await screen.findByRole('button', { name: '‘Sample’ is not a secret' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Guard ‘Sample’ again' }));
    await waitFor(() => expect(screen.getByTestId('toast').textContent).toContain('The guard looks for ‘Sample’ again to protect Adopter 2.'));
    expect(await allowances()).toEqual([]);
  });

  it('says beside a term where an allowance releases it', async () => {
    await desk.services.addAllowance({ adopterId: seed.adopters[1]!.adopter.id, term: 'beacon', entryNumber: 1 });
    openAdopter(1);
    const terms = await screen.findByRole('list', { name: 'What the guard looks for' });
    const beacon = within(terms)
      .getAllByTestId('guard-term')
      .find((li) => li.querySelector('.guard-term')!.textContent === 'Beacon')!;
    expect(beacon.textContent).toContain("allowed in Adopter 1's entry");
  });

  it('lists the allowances with where they apply and their note; Remove is undoable', async () => {
    const adopterId = seed.adopters[1]!.adopter.id;
    await desk.services.addAllowance({ adopterId, term: 'Beacon', entryNumber: 1, note: 'the radio kind' });
    openAdopter(1);
    const list = await screen.findByRole('list', { name: 'Allowances' });
    const item = within(list).getByTestId('allowance');
    expect(item.textContent).toContain("only in Adopter 1's entry · the radio kind");
    fireEvent.click(within(item).getByRole('button', { name: 'Remove the allowance ‘Beacon’' }));
    expect((await toast()).textContent).toContain("Removed the allowance ‘Beacon’ for Adopter 2 (only in Adopter 1's entry); the guard refuses it again.");
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Allowances' })).toBeNull());
    fireEvent.click(within(await toast()).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await allowances()).toEqual([expect.objectContaining({ term: 'Beacon', entryNumber: 1, note: 'the radio kind' })]));
    expect(await screen.findByRole('list', { name: 'Allowances' })).toBeTruthy();
  });

  it('a note says why a term is allowed; saved from a dialog, undoable', async () => {
    const adopterId = seed.adopters[1]!.adopter.id;
    await desk.services.addAllowance({ adopterId, term: 'Beacon', entryNumber: 1 });
    openAdopter(1);
    fireEvent.click(await screen.findByRole('button', { name: 'Add a note for the allowance ‘Beacon’' }));
    const dialog = screen.getByRole('dialog', { name: 'Note for the allowance ‘Beacon’' });
    fireEvent.change(within(dialog).getByLabelText(/Why it is not a secret here/), { target: { value: 'the radio kind' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save note' }));
    expect((await toast()).textContent).toContain('Noted for ‘Beacon’: “the radio kind”');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await allowances()).toEqual([expect.objectContaining({ note: 'the radio kind' })]);
    await waitFor(() => expect(screen.getByTestId('allowance').textContent).toContain('the radio kind'));

    fireEvent.click(within(await toast()).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await allowances()).toEqual([expect.objectContaining({ note: '' })]));
    expect(await screen.findByRole('button', { name: 'Add a note for the allowance ‘Beacon’' })).toBeTruthy();
  });

  it('shows no guard card for a named adopter with nothing to protect', async () => {
    openAdopter(0);
    await screen.findByTestId('entry-preview');
    expect(screen.queryByRole('heading', { name: 'Anonymity guard' })).toBeNull();
  });
});

describe('dismissing a warning', () => {
  it('hides it for that adopter with Undo; the adopter screen lists it to show again', async () => {
    await setSummary(2, 'Umbrela Logistics uses it in pre-production for its routing services.');
    openPreview();
    const message = 'Adopter 3\'s summary writes "Umbrela Logistics"; is that a misspelling of "Umbrella Logistics"?';
    const warning = (await screen.findAllByTestId('warning')).find((li) => li.textContent!.includes(message))!;
    fireEvent.click(within(warning).getByRole('button', { name: `Dismiss for Adopter 3: ${message}` }));
    expect((await toast()).textContent).toContain(`Dismissed for Adopter 3: “${message}” It comes back if the text changes.`);
    await waitFor(() => expect(screen.queryByText(message)).toBeNull());
    fireEvent.click(within(await toast()).getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText(message)).toBeTruthy();

    // Dismissed again, then shown again from the adopter's screen.
    fireEvent.click(await screen.findByRole('button', { name: `Dismiss for Adopter 3: ${message}` }));
    await waitFor(() => expect(screen.queryByText(message)).toBeNull());
    cleanup();
    openAdopter(2);
    const dismissed = await screen.findByRole('list', { name: 'Dismissed warnings' });
    fireEvent.click(within(dismissed).getByRole('button', { name: `Show again: ${message}` }));
    expect((await toast()).textContent).toContain(`Showing again: “${message}”`);
    await waitFor(async () => expect(await desk.services.listDismissedWarnings({ adopterId: seed.adopters[2]!.adopter.id })).toEqual([]));
  });
});
