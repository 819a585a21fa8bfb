import { describe, expect, it, vi } from 'vitest';
import { LEAVE, LEAVE_QUESTION, askBeforeLeavingUnsaved, type LeaveGuardedContents } from '../../../electron/leave-guard';
import { FakeWebContents, fire } from '../../helpers/fake-electron';

describe('closing a window with an unsaved edit', () => {
  it('asks, and lets the page unload only when the reviewer chooses to leave', () => {
    const contents = new FakeWebContents();
    const ask = vi.fn(() => LEAVE);
    askBeforeLeavingUnsaved(contents as unknown as LeaveGuardedContents, ask);
    expect(fire(contents, 'will-prevent-unload').prevented).toBe(true);
    ask.mockReturnValue(0);
    expect(fire(contents, 'will-prevent-unload').prevented).toBe(false);
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('stays by default: Enter and Escape both keep the window and the edit', () => {
    expect(LEAVE_QUESTION.buttons![LEAVE]).toBe('Leave without saving');
    expect(LEAVE_QUESTION.defaultId).not.toBe(LEAVE);
    expect(LEAVE_QUESTION.cancelId).not.toBe(LEAVE);
  });
});
