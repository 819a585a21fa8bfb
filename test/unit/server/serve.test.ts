import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../domain/errors';
import { serve, sharingRefusedMessage } from '../../../server/serve';
import { acquireInstanceLock } from '../../../services/instance-lock';
import { rawRequest } from '../../helpers/raw-http';
import { seedGlobexMesh } from '../../helpers/seed';
import { tempDir } from '../../helpers/temp-dir';
import { APP_HTML } from './server-fixture';

function renderer(): string {
  const dir = path.join(tempDir(), 'renderer');
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), APP_HTML);
  return dir;
}

async function refusal(promise: Promise<unknown>): Promise<DeskError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('adoption-desk serve, as a module', () => {
  it('serves on 127.0.0.1 and records itself in the lock beside the database', async () => {
    const databaseFile = path.join(tempDir(), 'adoption-desk.sqlite');
    const serving = await serve({ databaseFile, rendererDir: renderer() });
    expect(serving.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${serving.port}/#key=[A-Za-z0-9_-]{43}$`));
    expect(serving.sharedUrls).toEqual([]);
    expect(JSON.parse(fs.readFileSync(`${databaseFile}.lock`, 'utf8'))).toMatchObject({ program: 'serve', pid: process.pid, url: `${serving.origin}/` });
    expect((await rawRequest(serving.port, { path: '/' })).status).toBe(200);
    await serving.close();
  });

  it('a second serve, or serve beside the desktop app, on the same data is refused with the running one named', async () => {
    const databaseFile = path.join(tempDir(), 'adoption-desk.sqlite');
    const first = await serve({ databaseFile, rendererDir: renderer() });
    const second = await refusal(serve({ databaseFile, rendererDir: renderer() }));
    expect(second.code).toBe('ALREADY_OPEN');
    expect(second.message).toContain(`served by \`adoption-desk serve\` (process ${process.pid}`);
    expect(second.message).toContain(`at ${first.origin}/`);
    await first.close();

    const app = acquireInstanceLock(databaseFile, { program: 'desktop app' });
    expect((await refusal(serve({ databaseFile, rendererDir: renderer() }))).message).toMatch(/^This data is already open in the Adoption Desk window/);
    app.release();
  });

  it('stopping indexes what search still misses, checkpoints the log into the file, closes it and frees the data', async () => {
    const databaseFile = path.join(tempDir(), 'adoption-desk.sqlite');
    const serving = await serve({ databaseFile, rendererDir: renderer() });
    await seedGlobexMesh(serving.desk.services);
    expect(fs.statSync(`${databaseFile}-wal`).size).toBeGreaterThan(0);
    const closed = await serving.close();
    expect(closed.indexed).toBeGreaterThan(0);
    expect(closed.checkpointed).toBe(true);
    expect(await serving.close()).toBe(closed);
    expect(fs.existsSync(`${databaseFile}-wal`) ? fs.statSync(`${databaseFile}-wal`).size : 0).toBe(0);
    expect(fs.existsSync(`${databaseFile}.lock`)).toBe(false);
    // The port is free again: nothing listens.
    await expect(rawRequest(serving.port, { path: '/' })).rejects.toThrow(/ECONNREFUSED/);
    const again = await serve({ databaseFile, rendererDir: renderer() });
    expect((await again.desk.services.listProjects({})).map((p) => p.name)).toEqual(['Globex Mesh']);
    await again.close();
  });

  it('answers before the day’s automatic backup is written, then writes it; stopping meanwhile leaves no half file', async () => {
    const databaseFile = path.join(tempDir(), 'adoption-desk.sqlite');
    const first = await serve({ databaseFile, rendererDir: renderer() });
    await seedGlobexMesh(first.desk.services);
    // A new store has nothing to back up yet.
    expect((await first.dailyBackup).created).toBeNull();
    await first.close();

    const serving = await serve({ databaseFile, rendererDir: renderer() });
    const folder = path.join(path.dirname(databaseFile), 'backups');
    const dailies = () => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.endsWith('-daily.sqlite')) : []);
    expect((await rawRequest(serving.port, { path: '/' })).status).toBe(200);
    const outcome = await serving.dailyBackup;
    expect(outcome.warning).toBeNull();
    expect(dailies()).toEqual([path.basename(outcome.created!.file)]);
    await serving.close();

    // Stopped at once: whichever step the backup had reached, it is finished or gone, never half there.
    fs.rmSync(folder, { recursive: true });
    const again = await serve({ databaseFile, rendererDir: renderer() });
    await again.close();
    const stopped = await again.dailyBackup;
    expect(fs.existsSync(folder) ? fs.readdirSync(folder) : []).toEqual(stopped.created ? [path.basename(stopped.created.file)] : []);
  });

  it('refuses to listen beyond this computer unless the reviewer says they understand', async () => {
    const databaseFile = path.join(tempDir(), 'adoption-desk.sqlite');
    const error = await refusal(serve({ databaseFile, rendererDir: renderer(), host: '0.0.0.0' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe(sharingRefusedMessage('0.0.0.0'));
    expect(error.message).toContain('the names of anonymous adopters');
    expect(error.message).toContain('--i-understand-this-shares-my-data');
    expect(fs.existsSync(`${databaseFile}.lock`)).toBe(false);
    expect(fs.existsSync(databaseFile)).toBe(false);

    const shared = await serve({ databaseFile, rendererDir: renderer(), host: '0.0.0.0', shareBeyondThisComputer: true });
    expect(shared.url.startsWith(`http://127.0.0.1:${shared.port}/#key=`)).toBe(true);
    expect(shared.sharedUrls.length).toBeGreaterThan(0);
    await shared.close();
  });

  it('says plainly when the port is taken, and leaves no lock behind', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const databaseFile = path.join(tempDir(), 'adoption-desk.sqlite');
    const error = await refusal(serve({ databaseFile, rendererDir: renderer(), port }));
    expect(error.message).toBe(`Another program already listens on port ${port} of 127.0.0.1. Choose another with --port, or leave --port out to take any free one.`);
    expect(fs.existsSync(`${databaseFile}.lock`)).toBe(false);
    blocker.close();
  });

  it('needs the built renderer', async () => {
    const error = await refusal(serve({ databaseFile: path.join(tempDir(), 'a.sqlite'), rendererDir: '' }));
    expect(error.code).toBe('IO_ERROR');
    expect(error.message).toBe('Adoption Desk is not built: out/renderer is missing. Run npm run build.');
  });
});
