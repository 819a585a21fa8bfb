// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { applyDatePreferences } from '../../../renderer/src/hooks/dates';
import { WarningList } from '../../../renderer/src/screens/guard/WarningList';
import type { Warning } from '../../../templates/adoption/warnings';

afterEach(() => {
  cleanup();
  applyDatePreferences({ dateFormat: 'system', typedDateOrder: 'ask' });
});

it('a warning written with a stored date reads it in the format of Settings, its Dismiss too', () => {
  applyDatePreferences({ dateFormat: 'day-month-year', typedDateOrder: 'ask' });
  const warning = { code: 'EDITED_AFTER_APPROVAL', adopterNumber: 4, key: 'k', message: "Adopter 4's summary was edited after the adopter approved it on 2024-09-25; send it again." } as Warning;
  render(<WarningList warnings={[warning]} projectId={1} />);
  expect(screen.getByTestId('warning').textContent).toContain('approved it on 25 Sep 2024; send it again.');
  expect(screen.getByRole('button', { name: "Dismiss for Adopter 4: Adopter 4's summary was edited after the adopter approved it on 25 Sep 2024; send it again." })).toBeTruthy();
});
