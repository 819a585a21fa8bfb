import path from 'node:path';
import { openDesk } from '../../services/desk';
import { seedGlobexMesh } from './seed';
import { tempDir } from './temp-dir';

/** A database file in a temporary folder holding the Globex Mesh DD, with the desk still open. */
export async function seededDatabase() {
  const dir = tempDir();
  const db = path.join(dir, 'dd.sqlite');
  const desk = openDesk(db);
  const seed = await seedGlobexMesh(desk.services);
  return { dir, db, desk, seed };
}
