import { DeskError } from '../../domain/errors';
import type { ArchiveInput } from '../import/archive-format';
import type { ShareFields } from './format-schema';
import { recordId, type ShareKind, type ShareRecord, type ShareSnapshot, type ShareValue } from './records';

/**
 * A project archive (what services/archive-export.ts `buildArchive` returns) as the records
 * of a shared project: one record per project, organization, person, adopter, allowance,
 * dismissal, interview, participant, answer and quote, nested lists taken out and replaced by
 * links by uid. Archive keys are for matching records without uids and for links inside one
 * file; they do not travel, uids do. Records come in the archive's order, so
 * snapshotToArchive gives the same archive back (templates/share/format-order.ts).
 */
export function archiveToSnapshot(archive: ArchiveInput): ShareSnapshot {
  const out = new Map<string, ShareRecord>();
  const add = <K extends ShareKind & keyof ShareFields>(kind: K, uid: string | undefined, what: string, fields: ShareFields[K]) => {
    if (uid === undefined) {
      throw new DeskError(
        'VALIDATION',
        `${what} has no stable id: the archive was written before records carried one (archive version 1), and a shared project names every record by it. Import the archive, then share the project.`,
      );
    }
    const id = recordId(kind, uid);
    if (out.has(id)) throw new DeskError('VALIDATION', `${what} has the same stable id as another record of the archive; each record needs its own.`);
    out.set(id, { kind, uid, fields: withoutUndefined(fields) });
  };
  const uidsOf = (records: readonly { key: string; uid?: string | undefined }[]) => new Map(records.map((r) => [r.key, r.uid]));
  const organizationUid = uidsOf(archive.organizations);
  const personUid = uidsOf(archive.people);
  const linked = (uids: Map<string, string | undefined>, key: string, what: string): string => {
    const uid = uids.get(key);
    if (uid === undefined) throw new DeskError('VALIDATION', `${what} names a record the archive does not hold or that has no stable id ("${key}").`);
    return uid;
  };

  const { key: _projectKey, uid: projectUid, ...project } = archive.project;
  add('project', projectUid, 'The project', project);
  for (const { key: _key, uid, ...organization } of archive.organizations) add('organization', uid, `Organization "${organization.name}"`, organization);
  for (const { key: _key, uid, organization, ...person } of archive.people) {
    const what = `Person "${person.name}"`;
    add('person', uid, what, { ...person, organizationUid: organization === null ? null : linked(organizationUid, organization, `${what}'s organization`) });
  }
  for (const a of archive.adopters) {
    const { key: _key, uid: adopterUid, organization, allowances, dismissals, interviews, namedLabel, ...adopter } = a;
    const what = `Adopter ${a.number}`;
    add('adopter', adopterUid, what, { ...adopter, namedLabel: namedLabel ?? null, organizationUid: linked(organizationUid, organization, `${what}'s organization`) });
    const parent = { adopterUid: adopterUid! };
    for (const { uid, ...allowance } of allowances) add('allowance', uid, `${what}'s allowance of "${allowance.term}"`, { ...allowance, ...parent });
    for (const { uid, ...dismissal } of dismissals ?? []) add('dismissal', uid, `${what}'s dismissed warning`, { ...dismissal, ...parent });
    for (const iv of interviews) {
      const { key: _ivKey, uid: interviewUid, participants, answers, quotes, ...interview } = iv;
      const ivWhat = `${what}'s interview of ${iv.date ?? iv.month ?? 'no date'}`;
      add('interview', interviewUid, ivWhat, { ...interview, ...parent });
      const inInterview = { interviewUid: interviewUid! };
      for (const { uid, person, role, ...participant } of participants) {
        add('participant', uid, `An interviewee of ${ivWhat}`, { ...participant, role: role ?? null, ...inInterview, personUid: linked(personUid, person, `An interviewee of ${ivWhat}`) });
      }
      for (const { uid, ...answer } of answers) add('answer', uid, `The notes of question ${answer.questionKey} in ${ivWhat}`, { ...answer, ...inInterview });
      for (const { key: _qKey, uid, speaker, ...quote } of quotes) {
        const qWhat = `A quote of ${ivWhat}`;
        add('quote', uid, qWhat, { ...quote, ...inInterview, speakerUid: speaker === null ? null : linked(personUid, speaker, `${qWhat}'s speaker`) });
      }
    }
  }
  return out;
}

/** A record's fields as JSON: a field the archive left out (undefined) is not a field. */
function withoutUndefined(fields: object): { [field: string]: ShareValue } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as { [field: string]: ShareValue };
}
