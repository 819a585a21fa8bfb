import { andList } from '../../domain/vocabulary';
/**
 * A Sync's report (team mode, docs/team.md): what the merge did (templates/share/merge-report.ts),
 * told of adopters by their numbers and of teammates by their Git names, as data the app lays out
 * and as plain sentences the command line prints. It is the reviewer's own record of the Sync,
 * kept with the share link: it may name anything the store holds, and never leaves the machine.
 */
import { adopterOf } from '../../templates/share/merge-compare';
import type { MergeReport } from '../../templates/share/merge-report';
import { recordId, type ShareKind, type ShareRecord, type ShareSnapshot, type ShareValue } from '../../templates/share/records';

export type SyncStatus = 'shared' | 'joined' | 'up-to-date' | 'took-theirs' | 'pushed';

/** A record as the report names it: its kind, its adopter's number when it has one, and the words. */
export interface ReportedRecord {
  kind: ShareKind;
  uid: string;
  adopterNumber: number | null;
  /** "Adopter 2's summary", "the project's notes". */
  what: string;
}

export interface SyncReport {
  status: SyncStatus;
  /** Where this reviewer and the team now agree (null: nothing shared yet). */
  commit: string | null;
  at: string;
  /** Tries it took: more than one when a teammate pushed first and the Sync started again from the fetch. */
  attempts: number;
  /** Records the team's changes added, changed or deleted here (open conflicts not counted), and whose. */
  arrived: { count: number; authors: string[] };
  /** What this Sync sent (records changed on the remote). */
  sent: number;
  conflictsOpened: (ReportedRecord & { field: string; conflictUid: string; by: string | null })[];
  lastWriterLosses: (ReportedRecord & { field: string; kept: ShareValue; lost: ShareValue; keptFrom: 'mine' | 'theirs' })[];
  acknowledgements: { reason: 'anonymity-off' | 'allowance'; adopterNumber: number | null; by: string | null }[];
  renumbered: { adopterUid: string; from: number; to: number; mine: boolean }[];
  editsOverDeletions: (ReportedRecord & { deletedBy: 'mine' | 'theirs' })[];
  /** The report in words, one sentence a line. */
  sentences: string[];
}

const FIELD_WORDS: Readonly<Record<string, string>> = {
  summary: 'summary',
  rawNotes: 'raw notes',
  text: 'text',
  notes: 'notes',
  name: 'name',
  stage: 'stage',
  usageLevel: 'usage level',
  publicLabel: 'public label',
  namedLabel: 'label',
  vendorNote: 'vendor note',
  independenceReason: 'independence',
  anonymous: 'anonymity',
  number: 'number',
  date: 'date',
  term: 'term',
  note: 'note',
};

/** "stageDates.production" → "stage date (production)"; "usageLevel" → "usage level". */
export function fieldWords(field: string): string {
  const [head = field, key] = field.split('.');
  const words = FIELD_WORDS[head] ?? head.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return key === undefined ? words : `${words.replace(/s$/, '')} (${key})`;
}

const KIND_WORDS: Readonly<Record<ShareKind, string>> = {
  project: 'project',
  organization: 'organization',
  person: 'person',
  adopter: 'adopter',
  allowance: 'allowance',
  dismissal: 'dismissed warning',
  interview: 'interview',
  participant: 'interviewee',
  answer: 'notes',
  quote: 'quote',
  conflict: 'conflict',
};

/** Words for a record of a snapshot: "Adopter 2", "Adopter 2's interview", "organization Acme Corp". */
export function describeRecord(snapshot: ShareSnapshot, kind: ShareKind, uid: string): ReportedRecord {
  const record: ShareRecord | undefined = snapshot.get(recordId(kind, uid));
  const adopterUid = record ? adopterOf(snapshot, record) : null;
  const number = adopterUid === null ? undefined : snapshot.get(recordId('adopter', adopterUid))?.fields.number;
  const adopterNumber = typeof number === 'number' ? number : null;
  const name = record?.fields.name;
  let what: string;
  if (kind === 'adopter') what = adopterNumber === null ? 'an adopter' : `Adopter ${adopterNumber}`;
  else if (kind === 'project') what = 'the project';
  else if (adopterNumber !== null) what = `Adopter ${adopterNumber}'s ${KIND_WORDS[kind]}`;
  else if (typeof name === 'string' && (kind === 'organization' || kind === 'person')) what = `${KIND_WORDS[kind]} ${name}`;
  else what = `a ${KIND_WORDS[kind]}`;
  return { kind, uid, adopterNumber, what };
}


const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const shown = (value: ShareValue): string => (value === null ? 'nothing' : typeof value === 'string' ? `“${value}”` : JSON.stringify(value));

const someone = (by: string | null) => by ?? 'a teammate';

/** Records the merge changed here, open conflicts left out: "7 records from Ana, Ben" counts what the team wrote. */
export function arrivedOf(report: MergeReport): { count: number; authors: string[] } {
  const records = report.incoming.filter((c) => c.kind !== 'conflict');
  return { count: records.length, authors: [...new Set(records.flatMap((c) => (c.author === null ? [] : [c.author])))].sort() };
}

/** The change label of a Sync's write into the store: "Sync with the team: 7 records from Ana, Ben". */
export function syncChangeLabel(report: MergeReport): string {
  const { count, authors } = arrivedOf(report);
  const opened = report.conflictsOpened.length;
  const what = count > 0 || opened === 0 ? plural(count, 'record') : plural(opened, 'conflict');
  return `Sync with the team: ${what}${authors.length > 0 ? ` from ${authors.join(', ')}` : ''}`;
}

/**
 * Sums the merges of one Sync (a rejected push merges again) into its report. `merged` is the
 * result the store now holds (for adopter numbers), `mine` the store before the first merge.
 */
export function syncReport(input: {
  status: SyncStatus;
  commit: string | null;
  at: string;
  attempts: number;
  merges: readonly MergeReport[];
  merged: ShareSnapshot;
  mine: ShareSnapshot;
}): SyncReport {
  const { merges, merged, mine } = input;
  const describe = (kind: ShareKind, uid: string) => describeRecord(merged.has(recordId(kind, uid)) ? merged : mine, kind, uid);
  const arrived = merges.map(arrivedOf);
  const report: Omit<SyncReport, 'sentences'> = {
    status: input.status,
    commit: input.commit,
    at: input.at,
    attempts: input.attempts,
    arrived: { count: arrived.reduce((n, a) => n + a.count, 0), authors: [...new Set(arrived.flatMap((a) => a.authors))].sort() },
    sent: merges.reduce((n, m) => n + m.outgoing.filter((c) => c.kind !== 'conflict').length, 0),
    conflictsOpened: merges.flatMap((m) => m.conflictsOpened.map((c) => ({ ...describe(c.about.kind, c.about.uid), field: c.about.field, conflictUid: c.conflictUid, by: c.by }))),
    lastWriterLosses: merges.flatMap((m) => m.lastWriterLosses.map((l) => ({ ...describe(l.kind, l.uid), field: l.field, kept: l.kept, lost: l.lost, keptFrom: l.keptFrom }))),
    acknowledgements: merges.flatMap((m) => m.acknowledgements.map((a) => ({ reason: a.reason, adopterNumber: a.adopterNumber, by: a.by }))),
    renumbered: merges.flatMap((m) => m.renumbered.map((r) => ({ ...r, mine: mine.has(recordId('adopter', r.adopterUid)) }))),
    editsOverDeletions: merges.flatMap((m) => m.editsOverDeletions.map((e) => ({ ...describe(e.kind, e.uid), deletedBy: e.deletedBy }))),
  };
  return { ...report, sentences: reportSentences(report) };
}

/** The report in plain sentences, most important first. */
export function reportSentences(report: Omit<SyncReport, 'sentences'>): string[] {
  const out: string[] = [];
  const { count, authors } = report.arrived;
  if (report.status === 'shared') out.push('The project is shared: your teammates can join it with its address.');
  if (report.status === 'joined') out.push(`You joined the team's project${authors.length > 0 ? `, shared by ${andList(authors)}` : ''}: ${plural(count, 'record')}.`);
  else if (count > 0) out.push(`${plural(count, 'record')} arrived${authors.length > 0 ? ` from ${andList(authors)}` : ''}.`);
  else if (report.status !== 'shared') out.push('Nothing new arrived from the team.');
  for (const c of report.conflictsOpened) {
    out.push(`Conflict: ${c.what} — ${fieldWords(c.field)} was changed by you and by ${someone(c.by)}. Yours is kept; ${c.by === null ? 'the other text' : `${c.by}'s text`} waits in Compare until one of you chooses.`);
  }
  for (const l of report.lastWriterLosses) {
    out.push(`${l.what} — ${fieldWords(l.field)}: ${shown(l.kept)} (${l.keptFrom === 'mine' ? 'yours' : 'the team’s'}, written last) was kept over ${shown(l.lost)}.`);
  }
  for (const a of report.acknowledgements) {
    const adopter = a.adopterNumber === null ? 'an adopter' : `Adopter ${a.adopterNumber}`;
    const change = a.reason === 'anonymity-off' ? `turned anonymity off for ${adopter}` : `added or changed an allowance of the anonymity guard for ${adopter}`;
    out.push(`${someone(a.by)} ${change}: public exports wait until someone acknowledges it.`);
  }
  for (const r of report.renumbered) {
    out.push(`Two adopters were created as Adopter ${r.from}: ${r.mine ? 'yours' : 'the team’s'} is now Adopter ${r.to}. Numbers are public, so check what you wrote about them.`);
  }
  for (const e of report.editsOverDeletions) {
    out.push(`${e.what} was deleted ${e.deletedBy === 'mine' ? 'by you' : 'by a teammate'} and edited ${e.deletedBy === 'mine' ? 'by a teammate' : 'by you'}: the edit wins, it is back.`);
  }
  if (report.sent > 0) out.push(`${plural(report.sent, 'record')} of yours sent to the team.`);
  else if (report.status === 'pushed') out.push('Your changes were sent to the team.');
  return out;
}
