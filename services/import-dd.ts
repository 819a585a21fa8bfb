import { ADOPTER_DEFAULTS, type Stage } from '../domain/adopter';
import { DeskError } from '../domain/errors';
import { INTERVIEW_DEFAULTS } from '../domain/interview';
import { organizationFields } from '../domain/organization';
import { personFields } from '../domain/person';
import { publicAdopterLabel } from '../domain/labels';
import { PROJECT_DEFAULTS, projectName, type Project, type ProjectLevel } from '../domain/project';
import { slugify } from '../domain/text';
import { localDay } from '../db/clock';
import type { Store } from '../db/store';
import { parseDdDocument, type DdEntry } from '../templates/import/dd-parse';
import { OrganizationFinder, changeOrDryRun, checked, findOrCreatePerson, importText, noneCreated } from './import-common';
import { checkAdopterCount, checkAdopterNumber, checkFieldSize } from './project-limits';
import type { ImportReport } from './views';
import { summaryHash } from './summary-hash';

/**
 * Applies a parsed DD document (templates/import/dd-parse.ts) to the store, as ONE
 * change: all of it or nothing, and one undo step. What each entry becomes:
 *
 * - organization: this project's own found by name (case-insensitive), or created with the
 *   label's industry and link; one of the same name that another project uses is shared only
 *   when the reviewer confirmed it (`sameOrganizations`; the dry run proposes each), and its
 *   record is never changed. Empty fields of this project's own are filled in; differences
 *   are only reported. Either way the entry prints the document's own label (`namedLabel`
 *   when the shared record would print another).
 *   An anonymous entry gets its own placeholder organization, "Anon #N" (the document
 *   never names it); rename it when you know who it is. Words of its label that may name
 *   the organization ("Globex" in "Globex / Finance") become the placeholder's aliases:
 *   secrets the anonymity guard enforces, reported in the entry's warnings.
 * - adopter: the number as written (duplicates and unnumbered headings get the next free
 *   numbers), anonymous flag, publicLabel when the export's default ("Anonymous
 *   <industry>") would not print the label as written, the vendor note (type
 *   "vendor-offering"), stage "approved" (a published entry was approved); a "(DRAFT)"
 *   entry of our own export is "interviewed"; an unchecked checklist item a "candidate".
 * - interview: one per month ("JANUARY 2025 AND SEPTEMBER 2025" is two interviews; the
 *   summary and the people go to the last); the day when the document gives one; the
 *   summary verbatim (the generator's normalization: LF, no trailing spaces, single blank
 *   lines), approvedHash of it, so no EDITED_AFTER_APPROVAL warning follows.
 *   approvedAt is the day of the import: the day the app learned of an approval the
 *   published document proves; the document does not say when it was given.
 *   summarySentAt stays empty (unknown).
 * - people: interviewees found or created within the organization; each keeps the role the
 *   document gives as the interview's own (participant role), so a role another project
 *   recorded for the same person never shows in this section;
 *   interviewees the document counts without naming ("The interviewee is anonymous")
 *   become anonymous placeholders "Anon 1", "Anon 2".
 * - project: the one chosen, or a new one named and levelled by the title; the text
 *   before the first entry goes to its notes.
 */
export interface DdImportInput {
  fileName: string;
  text: string;
  /** The project to import into; without it, a new project (`newProject`, or named by the title). */
  projectId?: number;
  /** The new project's name and level, as the reviewer chose them (the title's otherwise). */
  newProject?: { name: string; level: ProjectLevel };
  /**
   * Organizations of the document (as it writes their names) the reviewer confirmed are the
   * ones of the same name another project already has; the others get records of their own.
   */
  sameOrganizations?: string[];
  dryRun?: boolean;
}

/**
 * The organization an anonymous adopter is filed under when the document does not name
 * it (a DD never names an anonymous adopter): "Anon #3". Short words only, so the
 * summary's misspelling check has nothing to compare, and a text that cannot occur in a
 * summary, so the anonymity guard never trips on it. Rename it when you know who it is.
 */
export const anonymousOrganizationName = (number: number): string => `Anon #${number}`;

/** A person the document counts but does not name ("_The interviewee is anonymous_"). */
export const anonymousPersonName = (k: number): string => `Anon ${k}`;

const STAGE_OF: Record<DdEntry['status'], Stage> = { published: 'approved', draft: 'interviewed', planned: 'candidate' };

function recognized(entry: DdEntry): Record<string, unknown> {
  return {
    line: entry.line,
    heading: entry.heading,
    writtenNumber: entry.writtenNumber,
    number: entry.number,
    labelForm: entry.label.form,
    organization: entry.organization,
    industry: entry.industry,
    website: entry.website,
    anonymous: entry.anonymous,
    anonymousBecause: entry.anonymousBecause,
    readAs: entry.readAs,
    readBecause: entry.readBecause,
    lastLine: entry.sources.reduce((last, s) => Math.max(last, s.line), entry.line),
    publicLabel: entry.publicLabel,
    interviewees: entry.people,
    anonymousInterviewees: entry.anonymousPeople,
    months: entry.months,
    date: entry.date,
    dateFrom: entry.dateFrom,
    vendorNote: entry.vendorNote || null,
    aliasesFromLabel: entry.labelSecrets,
    status: entry.status,
    subsections: entry.subsections,
    summaryParagraphs: entry.summary ? entry.summary.split(/\n{2,}/).length : 0,
  };
}

function projectFor(store: Store, input: DdImportInput, parsed: ReturnType<typeof parseDdDocument>, created: ImportReport['created']): Project {
  const { project } = store.tables;
  if (input.projectId !== undefined) {
    const p = project.getLive(input.projectId);
    if (parsed.notes) {
      return project.update(p.id, p.version, { notes: p.notes.trim() ? `${p.notes.trimEnd()}\n\n${parsed.notes}` : parsed.notes });
    }
    return p;
  }
  const title = input.newProject ? { projectName: input.newProject.name, level: input.newProject.level } : parsed.title;
  if (!title?.projectName || !title.level) {
    throw new DeskError(
      'VALIDATION',
      `${input.fileName} has no title like "# Globex Incubation Due Diligence" to name the project and its level; choose the project to import into. Nothing was imported.`,
    );
  }
  const name = checked(projectName, title.projectName, 'The project name in the title');
  const slug = slugify(name);
  if (!slug) throw new DeskError('VALIDATION', `Could not make a slug from "${name}"; choose the project to import into. Nothing was imported.`);
  if (project.list({ slug }, { includeTrashed: true }).length > 0) {
    throw new DeskError(
      'DUPLICATE',
      `A project named "${name}" already exists. Import into that project, or give the new project another name. Nothing was imported.`,
    );
  }
  created.projects++;
  return project.insert({ ...PROJECT_DEFAULTS, name, level: title.level, slug, notes: parsed.notes });
}

/** The limits of domain/limits.ts, checked on the document before anything is written, with each entry's line. */
function checkEntryLimits(fileName: string, entries: readonly DdEntry[]): void {
  checkAdopterCount(fileName, '', 0, entries.length, 'adopter entries');
  for (const entry of entries) {
    checkAdopterNumber(fileName, entry.number, `line ${entry.line}`);
    checkFieldSize(fileName, `The summary of Adopter ${entry.number} (line ${entry.line})`, entry.summary);
    checkFieldSize(fileName, `The vendor note of Adopter ${entry.number} (line ${entry.line})`, entry.vendorNote);
  }
}

export function importDdDocument(store: Store, input: DdImportInput): ImportReport {
  const decoded = importText(input.fileName, input.text);
  const parsed = parseDdDocument(decoded.text);
  if (parsed.entries.length === 0) {
    throw new DeskError(
      'VALIDATION',
      `${input.fileName} does not look like a DD document: it has no adopter entries (an "Adoption" section with "##### Adopter N - …" headings, organization headings, or a checklist of interviewed organizations). Nothing was imported.`,
    );
  }
  checkEntryLimits(input.fileName, parsed.entries);
  const dryRun = input.dryRun ?? false;
  return changeOrDryRun(store, input.fileName, `Import DD document ${input.fileName}`, dryRun, () => {
    const { adopter, interview, participant } = store.tables;
    const created = noneCreated();
    const warnings = [...decoded.warnings, ...parsed.warnings];
    const project = projectFor(store, input, parsed, created);

    const taken = adopter.list({ project_id: project.id }, { includeTrashed: true }).map((a) => a.number);
    const clash = parsed.entries.map((e) => e.number).filter((n) => taken.includes(n));
    if (clash.length > 0) {
      throw new DeskError(
        'DUPLICATE',
        `${project.name} already has ${clash.map((n) => `Adopter ${n}`).join(', ')}; adopter numbers stay with their adopter, so the document cannot be imported into this project. Import it into a new project. Nothing was imported.`,
      );
    }

    const today = localDay(store.clock);
    const organizations = new OrganizationFinder(store, { projectId: project.id, confirmed: input.sameOrganizations ?? [] });
    const entries: ImportReport['entries'] = [];
    for (const entry of parsed.entries) {
      const where = `Adopter ${entry.number} (line ${entry.line})`;
      const entryWarnings = [...entry.warnings];
      let organizationId: number;
      let namedLabel: string | null = null;
      if (entry.anonymous || !entry.organization) {
        const fields = checked(
          organizationFields.partial(),
          { name: anonymousOrganizationName(entry.number), industry: entry.industry, aliases: entry.labelSecrets },
          where,
        );
        organizationId = organizations.create({ name: fields.name!, industry: fields.industry ?? null, aliases: fields.aliases ?? [] }).id;
        created.organizations++;
      } else {
        const fields = checked(organizationFields.partial(), { name: entry.organization, industry: entry.industry, website: entry.website ?? '' }, where);
        const found = organizations.findOrCreate({ name: fields.name!, industry: fields.industry ?? null, website: fields.website ?? null });
        if (found.created) created.organizations++;
        else {
          const filled = organizations.fillIn(found.organization, { industry: fields.industry ?? null, website: fields.website ?? null });
          for (const d of filled.differs) entryWarnings.push(`The organization "${found.organization.name}" already exists with ${d}; its record was left as it was, and this entry keeps the document's words.`);
        }
        organizationId = found.organization.id;
        // The entry prints the label as the document wrote it ("Globex - technology company",
        // "Open Horizon / Edge"), whatever form or record the organization has.
        const written = entry.label.text || publicAdopterLabel({ anonymous: false, publicLabel: null }, { name: fields.name!, industry: fields.industry ?? null });
        const printed = publicAdopterLabel({ anonymous: false, publicLabel: null }, store.tables.organization.get(organizationId));
        if (written !== printed) namedLabel = written;
      }

      const stage = STAGE_OF[entry.status];
      const stageDates: Partial<Record<Stage, string>> = { [stage]: today };
      if (entry.date && stage !== 'candidate') stageDates.interviewed = entry.date;
      const a = adopter.insert({
        ...ADOPTER_DEFAULTS,
        projectId: project.id,
        organizationId,
        number: entry.number,
        anonymous: entry.anonymous,
        publicLabel: entry.publicLabel,
        namedLabel,
        adopterType: entry.vendorNote ? 'vendor-offering' : ADOPTER_DEFAULTS.adopterType,
        vendorNote: entry.vendorNote,
        stage,
        stageDates,
        notes: entry.status === 'planned' ? entry.summary : '',
      });
      created.adopters++;

      if (entry.status !== 'planned') {
        const months = entry.months.length > 0 ? entry.months : [null];
        for (const [k, month] of months.entries()) {
          const last = k === months.length - 1;
          const date = last && entry.date && month && entry.date.startsWith(month) ? entry.date : null;
          const summary = last ? entry.summary : '';
          const approved = last && entry.status === 'published';
          const i = interview.insert({
            ...INTERVIEW_DEFAULTS,
            adopterId: a.id,
            date,
            month,
            summary,
            approvedAt: approved ? today : null,
            approvedHash: approved ? summaryHash(summary) : null,
          });
          created.interviews++;
          if (!last) continue;
          const seen = new Set<number>();
          for (const mention of entry.people) {
            const fields = checked(personFields.pick({ name: true, role: true }), { name: mention.name, role: mention.role ?? '' }, `${where}, interviewee "${mention.name}"`);
            const { person, created: isNew } = findOrCreatePerson(store, { name: fields.name, role: fields.role, organizationId });
            if (isNew) created.people++;
            if (seen.has(person.id)) continue;
            seen.add(person.id);
            // The document's role ('' when it gives none), not whatever the person's record says.
            participant.insert({ interviewId: i.id, personId: person.id, anonymous: false, role: fields.role ?? '', position: seen.size });
          }
          // Interviewees the document counts without naming: placeholders marked anonymous,
          // named so that neither the name nor its last word can occur in a summary.
          for (let k = 1; k <= entry.anonymousPeople; k++) {
            const { person, created: isNew } = findOrCreatePerson(store, { name: anonymousPersonName(k), role: null, organizationId });
            if (isNew) created.people++;
            if (seen.has(person.id)) continue;
            seen.add(person.id);
            participant.insert({ interviewId: i.id, personId: person.id, anonymous: true, position: seen.size });
          }
          if (entry.anonymousPeople > 0) {
            entryWarnings.push(
              `The entry counts ${entry.anonymousPeople === 1 ? 'an anonymous interviewee' : `${entry.anonymousPeople} anonymous interviewees`} without naming them; they were added as ${Array.from({ length: entry.anonymousPeople }, (_, k) => `"${anonymousPersonName(k + 1)}"`).join(', ')}, marked anonymous. Put the real people in their place if you know who they are.`,
            );
          }
        }
      }
      entries.push({ label: `Adopter ${entry.number}`, recognized: recognized(entry), warnings: entryWarnings });
    }

    return {
      fileName: input.fileName,
      dryRun,
      projectId: dryRun && created.projects > 0 ? null : project.id,
      entries,
      warnings,
      created,
      matches: organizations.matches,
    };
  });
}
