// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskCallError } from '../../../renderer/src/client';
import { AutosaveField } from '../../../renderer/src/components/AutosaveField';
import { UnsavedEdits } from '../../../renderer/src/components/UnsavedEdits';
import { SaveStatusLine, SaveStatusProvider } from '../../../renderer/src/hooks/saveStatus';
import { ToastProvider } from '../../../renderer/src/hooks/toast';

afterEach(cleanup);

/**
 * A field that the reviewer leaves (it unmounts) right after typing, before its autosave
 * delay: what happens to the edit is the save-status provider's job.
 */
function Screen({ save, retryMs }: { save: (text: string) => Promise<void>; retryMs?: number }) {
  const [open, setOpen] = useState(true);
  return (
    <SaveStatusProvider retryMs={retryMs}>
      <ToastProvider>
        <SaveStatusLine />
        <UnsavedEdits />
        {open && <AutosaveField label="Raw notes" initial="" save={save} />}
        <button type="button" onClick={() => setOpen(false)}>
          Leave
        </button>
      </ToastProvider>
    </SaveStatusProvider>
  );
}

/** A save whose first call is held until `release()`; later calls store at once. */
function firstSaveHeld() {
  const stored: string[] = [];
  let held: (() => void) | null = null;
  let calls = 0;
  const save = (text: string) => {
    calls += 1;
    if (calls === 1) return new Promise<void>((resolve) => (held = () => (stored.push(text), resolve())));
    stored.push(text);
    return Promise.resolve();
  };
  return { save, stored, release: () => held?.() };
}

const unreachable = () => new DeskCallError('UNREACHABLE', 'Adoption Desk could not reach its data store, so nothing was saved.');
const status = () => screen.getByTestId('save-status').textContent;

describe('the save line', () => {
  it('says nothing until something is edited, then "Saved" only once it is stored', async () => {
    const { save, stored, release } = firstSaveHeld();
    render(<Screen save={save} />);
    expect(status()).toBe('');
    const field = screen.getByLabelText('Raw notes');
    fireEvent.change(field, { target: { value: 'First words.' } });
    fireEvent.blur(field);
    await waitFor(() => expect(status()).toBe('Saving…'));
    await act(async () => release());
    await waitFor(() => expect(status()).toBe('Saved'));
    expect(stored).toEqual(['First words.']);
  });
});

describe('an edit whose field leaves the screen before it is saved', () => {
  it('is saved anyway, and the status line waits for it', async () => {
    const stored: string[] = [];
    let release: () => void = () => {};
    const save = (text: string) => new Promise<void>((resolve) => (release = () => (stored.push(text), resolve())));
    render(<Screen save={save} />);
    fireEvent.change(screen.getByLabelText('Raw notes'), { target: { value: 'Typed, then left at once.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    expect(screen.queryByLabelText('Raw notes')).toBeNull();
    await waitFor(() => expect(status()).toBe('Saving…'));
    await act(async () => release());
    await waitFor(() => expect(status()).toBe('Saved'));
    expect(stored).toEqual(['Typed, then left at once.']);
    expect(screen.queryByTestId('unsaved-edits')).toBeNull();
  });

  it('says so app-wide when it fails, keeps the text, and saves it on "Try again"', async () => {
    const stored: string[] = [];
    let failing = true;
    const save = async (text: string) => {
      if (failing) throw unreachable();
      stored.push(text);
    };
    render(<Screen save={save} />);
    fireEvent.change(screen.getByLabelText('Raw notes'), { target: { value: 'Typed during the outage.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    const banner = await screen.findByTestId('unsaved-edits');
    expect(banner.textContent).toContain('Your edit to Raw notes was not saved: Adoption Desk could not reach its data store');
    expect(status()).toMatch(/^Not saved: /);
    failing = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByTestId('unsaved-edits')).toBeNull());
    expect(stored).toEqual(['Typed during the outage.']);
    expect(status()).toBe('Saved');
  });

  it('waits for a save already running, then saves only what came after it', async () => {
    const { save, stored, release } = firstSaveHeld();
    render(<Screen save={save} />);
    const field = screen.getByLabelText('Raw notes');
    fireEvent.change(field, { target: { value: 'First part.' } });
    fireEvent.blur(field); // saves now: the first save is running…
    fireEvent.change(field, { target: { value: 'First part. Second part.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Leave' })); // …when the field leaves
    await act(async () => release());
    await waitFor(() => expect(status()).toBe('Saved'));
    expect(stored).toEqual(['First part.', 'First part. Second part.']);
  });

  it('is saved again when a running save stored text the field no longer showed (typed, then undone)', async () => {
    const { save, stored, release } = firstSaveHeld();
    render(<Screen save={save} />);
    const field = screen.getByLabelText('Raw notes');
    fireEvent.change(field, { target: { value: 'A typo' } });
    fireEvent.blur(field); // the save of "A typo" is running…
    fireEvent.change(field, { target: { value: '' } }); // …when it is undone, back to what was saved before
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    await act(async () => release());
    await waitFor(() => expect(status()).toBe('Saved'));
    expect(stored).toEqual(['A typo', '']);
  });

  it('stays on screen while it is retried, so what the reviewer was doing in it is not lost', async () => {
    let attempts = 0;
    const save = async () => {
      attempts += 1;
      throw unreachable();
    };
    render(<Screen save={save} retryMs={20} />);
    fireEvent.change(screen.getByLabelText('Raw notes'), { target: { value: 'Typed during the outage.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    await screen.findByTestId('unsaved-edits');
    const tried = attempts;
    await waitFor(() => expect(attempts).toBeGreaterThan(tried + 2));
    expect(screen.getByText(/Your edit to/).textContent).toContain('Raw notes');
    expect(status()).toMatch(/^Not saved: /);
    await waitFor(() => expect((screen.getByRole('button', { name: 'Discard' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(screen.queryByTestId('unsaved-edits')).toBeNull());
    // Discarded: no longer tried.
    const stopped = attempts;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(attempts).toBe(stopped);
  });

  it('lets Try again and Discard wait while a save of it runs (it may still get through), Copy not', async () => {
    let calls = 0;
    let release: () => void = () => {};
    const stored: string[] = [];
    const save = (text: string) => {
      calls += 1;
      if (calls === 1) return Promise.reject(unreachable());
      return new Promise<void>((resolve) => (release = () => (stored.push(text), resolve())));
    };
    render(<Screen save={save} retryMs={60_000} />);
    fireEvent.change(screen.getByLabelText('Raw notes'), { target: { value: 'Typed during the outage.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    await screen.findByTestId('unsaved-edits');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Discard' }) as HTMLButtonElement).disabled).toBe(true));
    expect((screen.getByRole('button', { name: 'Try again' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Copy the text' }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByText('Trying again…')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' })); // disabled: no second save
    await act(async () => release());
    await waitFor(() => expect(screen.queryByTestId('unsaved-edits')).toBeNull());
    expect(stored).toEqual(['Typed during the outage.']);
    expect(calls).toBe(2);
    expect(status()).toBe('Saved');
  });

  it('is dropped at once, named in a toast whose Undo brings it back; a refusal is not retried', async () => {
    let attempts = 0;
    const save = async () => {
      attempts += 1;
      throw new DeskCallError('CONFLICT', 'Someone else changed these notes meanwhile.');
    };
    render(<Screen save={save} />);
    fireEvent.change(screen.getByLabelText('Raw notes'), { target: { value: 'Mine.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    await screen.findByTestId('unsaved-edits');
    expect(attempts).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(screen.queryByTestId('unsaved-edits')).toBeNull());
    expect(status()).toBe('Saved');
    expect(attempts).toBe(1);
    const toast = screen.getByTestId('toast');
    expect(toast.textContent).toContain('Discarded your unsaved edit to Raw notes: “Mine.”');
    expect(toast.getAttribute('role')).toBe('status');

    // Undo: the edit is back where it was, with its text, and tried once more.
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByTestId('unsaved-edits');
    expect(screen.getByText(/Your edit to/).textContent).toContain('Someone else changed these notes meanwhile.');
    expect(attempts).toBe(2);
    expect(status()).toMatch(/^Not saved: /);
  });
});
