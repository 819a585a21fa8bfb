import type { z } from 'zod';
import { DeskError } from '../domain/errors';
import { ORGANIZATION_DEFAULTS, type Organization } from '../domain/organization';
import { PERSON_DEFAULTS, type Person } from '../domain/person';
import type { Store } from '../db/store';
import { ImportTextError, prepareImportText } from '../templates/import/text';
import { describeIssue } from './field-words';
import { checkImportedProject } from './project-limits';
import type { ImportReport, SameNameMatch } from './views';

/**
 * What every importer shares: text checks, the all-or-nothing change (a dry run is the
 * same change rolled back, so its report is exactly what a real run would do), and the
 * find-or-create rules for organizations and people.
 */

export type Created = ImportReport['created'];
export const noneCreated = (): Created => ({ projects: 0, organizations: 0, people: 0, adopters: 0, interviews: 0, quotes: 0 });

/** Text handed to a service: refused with VALIDATION when binary or too big; BOM and CRLF normalized. */
export function importText(fileName: string, text: string): { text: string; warnings: string[] } {
  try {
    return prepareImportText(fileName || 'The file', text);
  } catch (error) {
    if (error instanceof ImportTextError) throw new DeskError('VALIDATION', error.message);
    throw error;
  }
}

class RolledBack<T> extends Error {
  constructor(readonly value: T) {
    super('dry run');
  }
}

/**
 * Runs an import as one change; on a dry run the change is rolled back after `fn` built its
 * report, so nothing is written and the report is exactly what the import would do. Last,
 * inside the change, the project it wrote must pass the archive door (services/project-limits.ts):
 * an import never leaves a project its own archive could not carry, and a refusal keeps nothing.
 */
export function changeOrDryRun<T>(store: Store, fileName: string, label: string, dryRun: boolean, fn: () => T): T {
  const checkedFn = () => {
    const value = fn();
    const projectId = store.changingProject();
    if (projectId !== null) checkImportedProject(store, projectId, fileName || 'The file');
    return value;
  };
  if (!dryRun) return store.change(label, checkedFn);
  try {
    store.change(label, () => {
      throw new RolledBack(checkedFn());
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.value as T;
    throw error;
  }
  throw new Error('unreachable');
}

/** A schema check whose failure names what was being imported ("Adopter 3: …"). */
export function checked<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // The issue in words ("The date "x" is not a date…"), never an input key.
  throw new DeskError('VALIDATION', `${where}: ${issue ? describeIssue(issue) : 'the value is not valid.'} Nothing was imported.`);
}

const lower = (s: string) => s.trim().toLocaleLowerCase('en');

/**
 * Organizations by name, case-insensitive, found once and remembered for the rest of the
 * import. Only the target project's own organizations (and those the import creates) are
 * matched by name alone: an organization another project uses is shared only when the
 * reviewer confirmed it is the same one (`confirmed`, names as the document writes them);
 * otherwise the import files the document's words under a new record, and the match is
 * proposed (`matches`). Another project's records are never changed by an import.
 */
export class OrganizationFinder {
  private byName: Map<string, Organization> | null = null;
  /** For each organization another project uses: those projects. Such a record is never changed by this import. */
  private readonly usedElsewhere = new Map<number, Set<number>>();
  /** Same-name organizations of other projects, not matched unless confirmed. */
  private readonly others = new Map<string, Organization>();
  /** The names the reviewer confirmed, folded as `lower` folds them. */
  private readonly confirmed: ReadonlySet<string>;
  readonly matches: SameNameMatch[] = [];

  constructor(
    private readonly store: Store,
    private readonly scope: { projectId: number | null; confirmed?: readonly string[] } = { projectId: null },
  ) {
    this.confirmed = new Set((scope.confirmed ?? []).map(lower));
  }

  private index(): Map<string, Organization> {
    if (!this.byName) {
      this.byName = new Map();
      const { organization, adopter } = this.store.tables;
      const ours = new Set(this.scope.projectId === null ? [] : adopter.list({ project_id: this.scope.projectId }, { includeTrashed: true }).map((a) => a.organizationId));
      for (const a of adopter.list({}, { includeTrashed: true })) {
        if (a.projectId === this.scope.projectId) continue;
        this.usedElsewhere.set(a.organizationId, (this.usedElsewhere.get(a.organizationId) ?? new Set()).add(a.projectId));
      }
      for (const org of organization.list({}, { orderBy: 'id' })) {
        const key = lower(org.name);
        if (this.byName.has(key)) continue;
        // Free to match by name: this project's own, one no project uses yet, or one the reviewer confirmed.
        if (ours.has(org.id) || !this.usedElsewhere.has(org.id) || this.confirmed.has(key)) this.byName.set(key, org);
        else this.others.set(key, org);
      }
    }
    return this.byName;
  }

  find(name: string): Organization | undefined {
    return this.index().get(lower(name));
  }

  /** Whether another project uses the organization too (then the import leaves its record alone). */
  isShared(org: Organization): boolean {
    this.index();
    return this.usedElsewhere.has(org.id);
  }

  /** The organization of that name, created when there is none; `created` says which. */
  findOrCreate(fields: { name: string; industry?: string | null; website?: string | null }): { organization: Organization; created: boolean } {
    const key = lower(fields.name);
    const found = this.find(fields.name);
    const other = this.others.get(key);
    // Reported: a same-name record of another project kept apart, or one shared because the
    // reviewer confirmed it (this project's own records are simply used, as always).
    const reported = other ?? (found && this.confirmed.has(key) && this.isShared(found) ? found : null);
    if (reported && !this.matches.some((m) => lower(m.name) === key)) {
      const projects = [...(this.usedElsewhere.get(reported.id) ?? [])].map((id) => this.store.tables.project.find(id)?.name ?? 'a project in the trash').sort();
      this.matches.push({ name: fields.name, existing: { name: reported.name, industry: reported.industry, projects }, confirmed: !other });
    }
    if (found) return { organization: found, created: false };
    const organization = this.create(fields);
    this.index().set(key, organization);
    return { organization, created: true };
  }

  /** Always a new organization (the placeholder of an anonymous adopter). */
  create(fields: { name: string; industry?: string | null; website?: string | null; aliases?: string[] }): Organization {
    return this.store.tables.organization.insert({
      ...ORGANIZATION_DEFAULTS,
      aliases: fields.aliases ?? [],
      name: fields.name,
      industry: fields.industry ?? null,
      website: fields.website ?? null,
    });
  }

  /**
   * Fills fields the existing record leaves empty; returns what differs and was left as it
   * was. A record another project uses is left as it is: filling it in would change what
   * that project publishes.
   */
  fillIn(org: Organization, fields: { industry?: string | null; website?: string | null }): { organization: Organization; differs: string[] } {
    const patch: Partial<Organization> = {};
    const differs: string[] = [];
    const shared = this.isShared(org);
    for (const key of ['industry', 'website'] as const) {
      const value = fields[key];
      if (!value) continue;
      const current = org[key];
      if (current === null) {
        if (!shared) patch[key] = value;
      } else if (lower(current) !== lower(value)) differs.push(`${key} "${current}" (the document says "${value}")`);
    }
    const organization = Object.keys(patch).length ? this.store.tables.organization.update(org.id, org.version, patch) : org;
    this.index().set(lower(organization.name), organization);
    return { organization, differs };
  }
}

/** People by name within an organization, case-insensitive; created when absent. */
export function findOrCreatePerson(
  store: Store,
  fields: { name: string; role: string | null; organizationId: number | null; email?: string | null },
): { person: Person; created: boolean } {
  const existing = store.tables.person
    .list(fields.organizationId === null ? { organization_id: null } : { organization_id: fields.organizationId })
    .find((p) => lower(p.name) === lower(fields.name));
  if (existing) return { person: existing, created: false };
  return {
    person: store.tables.person.insert({ ...PERSON_DEFAULTS, name: fields.name, role: fields.role, organizationId: fields.organizationId, email: fields.email ?? null }),
    created: true,
  };
}
