import { z } from 'zod';
import { adopterFields } from '../../domain/adopter';
import { participantFields } from '../../domain/interview';
import type { ArchiveInput } from '../import/archive-format';
import { archiveRecords, archiveShells } from '../import/archive-schema';
import type { ShareKind } from './records';

/**
 * Each kind of shared record checked with the archive's own field rules
 * (templates/import/archive-schema.ts, built from domain/'s): a record is the archive's, without
 * its key and nested lists, with its uid required and its links named by uid. A file holds
 * `{ uid, ...fields }`; a field an optional of the archive leaves out (an adopter's label in the
 * DD, an interviewee's role in one interview) is always written here, null when not set, so every
 * record of a kind has the same fields.
 */

export const shareUid = z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'A uid is letters, digits and dashes, like a UUID.');
const link = shareUid;

export const shareSchemas = {
  project: archiveShells.archive.shape.project.omit({ key: true }).extend({ uid: shareUid }),
  organization: archiveRecords.organization.omit({ key: true }).extend({ uid: shareUid }),
  person: archiveRecords.person.omit({ key: true, organization: true }).extend({ uid: shareUid, organizationUid: link.nullable() }),
  adopter: archiveShells.adopter
    .omit({ key: true, organization: true, allowances: true, dismissals: true, interviews: true })
    .extend({ uid: shareUid, organizationUid: link, namedLabel: adopterFields.shape.namedLabel }),
  allowance: archiveRecords.allowance.extend({ uid: shareUid, adopterUid: link }),
  dismissal: archiveRecords.dismissal.extend({ uid: shareUid, adopterUid: link }),
  interview: archiveShells.interview.omit({ key: true, participants: true, answers: true, quotes: true }).extend({ uid: shareUid, adopterUid: link }),
  participant: archiveRecords.participant
    .omit({ person: true })
    .extend({ uid: shareUid, interviewUid: link, personUid: link, role: participantFields.shape.role.unwrap() }),
  answer: archiveRecords.answer.extend({ uid: shareUid, interviewUid: link }),
  quote: archiveRecords.quote.omit({ key: true, speaker: true }).extend({ uid: shareUid, interviewUid: link, speakerUid: link.nullable() }),
  /** Its fields are the merge's (templates/share/merge.ts); here only a record with a uid. */
  conflict: z.looseObject({ uid: shareUid }),
} satisfies Record<ShareKind, z.ZodType>;

type ArchiveAdopterInput = ArchiveInput['adopters'][number];
type ArchiveInterviewInput = ArchiveAdopterInput['interviews'][number];
type Stamps = { createdAt: string; updatedAt: string };

/** The fields of each kind of record (without its uid), as archiveToSnapshot makes them and snapshotToArchive reads them. */
export interface ShareFields {
  project: Omit<ArchiveInput['project'], 'key' | 'uid'>;
  organization: Omit<ArchiveInput['organizations'][number], 'key' | 'uid'>;
  person: Omit<ArchiveInput['people'][number], 'key' | 'uid' | 'organization'> & { organizationUid: string | null };
  adopter: Omit<ArchiveAdopterInput, 'key' | 'uid' | 'organization' | 'allowances' | 'dismissals' | 'interviews' | 'namedLabel'> & {
    organizationUid: string;
    namedLabel: string | null;
  };
  allowance: Omit<ArchiveAdopterInput['allowances'][number], 'uid'> & { adopterUid: string } & Stamps;
  dismissal: Omit<NonNullable<ArchiveAdopterInput['dismissals']>[number], 'uid'> & { adopterUid: string } & Stamps;
  interview: Omit<ArchiveInterviewInput, 'key' | 'uid' | 'participants' | 'answers' | 'quotes'> & { adopterUid: string };
  participant: Omit<ArchiveInterviewInput['participants'][number], 'uid' | 'person' | 'role'> & { interviewUid: string; personUid: string; role: string | null };
  answer: Omit<ArchiveInterviewInput['answers'][number], 'uid'> & { interviewUid: string };
  quote: Omit<ArchiveInterviewInput['quotes'][number], 'key' | 'uid' | 'speaker'> & { interviewUid: string; speakerUid: string | null };
}
