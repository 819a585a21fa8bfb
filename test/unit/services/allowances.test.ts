import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../services/dispatch';
import { freshDesk } from '../../helpers/desk';
import { seedGlobexMesh } from '../../helpers/seed';

describe('allowances', () => {
  it('a note can be written later, against the version read (the service the app calls)', async () => {
    const { services } = freshDesk();
    const seed = await seedGlobexMesh(services);
    const added = await services.addAllowance({ adopterId: seed.adopters[1]!.adopter.id, term: 'payment' });
    const noted = await services.noteAllowance({ id: added.id, version: added.version, note: 'the word, not the product' });
    expect(noted).toMatchObject({ note: 'the word, not the product', version: added.version + 1 });
    expect(await dispatch(services, 'noteAllowance', { id: added.id, version: added.version, note: 'stale' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('withdrawing returns what was withdrawn, and undo puts it back', async () => {
    const { services } = freshDesk();
    const seed = await seedGlobexMesh(services);
    const adopterId = seed.adopters[1]!.adopter.id;
    const added = await services.addAllowance({ adopterId, term: 'payment', note: 'the word' });
    expect(await services.removeAllowance({ id: added.id })).toMatchObject({ id: added.id, term: 'payment', entryNumber: 2, note: 'the word' });
    expect(await services.listAllowances({ adopterId })).toEqual([]);
    expect((await services.undo({ projectId: seed.project.id })).label).toBe('Remove an allowance');
    expect(await services.listAllowances({ adopterId })).toEqual([expect.objectContaining({ id: added.id, term: 'payment' })]);
  });
});
