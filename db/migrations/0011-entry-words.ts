import type { Migration } from './types';

/**
 * An entry's own words, kept apart from the records several projects share.
 *
 * `participant.role`: an interviewee's role as the interview recorded it. A person's role lives on the person,
 * who may take part in the DDs of several projects; a DD document imported as written says
 * "Ada Example, Platform Lead" whatever another project recorded for her since. NULL (every
 * existing row): the person's own role, as before.
 *
 * `adopter.named_label`: the label a named adopter's entry prints instead of
 * "Organization/Industry" (an imported DD's "Globex - financial services"); NULL: as before.
 */
export const entryWords: Migration = {
  version: 11,
  name: 'entry words',
  up(db) {
    db.exec(`
      ALTER TABLE participant ADD COLUMN role TEXT;
      ALTER TABLE adopter ADD COLUMN named_label TEXT;
    `);
  },
};
