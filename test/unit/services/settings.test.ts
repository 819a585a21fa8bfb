import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../services/dispatch';
import { openDesk } from '../../../services/desk';
import { freshDesk } from '../../helpers/desk';

describe('settings', () => {
  it('start at their defaults: no author, A4, the system theme', async () => {
    const { services } = freshDesk();
    expect(await services.getSettings({})).toEqual({ authorName: '', pageSize: 'a4', theme: 'system', dateFormat: 'system', typedDateOrder: 'ask' });
  });

  it('change one at a time, keep the others, and survive reopening the store', async () => {
    const { services, file, store } = freshDesk();
    expect(await services.updateSettings({ authorName: '  Rae Reviewer ' })).toEqual({ authorName: 'Rae Reviewer', pageSize: 'a4', theme: 'system', dateFormat: 'system', typedDateOrder: 'ask' });
    expect(await services.updateSettings({ pageSize: 'letter', theme: 'dark' })).toEqual({ authorName: 'Rae Reviewer', pageSize: 'letter', theme: 'dark', dateFormat: 'system', typedDateOrder: 'ask' });
    expect(await services.updateSettings({ authorName: '' })).toEqual({ authorName: '', pageSize: 'letter', theme: 'dark', dateFormat: 'system', typedDateOrder: 'ask' });
    expect(store.db.prepare('SELECT key, value FROM setting ORDER BY key').all()).toEqual([
      { key: 'authorName', value: '""' },
      { key: 'pageSize', value: '"letter"' },
      { key: 'theme', value: '"dark"' },
    ]);
    store.close();
    const again = openDesk(file);
    try {
      expect(await again.services.getSettings({})).toEqual({ authorName: '', pageSize: 'letter', theme: 'dark', dateFormat: 'system', typedDateOrder: 'ask' });
    } finally {
      again.close();
    }
  });

  it('refuse unknown names and bad values before anything is written', async () => {
    const { services } = freshDesk();
    for (const input of [
      { pageSize: 'a5' },
      { theme: 'blue' },
      { authorName: 'Two\nLines' },
      { authorName: 'x'.repeat(201) },
      { authorName: 42 },
      { language: 'fr' },
    ]) {
      expect(await dispatch(services, 'updateSettings', input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await services.getSettings({})).toEqual({ authorName: '', pageSize: 'a4', theme: 'system', dateFormat: 'system', typedDateOrder: 'ask' });
  });

  it('a stored value that no longer makes sense reads as the default instead of breaking the app', async () => {
    const { services, store } = freshDesk();
    await services.updateSettings({ pageSize: 'letter', theme: 'light' });
    store.db.prepare("UPDATE setting SET value = '\"tabloid\"' WHERE key = 'pageSize'").run();
    store.db.prepare("UPDATE setting SET value = 'not json' WHERE key = 'theme'").run();
    store.db.prepare("INSERT INTO setting (key, value, updated_at) VALUES ('retired', '1', '2024-01-01T00:00:00.000Z')").run();
    expect(await services.getSettings({})).toEqual({ authorName: '', pageSize: 'a4', theme: 'system', dateFormat: 'system', typedDateOrder: 'ask' });
  });

  it('keep how dates are shown and how a typed 3/6/2025 is read, refusing other choices in words', async () => {
    const { services } = freshDesk();
    expect(await services.updateSettings({ dateFormat: 'month-day-year', typedDateOrder: 'day-first' })).toMatchObject({ dateFormat: 'month-day-year', typedDateOrder: 'day-first' });
    expect(await dispatch(services, 'updateSettings', { dateFormat: 'dd/mm/yyyy' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('The date format is') } });
    expect(await dispatch(services, 'updateSettings', { typedDateOrder: 'year-first' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('The order of typed dates is') } });
    expect(await services.getSettings({})).toMatchObject({ dateFormat: 'month-day-year', typedDateOrder: 'day-first' });
  });

  it('are not a step of undo: undo is for the DD’s data', async () => {
    const { services } = freshDesk();
    await services.updateSettings({ theme: 'dark' });
    expect(await dispatch(services, 'undo', {})).toMatchObject({ ok: false, error: { code: 'NOTHING_TO_UNDO' } });
    expect((await services.getSettings({})).theme).toBe('dark');
  });
});
