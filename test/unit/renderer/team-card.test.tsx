// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TeamCard } from '../../../renderer/src/screens/team/TeamCard';
import type { DeskApi } from '../../../services/contract';
import type { ShareStatusRow, SyncReport } from '../../../services/share/share-service';

/**
 * The Team card against a stand-in for the store's answers: what the reviewer sees and can do
 * at each point of a Sync, without Git (the end-to-end test runs the real thing).
 */
const row = (over: Partial<ShareStatusRow> = {}): ShareStatusRow => ({
  projectId: 1,
  projectName: 'Globex Mesh',
  slug: 'globex-mesh',
  remote: 'git@git.globex.example:dd/globex-mesh.git',
  lastSyncAt: '2026-12-03T09:12:00.000Z',
  toAcknowledge: [],
  openConflicts: [],
  changedHere: false,
  teamAhead: false,
  line: 'Synced 09:12',
  lastReport: null,
  ...over,
});

const report: SyncReport = {
  status: 'took-theirs',
  commit: 'c0ffee',
  at: '2026-12-03T09:30:00.000Z',
  attempts: 1,
  arrived: { count: 2, authors: ['Ben'] },
  sent: 0,
  conflictsOpened: [],
  lastWriterLosses: [],
  acknowledgements: [],
  renumbered: [],
  editsOverDeletions: [],
  sentences: ['2 records arrived from Ben.'],
};

type Handler = (input: unknown) => Promise<unknown>;

function stubDesk(handlers: Record<string, Handler>) {
  const calls: { name: string; input: unknown }[] = [];
  window.desk = new Proxy({} as DeskApi, {
    get: (_, name: string) => async (input: unknown) => {
      calls.push({ name, input });
      const handler = handlers[name];
      if (!handler) return { ok: false, error: { code: 'INTERNAL', message: `No stand-in for ${name}.` } };
      try {
        return { ok: true, value: await handler(input) };
      } catch (error) {
        return { ok: false, error: { code: 'IO_ERROR', message: (error as Error).message } };
      }
    },
  });
  return calls;
}

afterEach(cleanup);

describe('the Team card', () => {
  it('offers to share a project that is not shared, and the dialog keeps a refused address with the reason', async () => {
    stubDesk({
      shareStatus: async () => [],
      shareProject: async () => {
        throw new Error('https://github.com/cncf/globex.git is a repository of the CNCF organization on GitHub.');
      },
    });
    render(<TeamCard projectId={1} projectName="Globex Mesh" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Share with teammates…' }));
    const dialog = screen.getByRole('dialog', { name: 'Share Globex Mesh with teammates' });
    const address = within(dialog).getByLabelText('Address of the team’s private repository') as HTMLInputElement;
    fireEvent.change(address, { target: { value: 'https://github.com/cncf/globex.git' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Share' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/CNCF organization/);
    expect(address.value).toBe('https://github.com/cncf/globex.git');
    expect((within(dialog).getByRole('button', { name: 'Share' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('Sync is disabled while it runs, says a failure in words, and shows the report of the next one', async () => {
    let finish: (outcome: { value?: SyncReport; error?: Error }) => void = () => {};
    const calls = stubDesk({
      shareStatus: async () => [row()],
      syncProject: () =>
        new Promise((resolve, reject) => {
          finish = ({ value, error }) => (error ? reject(error) : resolve(value));
        }),
    });
    render(<TeamCard projectId={1} projectName="Globex Mesh" />);
    expect((await screen.findByTestId('team-line')).textContent).toBe('Synced 09:12');
    fireEvent.click(screen.getByRole('button', { name: 'Sync' }));
    const running = await screen.findByRole('button', { name: 'Syncing…' });
    expect((running as HTMLButtonElement).disabled).toBe(true);
    finish({ error: new Error('The team’s repository could not be reached.') });
    expect((await screen.findByRole('alert')).textContent).toBe('The Sync did not finish: The team’s repository could not be reached.');
    expect(screen.queryByTestId('sync-report')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Sync' }));
    await screen.findByRole('button', { name: 'Syncing…' });
    finish({ value: report });
    expect((await screen.findByTestId('sync-report')).textContent).toContain('2 records arrived from Ben.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(calls.filter((c) => c.name === 'syncProject')).toEqual([
      { name: 'syncProject', input: { projectId: 1 } },
      { name: 'syncProject', input: { projectId: 1 } },
    ]);
  });

  it('lists what waits for the reviewer with no fresh report, and Acknowledge sends that change’s id', async () => {
    let pending = [{ id: 7, adopterNumber: 2, what: 'Ben turned off anonymity of Adopter 2', by: 'Ben', at: '2026-12-03T09:00:00.000Z' }];
    const calls = stubDesk({
      shareStatus: async () => [row({ toAcknowledge: pending, line: 'Synced 09:12 · 1 to review' })],
      acknowledgeSync: async () => {
        pending = [];
        return [];
      },
    });
    render(<TeamCard projectId={1} projectName="Globex Mesh" />);
    const waiting = await screen.findByRole('region', { name: 'Waiting for you' });
    expect(waiting.textContent).toContain('Ben turned off anonymity of Adopter 2.');
    expect(waiting.textContent).toContain('Public exports wait');
    fireEvent.click(within(waiting).getByRole('button', { name: 'Acknowledge' }));
    await waitFor(() => expect(calls.some((c) => c.name === 'acknowledgeSync')).toBe(true));
    expect(calls.find((c) => c.name === 'acknowledgeSync')?.input).toEqual({ projectId: 1, ids: [7] });
  });

  it('shows the last Sync’s report again when the reviewer comes back to the project', async () => {
    stubDesk({ shareStatus: async () => [row({ lastReport: report })] });
    render(<TeamCard projectId={1} projectName="Globex Mesh" />);
    await waitFor(() => expect(document.body.textContent).toContain('2 records arrived from Ben.'));
  });
});
