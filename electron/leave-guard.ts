import type { Event, MessageBoxSyncOptions, WebContents } from 'electron';

/** The parts of WebContents the guard touches, so tests can pass a fake. */
export type LeaveGuardedContents = Pick<WebContents, 'on'>;

export const LEAVE_QUESTION: MessageBoxSyncOptions = {
  type: 'question',
  buttons: ['Stay', 'Leave without saving'],
  defaultId: 0,
  cancelId: 0,
  title: 'Adoption Desk',
  message: 'An edit is not saved yet.',
  detail: 'Adoption Desk is still saving it, or could not save it. If you leave now, it may be lost.',
};

/** The button of LEAVE_QUESTION that leaves. */
export const LEAVE = 1;

/**
 * The renderer refuses to unload while an edit is unsaved (a `beforeunload` it prevents:
 * renderer/src/platform.ts). A browser then asks the reviewer itself; Electron asks no one and
 * keeps the window open, so the app asks here. For this event, preventDefault() means "unload
 * anyway".
 */
export function askBeforeLeavingUnsaved(contents: LeaveGuardedContents, ask: () => number): void {
  contents.on('will-prevent-unload', (event: Event) => {
    if (ask() === LEAVE) event.preventDefault();
  });
}
