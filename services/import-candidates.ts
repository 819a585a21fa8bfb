import { ADOPTER_DEFAULTS } from '../domain/adopter';
import { DeskError } from '../domain/errors';
import { emailField, httpUrl, nameField } from '../domain/fields';
import { hasControlCharacters } from '../domain/text';
import { localDay } from '../db/clock';
import type { Store } from '../db/store';
import { CANDIDATE_FIELDS, guessMapping, organizationDomain, parseCsv, websiteDomain, type CandidateField } from '../templates/import/csv';
import { OrganizationFinder, changeOrDryRun, findOrCreatePerson, importText, noneCreated } from './import-common';
import { checkAdopterCount } from './project-limits';
import type { ImportReport } from './views';

export interface CandidatesImportInput {
  fileName: string;
  text: string;
  projectId: number;
  mapping?: Record<string, string>;
  /** Organizations the reviewer confirmed are the ones of that name another project has (see OrganizationFinder). */
  sameOrganizations?: string[];
  dryRun?: boolean;
}

interface Candidate {
  line: number;
  organization: string;
  industry: string | null;
  website: string | null;
  name: string | null;
  role: string | null;
  email: string | null;
  notes: string;
  errors: string[];
  flags: string[];
}

const lower = (s: string) => s.trim().toLocaleLowerCase('en');

/** What a zod field schema says about one value, or null when it is fine. */
function problem(schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, value: string): string | null {
  const r = schema.safeParse(value);
  return r.success ? null : (r.error?.issues[0]?.message ?? 'invalid value');
}

/**
 * Candidate adopters from a CSV file: each row becomes an adopter at the "candidate"
 * stage (its organization found or created, its contact as a person). The columns are
 * mapped to fields (guessed from the header unless given); columns mapped to nothing go
 * into the adopter's notes as "Column: value", so nothing is lost. Duplicates (the same
 * organization or e-mail domain as another row or an adopter already in the project)
 * are flagged. All rows or none: any row error refuses the whole file; a dry run (the
 * preview) reports every row with its errors and flags and writes nothing.
 */
export function importCandidates(store: Store, input: CandidatesImportInput): ImportReport {
  const decoded = importText(input.fileName, input.text);
  const csv = parseCsv(decoded.text);
  if (csv.problems.length > 0) {
    throw new DeskError(
      'VALIDATION',
      `${input.fileName} is not well-formed CSV: ${csv.problems.slice(0, 10).map((p) => `line ${p.line}: ${p.message}`).join('; ')}. Nothing was imported.`,
      { problems: csv.problems },
    );
  }
  if (csv.rows.length === 0) throw new DeskError('VALIDATION', `${input.fileName} has a header but no rows. Nothing was imported.`);

  // The mapping: given columns must exist and name known fields; the rest is guessed.
  const mapping: Record<string, CandidateField> = input.mapping ? {} : guessMapping(csv.header);
  for (const [column, field] of Object.entries(input.mapping ?? {})) {
    if (!csv.header.includes(column)) throw new DeskError('VALIDATION', `The mapping names a column "${column}" that the file does not have (it has: ${csv.header.join(', ')}).`);
    if (!(CANDIDATE_FIELDS as readonly string[]).includes(field)) throw new DeskError('VALIDATION', `"${field}" is not a field; map columns to: ${CANDIDATE_FIELDS.join(', ')}.`);
    mapping[column] = field as CandidateField;
  }
  if (input.mapping) for (const [column, field] of Object.entries(guessMapping(csv.header))) if (!(column in mapping) && !Object.values(mapping).includes(field)) mapping[column] = field;
  const single = CANDIDATE_FIELDS.filter((f) => f !== 'notes' && f !== 'ignore');
  for (const field of single) {
    const columns = Object.keys(mapping).filter((c) => mapping[c] === field);
    if (columns.length > 1) throw new DeskError('VALIDATION', `Two columns (${columns.join(', ')}) are mapped to ${field}; map one of them to notes or ignore.`);
  }
  if (!Object.values(mapping).includes('organization')) {
    throw new DeskError('VALIDATION', `No column is mapped to organization (columns: ${csv.header.join(', ')}); map one, e.g. --map "Company=organization".`);
  }

  const candidates: Candidate[] = csv.rows.map((row) => {
    const value = (field: CandidateField) => {
      const k = csv.header.findIndex((h) => mapping[h] === field);
      return k < 0 ? '' : (row.cells[k] ?? '').trim();
    };
    const notes = csv.header
      .map((h, k) => [h, (row.cells[k] ?? '').trim()] as const)
      .filter(([h, v]) => v !== '' && (mapping[h] === undefined || mapping[h] === 'notes'))
      .map(([h, v]) => (mapping[h] === 'notes' && v.includes('\n') ? `${h}:\n${v}` : `${h}: ${v}`))
      .join('\n');
    const c: Candidate = {
      line: row.line,
      organization: value('organization'),
      industry: value('industry') || null,
      website: value('website') || null,
      name: value('name') || null,
      role: value('role') || null,
      email: value('email') || null,
      notes,
      errors: [],
      flags: [],
    };
    if (!c.organization) c.errors.push('The organization is empty.');
    else {
      const p = problem(nameField('The organization name'), c.organization);
      if (p) c.errors.push(p);
    }
    if (c.website) {
      const p = problem(httpUrl('The website'), c.website);
      if (p) c.errors.push(`${p} (“${c.website}”)`);
    }
    if (c.email) {
      const p = problem(emailField, c.email);
      if (p) c.errors.push(`${p} (“${c.email}”)`);
    }
    if (c.name) {
      const p = problem(nameField('The contact’s name'), c.name);
      if (p) c.errors.push(p);
    }
    for (const [label, v] of [['industry', c.industry], ['role', c.role]] as const) {
      if (v && (v.length > 1000 || hasControlCharacters(v))) c.errors.push(`The ${label} must be one line of at most 1000 characters.`);
    }
    return c;
  });

  const dryRun = input.dryRun ?? false;
  return changeOrDryRun(store, input.fileName, `Import candidates ${input.fileName}`, dryRun, () => {
    const { project, adopter, organization, person } = store.tables;
    const p = project.getLive(input.projectId);
    const created = noneCreated();
    // Rows become the next numbers; numbers stay with their adopters, in the trash too.
    const lastNumber = store.db.prepare<[number], { n: number }>('SELECT coalesce(max(number), 0) AS n FROM adopter WHERE project_id = ?').get(p.id)!.n;
    checkAdopterCount(input.fileName, p.name, lastNumber, candidates.length, candidates.length === 1 ? 'candidate' : 'candidates');

    // Duplicates: against the project's adopters and against earlier rows.
    const existing = adopter.list({ project_id: p.id }, { includeTrashed: true }).map((a) => {
      const org = organization.get(a.organizationId);
      const domains = new Set<string>();
      const site = websiteDomain(org.website);
      if (site) domains.add(site);
      for (const who of person.list({ organization_id: org.id })) {
        const d = organizationDomain(who.email);
        if (d) domains.add(d);
      }
      return { number: a.number, name: org.name, domains };
    });
    const seenNames = new Map<string, number>();
    const seenDomains = new Map<string, number>();
    for (const c of candidates) {
      const domain = organizationDomain(c.email) ?? websiteDomain(c.website);
      const sameName = existing.find((e) => c.organization && lower(e.name) === lower(c.organization));
      if (sameName) c.flags.push(`${c.organization} is already Adopter ${sameName.number} of ${p.name}.`);
      const sameDomain = domain ? existing.find((e) => e.domains.has(domain) && e !== sameName) : undefined;
      if (sameDomain) c.flags.push(`The domain ${domain} is already Adopter ${sameDomain.number}'s (${sameDomain.name}).`);
      const earlier = seenNames.get(lower(c.organization));
      if (c.organization && earlier !== undefined) c.flags.push(`The same organization as the row on line ${earlier}.`);
      const earlierDomain = domain ? seenDomains.get(domain) : undefined;
      if (earlierDomain !== undefined && earlierDomain !== earlier) c.flags.push(`The same e-mail domain (${domain}) as the row on line ${earlierDomain}.`);
      if (c.organization && earlier === undefined) seenNames.set(lower(c.organization), c.line);
      if (domain && earlierDomain === undefined) seenDomains.set(domain, c.line);
    }

    const failing = candidates.filter((c) => c.errors.length > 0);
    if (failing.length > 0 && !dryRun) {
      throw new DeskError(
        'VALIDATION',
        `${failing.length} row${failing.length === 1 ? '' : 's'} of ${input.fileName} cannot be imported: ${failing
          .slice(0, 10)
          .map((c) => `line ${c.line}: ${c.errors.join(' ')}`)
          .join('; ')}. Nothing was imported; fix the file (or the mapping) and import again.`,
        { rows: failing.map((c) => ({ line: c.line, errors: c.errors })) },
      );
    }

    const organizations = new OrganizationFinder(store, { projectId: p.id, confirmed: input.sameOrganizations ?? [] });
    const today = localDay(store.clock);
    const entries: ImportReport['entries'] = [
      { label: 'Columns', recognized: Object.fromEntries(csv.header.map((h) => [h, mapping[h] ?? 'notes (unmapped)'])), warnings: [] },
    ];
    for (const c of candidates) {
      const recognized = { line: c.line, organization: c.organization, industry: c.industry, website: c.website, name: c.name, role: c.role, email: c.email, notes: c.notes };
      if (c.errors.length > 0) {
        entries.push({ label: `Row on line ${c.line}`, recognized, warnings: [...c.errors.map((e) => `Error: ${e}`), ...c.flags] });
        continue;
      }
      const found = organizations.findOrCreate({ name: c.organization, industry: c.industry, website: c.website });
      if (found.created) created.organizations++;
      else organizations.fillIn(found.organization, { industry: c.industry, website: c.website });
      const a = adopter.insert({
        ...ADOPTER_DEFAULTS,
        projectId: p.id,
        organizationId: found.organization.id,
        number: (store.db.prepare<[number], { n: number }>('SELECT coalesce(max(number), 0) + 1 AS n FROM adopter WHERE project_id = ?').get(p.id)?.n ?? 1),
        stage: 'candidate',
        stageDates: { candidate: today },
        notes: c.notes,
      });
      created.adopters++;
      if (c.name) {
        const who = findOrCreatePerson(store, { name: c.name, role: c.role, organizationId: found.organization.id, email: c.email });
        if (who.created) created.people++;
      }
      entries.push({ label: `Row on line ${c.line} → Adopter ${a.number}`, recognized, warnings: c.flags });
    }
    const warnings = [...decoded.warnings];
    if (failing.length > 0) warnings.push(`${failing.length} row${failing.length === 1 ? ' has' : 's have'} errors; the import will refuse the file until they are fixed.`);
    const flagged = candidates.filter((c) => c.flags.length > 0).length;
    if (flagged > 0) warnings.push(`${flagged} row${flagged === 1 ? ' looks' : 's look'} like a duplicate; check the flags.`);
    return { fileName: input.fileName, dryRun, projectId: p.id, entries, warnings, created, matches: organizations.matches };
  });
}
