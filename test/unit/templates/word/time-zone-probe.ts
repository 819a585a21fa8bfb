// Run by time-zones.test.ts, bundled, in a child process per time zone (TZ set in its
// environment), with the notes' last edit as its argument: exports the four documents
// and prints, as JSON, the UTC offset the process ran at, each document's SHA-256 and
// the zip stamp of the notes.
import { createHash } from 'node:crypto';
import { dossierDocx } from '../../../../templates/word/dossier-docx';
import { notesDocx } from '../../../../templates/word/notes-docx';
import { publishAdoptionDocx } from '../../../../templates/word/publish-docx';
import { reviewDocx } from '../../../../templates/word/review-docx';
import { goldenPublication } from '../../../fixtures/publication';
import { dossierData, notesData } from './document-fixtures';
import { zipEntryHeaders } from './docx-inspect';

async function main(edited: string): Promise<void> {
  const a4 = { authorName: '', pageSize: 'a4' as const };
  const notes = (await notesDocx(notesData([{ questionKey: 'q1', text: 'Two years.', updatedAt: edited }]), a4)).bytes;
  const documents = {
    adoption: (await publishAdoptionDocx(goldenPublication(), {}, a4)).bytes,
    review: (await reviewDocx(goldenPublication(), 1, a4)).bytes,
    dossier: (await dossierDocx(dossierData(), a4)).bytes,
    notes,
  };
  const sha = Object.fromEntries(Object.entries(documents).map(([name, bytes]) => [name, createHash('sha256').update(bytes).digest('hex')]));
  const { date, time } = zipEntryHeaders(notes)[0]!;
  process.stdout.write(
    JSON.stringify({
      offsetMinutes: new Date(edited).getTimezoneOffset(),
      sha,
      notesStamp: { date, time },
    }),
  );
}

void main(process.argv[2]!);
