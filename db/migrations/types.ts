import type Database from 'better-sqlite3';

/** One step of the schema's history. Steps are never edited once released: add a new one. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
