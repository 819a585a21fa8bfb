// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeSummary } from '../../../domain/history';
import type { DeskApi } from '../../../services/contract';
import { UndoControls } from '../../../renderer/src/components/undo/UndoControls';
import { RefreshProvider } from '../../../renderer/src/hooks/refresh';
import { SaveStatusProvider } from '../../../renderer/src/hooks/saveStatus';
import { ToastProvider } from '../../../renderer/src/hooks/toast';

/**
 * Undoing a Sync takes teammates' work out of this copy and sends the revert to them: the Undo
 * button (and Ctrl+Z) asks first, naming who it came from; any other change is undone at once.
 */
const change = (over: Partial<ChangeSummary>): ChangeSummary => ({ id: 9, label: 'Edit summary', target: 'Adopter 1, Globex Mesh', at: '2026-12-03T09:00:00.000Z', projectId: 1, syncedFrom: null, ...over });

function stubDesk(undo: ChangeSummary) {
  const calls: string[] = [];
  window.desk = new Proxy({} as DeskApi, {
    get: (_, name: string) => async () => {
      calls.push(name);
      if (name === 'undoState') return { ok: true, value: { undo, redo: null } };
      if (name === 'undo') return { ok: true, value: { ...undo } };
      return { ok: true, value: null };
    },
  });
  return calls;
}

const show = () =>
  render(
    <RefreshProvider>
      <SaveStatusProvider>
        <ToastProvider>
          <UndoControls route={{ name: 'project', projectId: 1, tab: 'pipeline' }} />
        </ToastProvider>
      </SaveStatusProvider>
    </RefreshProvider>,
  );

afterEach(cleanup);

describe('undoing a Sync', () => {
  it('asks first, naming the teammates, and undoes only when confirmed', async () => {
    const calls = stubDesk(change({ label: 'Sync with the team: 2 records from Ana, Ben', target: 'Globex Mesh', syncedFrom: ['Ana', 'Ben'] }));
    show();
    const undo = await screen.findByRole('button', { name: /^Undo: Sync with the team/ });
    fireEvent.click(undo);
    const dialog = await screen.findByRole('dialog', { name: 'Undo the Sync?' });
    expect(dialog.textContent).toContain('what the Sync brought from Ana and Ben out of your copy');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls).not.toContain('undo');

    fireEvent.click(undo);
    fireEvent.click(await screen.findByRole('button', { name: 'Undo the Sync' }));
    await waitFor(() => expect(calls).toContain('undo'));
  });

  it('undoes any other change at once', async () => {
    const calls = stubDesk(change({}));
    show();
    fireEvent.click(await screen.findByRole('button', { name: /^Undo: Edit summary/ }));
    await waitFor(() => expect(calls).toContain('undo'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
