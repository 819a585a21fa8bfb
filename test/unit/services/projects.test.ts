import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../services/dispatch';
import { freshDesk } from '../../helpers/desk';

describe('project operations', () => {
  it('creates, lists by name, renames and deletes', async () => {
    const { services } = freshDesk();
    const globex = await services.createProject({ name: 'Globex Mesh', level: 'incubation' });
    await services.createProject({ name: 'Acme Tracing', level: 'graduation', slug: 'acme' });
    expect(globex).toMatchObject({ name: 'Globex Mesh', slug: 'globex-mesh', level: 'incubation', version: 1 });
    expect((await services.listProjects({})).map((p) => p.slug)).toEqual(['acme', 'globex-mesh']);

    const renamed = await services.updateProject({ id: globex.id, name: 'Globex Service Mesh', version: 1 });
    expect(renamed).toMatchObject({ name: 'Globex Service Mesh', slug: 'globex-mesh', version: 2 });

    await services.deleteProject({ id: globex.id });
    expect((await services.listProjects({})).map((p) => p.slug)).toEqual(['acme']);
  });

  it('refuses a stale rename with CONFLICT instead of overwriting the newer name', async () => {
    const { services } = freshDesk();
    const p = await services.createProject({ name: 'Globex Mesh', level: 'incubation' });
    await dispatch(services, 'updateProject', { id: p.id, name: 'From the CLI', version: 1 });
    const stale = await dispatch(services, 'updateProject', { id: p.id, name: 'From the window', version: 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await services.listProjects({}))[0]?.name).toBe('From the CLI');
  });

  it('refuses a duplicate slug and an unknown project in plain words', async () => {
    const { services } = freshDesk();
    await services.createProject({ name: 'Globex Mesh', level: 'incubation' });
    const dup = await dispatch(services, 'createProject', { name: 'Globex  Mesh!', level: 'graduation' });
    expect(dup).toEqual({
      ok: false,
      error: { code: 'DUPLICATE', message: 'A project with the slug "globex-mesh" already exists; choose another slug.' },
    });
    const missing = await dispatch(services, 'deleteProject', { id: 999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a name that makes no slug', async () => {
    const { services } = freshDesk();
    const result = await dispatch(services, 'createProject', { name: '***', level: 'incubation' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
