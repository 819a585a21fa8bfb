import { APPLICATION_ID } from '../identity';
import type { Migration } from './types';

/**
 * Marks the file as an Adoption Desk store in SQLite's own header (`PRAGMA application_id`,
 * offset 68), so opening recognises its own store by one number and refuses another
 * application's database before touching it (db/identity.ts). Stores written before this
 * step were recognised by their schema; this stamps them. It writes no table.
 */
export const applicationId: Migration = {
  version: 10,
  name: 'application id',
  up(db) {
    db.pragma(`application_id = ${APPLICATION_ID}`);
  },
};
