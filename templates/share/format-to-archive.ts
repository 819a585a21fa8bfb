import { DeskError } from '../../domain/errors';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, archiveKeys, type ArchiveInput } from '../import/archive-format';
import { lower, ranked, sqlOrder } from './format-order';
import type { ShareFields } from './format-schema';
import type { ShareKind, ShareSnapshot } from './records';

/**
 * A shared project's records as a project archive, the inverse of archiveToSnapshot: nested
 * lists rebuilt from the links, keys rebuilt as services/archive-export.ts builds them, records
 * and fields in its order, so the archive door (templates/import/archive-check.ts) and the
 * archive import (services/import-archive.ts) take it as they take an exported file. Open
 * conflicts are not project data: they stay out.
 */

type Item<K extends keyof ShareFields> = ShareFields[K] & { uid: string };

export function snapshotToArchive(snapshot: ShareSnapshot): ArchiveInput {
  const of = <K extends keyof ShareFields>(kind: K & ShareKind): Item<K>[] => {
    const items: Item<K>[] = [];
    for (const r of snapshot.values()) if (r.kind === kind) items.push({ ...(r.fields as unknown as ShareFields[K]), uid: r.uid });
    return items;
  };
  const byUid = <T extends { uid: string }>(items: readonly T[]) => new Map(items.map((i) => [i.uid, i]));
  /** The records linked to each parent, in the snapshot's order; a link to no parent is refused. */
  const childrenOf = <K extends keyof ShareFields>(kind: K & ShareKind, parents: ReadonlyMap<string, unknown>, link: (item: Item<K>) => string) => {
    const out = new Map<string, Item<K>[]>();
    for (const item of of(kind)) {
      const parent = link(item);
      if (!parents.has(parent)) throw broken(kind, item.uid);
      const siblings = out.get(parent);
      if (siblings) siblings.push(item);
      else out.set(parent, [item]);
    }
    return (parent: string) => out.get(parent) ?? [];
  };

  const projects = of('project');
  if (projects.length !== 1) throw new DeskError('VALIDATION', `A shared project holds one project record; this one holds ${projects.length}.`);
  const p = projects[0]!;

  const organizations = of('organization').sort((a, b) => lower(a.name).localeCompare(lower(b.name)));
  const orgKey = ranked(organizations, (o) => archiveKeys.organization(o.name));
  const orgByUid = byUid(organizations);
  const org = (uid: string, kind: ShareKind, recordUid: string) => orgByUid.get(uid) ?? throwing(broken(kind, recordUid));
  const orgName = (who: Item<'person'>) => (who.organizationUid === null ? null : org(who.organizationUid, 'person', who.uid).name);
  const people = of('person').sort((a, b) => (orgName(a) ?? '').localeCompare(orgName(b) ?? '') || lower(a.name).localeCompare(lower(b.name)));
  const personKey = ranked(people, (who) => archiveKeys.person(orgName(who), who.name));
  const personByUid = byUid(people);
  const keyOfPerson = (uid: string, kind: ShareKind, recordUid: string) => personKey.get(personByUid.get(uid) ?? throwing(broken(kind, recordUid)))!;

  const adopters = of('adopter').sort((a, b) => a.number - b.number);
  const adopterByUid = byUid(adopters);
  const allowancesOf = childrenOf('allowance', adopterByUid, (al) => al.adopterUid);
  const dismissalsOf = childrenOf('dismissal', adopterByUid, (d) => d.adopterUid);
  const interviewsOf = childrenOf('interview', adopterByUid, (i) => i.adopterUid);
  const interviewByUid = byUid(of('interview'));
  const participantsOf = childrenOf('participant', interviewByUid, (pt) => pt.interviewUid);
  const answersOf = childrenOf('answer', interviewByUid, (an) => an.interviewUid);
  const quotesOf = childrenOf('quote', interviewByUid, (q) => q.interviewUid);

  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    project: ordered({ ...p, key: p.slug }, ORDER.project),
    organizations: organizations.map((o) => ordered({ ...o, key: orgKey.get(o)! }, ORDER.organization)),
    people: people.map((who) => ordered({ ...who, key: personKey.get(who)!, organization: who.organizationUid === null ? null : orgKey.get(org(who.organizationUid, 'person', who.uid))! }, ORDER.person)),
    adopters: adopters.map((a) => {
      const aKey = archiveKeys.adopter(a.number);
      const interviews = interviewsOf(a.uid).sort((x, y) => sqlOrder(x.date ?? x.month ?? null, y.date ?? y.month ?? null));
      const interviewKey = ranked(interviews, (i) => archiveKeys.interview(aKey, i.date ?? i.month ?? null, 1).replace(/#1$/, ''));
      return ordered(
        {
          ...a,
          key: aKey,
          // Written only when set, as buildArchive writes it.
          namedLabel: a.namedLabel ?? undefined,
          organization: orgKey.get(org(a.organizationUid, 'adopter', a.uid))!,
          allowances: allowancesOf(a.uid).map((al) => ordered(al, ORDER.allowance)),
          dismissals: dismissalsOf(a.uid).map((d) => ordered(d, ORDER.dismissal)),
          interviews: interviews.map((i) => {
            const iKey = interviewKey.get(i)!;
            const participants = participantsOf(i.uid).sort((x, y) => x.position - y.position);
            const answers = answersOf(i.uid).sort((x, y) => sqlOrder(x.questionKey, y.questionKey));
            return ordered(
              {
                ...i,
                key: iKey,
                participants: participants.map((pt) => ordered({ ...pt, person: keyOfPerson(pt.personUid, 'participant', pt.uid), role: pt.role ?? undefined }, ORDER.participant)),
                answers: answers.map((an) => ordered(an, ORDER.answer)),
                quotes: quotesOf(i.uid).map((q, k) => ordered({ ...q, key: archiveKeys.quote(iKey, k + 1), speaker: q.speakerUid === null ? null : keyOfPerson(q.speakerUid, 'quote', q.uid) }, ORDER.quote)),
              },
              ORDER.interview,
            );
          }),
        },
        ORDER.adopter,
      );
    }),
  } as ArchiveInput;
}

const STAMPS = ['createdAt', 'updatedAt'] as const;
/** Each record's fields in the order services/archive-export.ts writes them (the archive is compared byte for byte). */
const ORDER = {
  project: ['key', 'uid', 'slug', 'name', 'level', 'applicationUrl', 'ddPullRequestUrl', 'adoptersFileUrl', 'notes', 'archived', ...STAMPS],
  organization: ['key', 'uid', 'name', 'aliases', 'website', 'industry', ...STAMPS],
  person: ['key', 'uid', 'name', 'role', 'email', 'organization', 'maintainer', ...STAMPS],
  adopter: [
    ...['key', 'uid', 'number', 'anonymous', 'publicLabel', 'namedLabel', 'adopterType', 'relation', 'independent', 'independenceReason', 'vendorNote'],
    ...['usageLevel', 'inUseSince', 'scale', 'stage', 'stageDates', 'notes', 'organization', 'allowances', 'dismissals', 'interviews', ...STAMPS],
  ],
  allowance: ['uid', 'term', 'entryNumber', 'note', ...STAMPS],
  dismissal: ['uid', 'code', 'warningKey', 'message', ...STAMPS],
  interview: [
    ...['key', 'uid', 'date', 'month', 'interviewers', 'durationMinutes', 'questionSet', 'rawNotes', 'summary', 'summarySentAt', 'approvedAt', 'approvedHash'],
    ...['participants', 'answers', 'quotes', ...STAMPS],
  ],
  participant: ['uid', 'person', 'anonymous', 'position', 'role'],
  answer: ['uid', 'questionKey', 'text', ...STAMPS],
  quote: ['key', 'uid', 'text', 'speaker', 'approved', 'tags', ...STAMPS],
} as const;

/** The named fields of a record in that order; a field undefined (not written) and any other field (a link by uid) left out. */
function ordered(record: object, keys: readonly string[]): Record<string, unknown> {
  const from = record as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (from[key] !== undefined) out[key] = from[key];
  return out;
}

/** A link to a record the snapshot does not hold: filesToSnapshot refuses such files, so this is a snapshot built wrong. */
function broken(kind: ShareKind, uid: string): DeskError {
  return new DeskError('VALIDATION', `The shared project's ${kind} ${uid} names a record the project does not hold.`);
}

function throwing(error: DeskError): never {
  throw error;
}
