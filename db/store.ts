import type Database from 'better-sqlite3';
import { systemClock, type Clock } from './clock';
import { openDatabase, type OpenOptions } from './open';
import { createProjectRepository } from './repositories/projects';

/** The open database and one repository per entity, sharing one connection. */
export interface Store {
  file: string;
  db: Database.Database;
  projects: ReturnType<typeof createProjectRepository>;
  close(): void;
}

export function openStore(file: string, options: OpenOptions & { clock?: Clock } = {}): Store {
  const db = openDatabase(file, options);
  const clock = options.clock ?? systemClock;
  return {
    file,
    db,
    projects: createProjectRepository(db, clock),
    close: () => {
      if (db.open) db.close();
    },
  };
}
