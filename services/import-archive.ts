import { DeskError } from '../domain/errors';
import type { Organization } from '../domain/organization';
import type { Person } from '../domain/person';
import type { EntityTable, RowMeta } from '../db/entity-table';
import { isoNow } from '../db/clock';
import type { Store } from '../db/store';
import { parseArchive } from '../templates/import/archive-check';
import { archiveKeys, type Archive } from '../templates/import/archive-format';
import { ranked } from './archive-export';
import { changeOrDryRun, importText, noneCreated } from './import-common';
import type { ImportReport } from './views';

const lower = (s: string) => s.trim().toLocaleLowerCase('en');
/** The organization the DD importer files an unnamed anonymous adopter under (import-dd.ts). */
const PLACEHOLDER = /^Anon #\d+$/;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

type Action = 'created' | 'updated' | 'unchanged' | 'conflict';

/**
 * Merges an archive into this store, by stable id (uid): a record is the one here with
 * the same uid, whatever either side renamed or re-dated since. Records without a uid
 * (a version 1 archive) are matched by key (see archive-format.ts). A record that is
 * not here is created with the archive's uid and timestamps. One that is here and differs is updated only when the
 * archive's copy is newer (updatedAt); otherwise it is a conflict, reported and left as
 * it is. Nothing is ever deleted.
 */
/** "globex-mesh-2", "globex-mesh-3"…: the first slug no project here has, the trash included. */
function firstFreeSlug(store: Store, slug: string): string {
  for (let n = 2; ; n++) {
    // Slugs are at most 80 characters (domain/text.ts slugify).
    const candidate = `${slug.slice(0, 80 - String(n).length - 1).replace(/-+$/, '')}-${n}`;
    if (store.tables.project.list({ slug: candidate }, { includeTrashed: true }).length === 0) return candidate;
  }
}

export function importArchive(store: Store, input: { fileName: string; text: string; dryRun?: boolean }): ImportReport {
  const decoded = importText(input.fileName, input.text);
  const parsed = parseArchive(decoded.text);
  if ('problems' in parsed) {
    throw new DeskError(
      'VALIDATION',
      `${input.fileName} cannot be imported as an Adoption Desk archive. ${parsed.problems.map((p) => `${p.path}: ${p.message.replace(/\.$/, '')}.`).join(' ')} Nothing was imported.`,
      { problems: parsed.problems },
    );
  }
  const archive: Archive = parsed.archive;
  const dryRun = input.dryRun ?? false;
  return changeOrDryRun(store, input.fileName, `Import archive ${input.fileName}`, dryRun, () => {
    const t = store.tables;
    const created = noneCreated();
    const entries: ImportReport['entries'] = [];
    const warnings = [...decoded.warnings];
    let unchanged = 0;
    const setStamps = (table: EntityTable<RowMeta>, id: number, s: { createdAt?: string; updatedAt: string }) => {
      if (s.createdAt) store.db.prepare(`UPDATE ${table.spec.table} SET created_at = ?, updated_at = ? WHERE id = ?`).run(s.createdAt, s.updatedAt, id);
      else store.db.prepare(`UPDATE ${table.spec.table} SET updated_at = ? WHERE id = ?`).run(s.updatedAt, id);
    };
    const note = (label: string, action: Action, detail: Record<string, unknown> = {}, warning?: string) => {
      if (action === 'unchanged') {
        unchanged++;
        return;
      }
      entries.push({ label, recognized: { action, ...detail }, warnings: warning ? [warning] : [] });
    };

    const now = isoNow(store.clock);
    /**
     * Create, leave, update (archive newer) or report a conflict (here newer or same age).
     * Never updated, whatever the dates: a record another project here uses (`sharedWith`: its
     * name), since the archive speaks for its own project only; and not by a copy dated in the
     * future, which no clock made honestly (it would win every merge from now on).
     */
    const merge = <R extends RowMeta>(
      table: EntityTable<R>,
      label: string,
      local: R | undefined,
      fields: Record<string, unknown>,
      s: { createdAt: string; updatedAt: string },
      insert: () => R,
      sharedWith?: string,
    ): { record: R; action: Action } => {
      if (!local) {
        const record = insert();
        setStamps(table as unknown as EntityTable<RowMeta>, record.id, s);
        note(label, 'created');
        return { record, action: 'created' };
      }
      const differs = Object.keys(fields).filter((f) => !same((local as unknown as Record<string, unknown>)[f], fields[f]));
      if (differs.length === 0) {
        note(label, 'unchanged');
        return { record: local, action: 'unchanged' };
      }
      if (sharedWith) {
        note(label, 'conflict', { fields: differs }, `${label} is also used by ${sharedWith} here: ${differs.join(', ')} left as ${differs.length === 1 ? 'it is' : 'they are'}, whatever the archive says.`);
        return { record: local, action: 'conflict' };
      }
      if (s.updatedAt > now) {
        note(label, 'conflict', { fields: differs }, `${label}: the archive's copy is dated in the future (${s.updatedAt}); kept this store's copy.`);
        return { record: local, action: 'conflict' };
      }
      if (s.updatedAt > local.updatedAt) {
        const patch = Object.fromEntries(differs.map((f) => [f, fields[f]]));
        const record = table.update(local.id, local.version, patch);
        setStamps(table as unknown as EntityTable<RowMeta>, record.id, { updatedAt: s.updatedAt });
        note(label, 'updated', { fields: differs }, `${label}: ${differs.join(', ')} replaced by the archive's newer copy (${s.updatedAt}).`);
        return { record, action: 'updated' };
      }
      note(
        label,
        'conflict',
        { fields: differs },
        `${label}: ${differs.join(', ')} differ${differs.length === 1 ? 's' : ''}, and this store's copy is as new or newer (${local.updatedAt} here, ${s.updatedAt} in the archive); kept this store's copy.`,
      );
      return { record: local, action: 'conflict' };
    };

    /** The record here with this uid, if it belongs where the archive has it (`at`). */
    const byUid = <R extends RowMeta>(table: EntityTable<R>, uid: string | undefined, at: (r: R) => boolean = () => true): R | undefined => {
      if (uid === undefined) return undefined;
      const found = table.findByUid(uid);
      return found && at(found) ? found : undefined;
    };
    /** The uid a created record gets: the archive's, unless a record elsewhere here already has it. */
    const newUid = <R extends RowMeta>(table: EntityTable<R>, uid: string | undefined) => (uid !== undefined && !table.findByUid(uid) ? uid : undefined);

    // Project by uid; by slug, which is unique here, when the archive has no uid or this
    // store has the project under another uid (a copy made before stable ids).
    const { key: _pk, uid: projectUid, slug, createdAt: pc, updatedAt: pu, ...projectValues } = archive.project;
    void _pk;
    const sameSlug = t.project.list({ slug }, { includeTrashed: true })[0];
    // A project here under the same slug but with another stable id is another project that
    // happens to share the name: the archive's becomes a project of its own, never merged into it.
    const anotherProject = sameSlug !== undefined && projectUid !== undefined && (t.project.uidOf(sameSlug.id) ?? projectUid) !== projectUid;
    const existingProject = byUid(t.project, projectUid) ?? (anotherProject ? undefined : sameSlug);
    const freeSlug = anotherProject ? firstFreeSlug(store, slug) : slug;
    if (anotherProject) {
      warnings.push(`This store has another project under the name "${slug}" (${sameSlug.name}); the archive's project is a different one, so it was imported as a project of its own, "${freeSlug}", and ${sameSlug.name} was not touched.`);
    }
    if (existingProject?.deletedAt) {
      throw new DeskError('CONFLICT', `The project "${slug}" is in the trash here; restore it before importing into it. Nothing was imported.`);
    }
    const projectResult = merge(t.project, `Project ${archive.project.name}`, existingProject, projectValues, { createdAt: pc, updatedAt: pu }, () =>
      t.project.insert({ ...projectValues, slug: freeSlug, uid: newUid(t.project, projectUid) }),
    );
    if (projectResult.action === 'created') created.projects++;
    const project = projectResult.record;

    // Organizations by uid, or by name (no uid).
    const orgByKey = new Map<string, Organization>();
    const localOrgs = t.organization.list({}, { orderBy: 'id' });
    const usedOrgIds = new Set<number>();
    // Organizations this project's adopters already use come first; a placeholder of an
    // anonymous adopter ("Anon #3") only ever meets one of this project.
    const ownOrgIds = new Set(t.adopter.list({ project_id: project.id }, { includeTrashed: true }).map((x) => x.organizationId));
    // Organizations (and their people) other projects here use: the archive may link to them, never change them.
    const otherProjectsOf = new Map<number, Set<string>>();
    for (const x of t.adopter.list({}, { includeTrashed: true })) {
      if (x.projectId === project.id) continue;
      const names = otherProjectsOf.get(x.organizationId) ?? new Set<string>();
      names.add(t.project.find(x.projectId)?.name ?? 'another project');
      otherProjectsOf.set(x.organizationId, names);
    }
    const sharedWith = (organizationId: number | null | undefined) => {
      const names = organizationId == null ? undefined : otherProjectsOf.get(organizationId);
      return names ? [...names].sort().join(', ') : undefined;
    };
    for (const o of archive.organizations) {
      const { key, uid, createdAt, updatedAt, ...values } = o;
      let local: Organization | undefined;
      if (uid !== undefined) local = byUid(t.organization, uid, (x) => !usedOrgIds.has(x.id));
      else {
        const free = localOrgs.filter((x) => lower(x.name) === lower(o.name) && !usedOrgIds.has(x.id));
        const own = free.filter((x) => ownOrgIds.has(x.id));
        local = own[0] ?? (PLACEHOLDER.test(o.name) ? undefined : free[0]);
      }
      const r = merge(
        t.organization,
        `Organization ${o.name}`,
        local,
        values,
        { createdAt, updatedAt },
        () => t.organization.insert({ ...values, uid: newUid(t.organization, uid) }),
        sharedWith(local?.id),
      );
      if (r.action === 'created') created.organizations++;
      usedOrgIds.add(r.record.id);
      orgByKey.set(key, r.record);
    }

    // People by uid, or by name within their organization (no uid).
    const personByKey = new Map<string, Person>();
    const usedPeople = new Set<number>();
    for (const who of archive.people) {
      const { key, uid, createdAt, updatedAt, organization: orgKey, ...rest } = who;
      const organizationId = orgKey === null ? null : orgByKey.get(orgKey)!.id;
      const values = { ...rest, organizationId };
      const local =
        uid !== undefined
          ? byUid(t.person, uid, (x) => !usedPeople.has(x.id))
          : t.person
              .list(organizationId === null ? { organization_id: null } : { organization_id: organizationId }, { orderBy: 'id' })
              .find((x) => lower(x.name) === lower(who.name) && !usedPeople.has(x.id));
      const r = merge(
        t.person,
        `Person ${who.name}`,
        local,
        values,
        { createdAt, updatedAt },
        () => t.person.insert({ ...values, uid: newUid(t.person, uid) }),
        sharedWith(local?.organizationId),
      );
      if (r.action === 'created') created.people++;
      usedPeople.add(r.record.id);
      personByKey.set(key, r.record);
    }

    // Adopters, interviews and their parts by uid; without one, adopters by number,
    // interviews by day and rank, quotes by rank.
    for (const a of archive.adopters) {
      const { key: _ak, uid, number, organization: orgKey, allowances, dismissals = [], interviews, createdAt, updatedAt, ...rest } = a;
      void _ak;
      const organizationId = orgByKey.get(orgKey)!.id;
      const [withNumber] = t.adopter.list({ project_id: project.id, number }, { includeTrashed: true });
      const local = uid === undefined ? withNumber : byUid(t.adopter, uid, (x) => x.projectId === project.id);
      const label = `Adopter ${number}`;
      if (!local && withNumber) {
        // Both stores numbered a different adopter N (the number is unique in a project).
        const here = t.organization.get(withNumber.organizationId).name;
        note(label, 'conflict', { fields: ['number'] }, `${label} is another adopter here (${here}) than in the archive (${orgByKey.get(orgKey)!.name}); the archive's was not imported, with its interviews.`);
        continue;
      }
      if (local?.deletedAt) {
        note(label, 'conflict', {}, `${label} is in the trash here; restore it and import again to merge it. Skipped.`);
        continue;
      }
      if (local && local.organizationId !== organizationId) {
        const here = t.organization.get(local.organizationId).name;
        note(label, 'conflict', { fields: ['organization'] }, `${label} is ${here} here and ${orgByKey.get(orgKey)!.name} in the archive; it was left as it is, with its interviews.`);
        continue;
      }
      // The number stays this store's: it is unique in the project, and others may point at it.
      // An archive written before entries kept their own label says nothing of it: leave ours.
      const { namedLabel, ...known } = rest;
      const values = { ...known, ...(namedLabel === undefined ? {} : { namedLabel }), organizationId };
      const r = merge(t.adopter, label, local, values, { createdAt, updatedAt }, () =>
        t.adopter.insert({ ...values, projectId: project.id, number, uid: newUid(t.adopter, uid) }),
      );
      if (r.action === 'created') created.adopters++;
      const adopterId = r.record.id;

      const haveAllowances = t.allowance.list({ adopter_id: adopterId });
      for (const al of allowances) {
        if (byUid(t.allowance, al.uid, (x) => x.adopterId === adopterId)) continue;
        if (haveAllowances.some((h) => h.term === al.term && h.entryNumber === al.entryNumber)) continue;
        const inserted = t.allowance.insert({ adopterId, term: al.term, entryNumber: al.entryNumber, note: al.note, uid: newUid(t.allowance, al.uid) });
        setStamps(t.allowance as unknown as EntityTable<RowMeta>, inserted.id, al);
        note(`${label}: allowance "${al.term}"`, 'created');
      }

      // Warnings the reviewer dismissed: by uid, else by the warning's fingerprint. A dismissal
      // only hides the warning it was made for, so one already here is never changed or removed.
      const haveDismissals = t.dismissal.list({ adopter_id: adopterId });
      for (const d of dismissals) {
        if (byUid(t.dismissal, d.uid, (x) => x.adopterId === adopterId)) continue;
        if (haveDismissals.some((h) => h.warningKey === d.warningKey)) continue;
        const inserted = t.dismissal.insert({ adopterId, code: d.code, warningKey: d.warningKey, message: d.message, uid: newUid(t.dismissal, d.uid) });
        setStamps(t.dismissal as unknown as EntityTable<RowMeta>, inserted.id, d);
        note(`${label}: dismissed warning "${d.message}"`, 'created');
      }

      const localInterviews = t.interview.list({ adopter_id: adopterId }, { orderBy: 'coalesce(date, month), id', includeTrashed: true });
      const localKey = ranked(localInterviews, (i) => archiveKeys.interview(`adopter:${number}`, i.date ?? i.month, 1).replace(/#1$/, ''));
      for (const iv of interviews) {
        const { key, uid: ivUid, participants, answers, quotes, createdAt: ic, updatedAt: iu, ...ivValues } = iv;
        const localInterview = ivUid === undefined ? localInterviews.find((x) => localKey.get(x) === key) : byUid(t.interview, ivUid, (x) => x.adopterId === adopterId);
        const ivLabel = `${label}, interview ${iv.date ?? iv.month ?? 'undated'}`;
        if (localInterview?.deletedAt) {
          note(ivLabel, 'conflict', {}, `${ivLabel} is in the trash here; skipped.`);
          continue;
        }
        const ir = merge(t.interview, ivLabel, localInterview, ivValues, { createdAt: ic, updatedAt: iu }, () =>
          t.interview.insert({ ...ivValues, adopterId, uid: newUid(t.interview, ivUid) }),
        );
        if (ir.action === 'created') created.interviews++;
        const interviewId = ir.record.id;

        const present = t.participant.list({ interview_id: interviewId });
        let position = present.reduce((m, x) => Math.max(m, x.position), 0);
        for (const pt of participants) {
          const personId = personByKey.get(pt.person)!.id;
          // One person takes part once in an interview: by person, whatever the uid.
          const here = present.find((x) => x.personId === personId);
          if (!here) {
            const inserted = t.participant.insert({
              interviewId,
              personId,
              anonymous: pt.anonymous,
              role: pt.role ?? null,
              position: ir.action === 'created' ? pt.position : ++position,
              uid: newUid(t.participant, pt.uid),
            });
            present.push(inserted);
            note(`${ivLabel}: participant ${personByKey.get(pt.person)!.name}`, 'created');
          } else if (here.anonymous !== pt.anonymous) {
            note(
              `${ivLabel}: participant ${personByKey.get(pt.person)!.name}`,
              'conflict',
              { fields: ['anonymous'] },
              `${personByKey.get(pt.person)!.name} is ${here.anonymous ? '' : 'not '}anonymous here and ${pt.anonymous ? '' : 'not '}anonymous in the archive; kept this store's choice. Check it.`,
            );
          }
        }
        for (const an of answers) {
          // An interview has one answer per question: by uid, else by question key.
          const localAnswer = byUid(t.answer, an.uid, (x) => x.interviewId === interviewId) ?? t.answer.list({ interview_id: interviewId, question_key: an.questionKey })[0];
          merge(t.answer, `${ivLabel}: notes ${an.questionKey}`, localAnswer, { text: an.text }, an, () =>
            t.answer.insert({ interviewId, questionKey: an.questionKey, text: an.text, uid: newUid(t.answer, an.uid) }),
          );
        }
        const localQuotes = t.quote.list({ interview_id: interviewId }, { orderBy: 'id' });
        quotes.forEach((q, k) => {
          const values = { text: q.text, speakerPersonId: q.speaker === null ? null : personByKey.get(q.speaker)!.id, approved: q.approved, tags: q.tags };
          const localQuote = q.uid === undefined ? localQuotes[k] : byUid(t.quote, q.uid, (x) => x.interviewId === interviewId);
          const qr = merge(t.quote, `${ivLabel}: quote ${k + 1}`, localQuote, values, q, () => t.quote.insert({ ...values, interviewId, uid: newUid(t.quote, q.uid) }));
          if (qr.action === 'created') created.quotes++;
        });
      }
    }
    if (unchanged > 0) warnings.push(`${unchanged} record${unchanged === 1 ? ' was' : 's were'} already here, identical.`);
    return { fileName: input.fileName, dryRun, projectId: dryRun && created.projects > 0 ? null : project.id, entries, warnings, created };
  });
}
