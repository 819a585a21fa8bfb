import type { z } from 'zod';
import { DeskError } from '../domain/errors';
import { ORGANIZATION_DEFAULTS, type Organization } from '../domain/organization';
import { PERSON_DEFAULTS, type Person } from '../domain/person';
import type { Store } from '../db/store';
import { ImportTextError, prepareImportText } from '../templates/import/text';
import { describeIssue } from './field-words';
import type { ImportReport } from './views';

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
 * Runs `fn` as one change; on a dry run the change is rolled back after `fn` built its
 * report, so nothing is written and the report is exactly what the import would do.
 */
export function changeOrDryRun<T>(store: Store, label: string, dryRun: boolean, fn: () => T): T {
  if (!dryRun) return store.change(label, fn);
  try {
    store.change(label, () => {
      throw new RolledBack(fn());
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

/** Organizations by name, case-insensitive, found once and remembered for the rest of the import. */
export class OrganizationFinder {
  private byName: Map<string, Organization> | null = null;
  constructor(private readonly store: Store) {}

  private index(): Map<string, Organization> {
    if (!this.byName) {
      this.byName = new Map();
      for (const org of this.store.tables.organization.list({}, { orderBy: 'id' })) {
        if (!this.byName.has(lower(org.name))) this.byName.set(lower(org.name), org);
      }
    }
    return this.byName;
  }

  find(name: string): Organization | undefined {
    return this.index().get(lower(name));
  }

  /** The organization of that name, created when there is none; `created` says which. */
  findOrCreate(fields: { name: string; industry?: string | null; website?: string | null }): { organization: Organization; created: boolean } {
    const found = this.find(fields.name);
    if (found) return { organization: found, created: false };
    const organization = this.create(fields);
    this.index().set(lower(organization.name), organization);
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

  /** Fills fields the existing record leaves empty; returns what differs and was left as it was. */
  fillIn(org: Organization, fields: { industry?: string | null; website?: string | null }): { organization: Organization; differs: string[] } {
    const patch: Partial<Organization> = {};
    const differs: string[] = [];
    for (const key of ['industry', 'website'] as const) {
      const value = fields[key];
      if (!value) continue;
      if (org[key] === null) patch[key] = value;
      else if (lower(org[key]!) !== lower(value)) differs.push(`${key} "${org[key]}" (the document says "${value}")`);
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
