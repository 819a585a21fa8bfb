import { describe, expect, it } from 'vitest';
import { parseDdDocument } from '../../../templates/import/dd-parse';
import { labelWordsNamingOrganization } from '../../../templates/import/anonymity';
import { failure, freshDesk, inProcessDeskApi, unwrap } from '../../helpers/desk';

/** Invented organizations only. */
const dd = (label: string) => `# Globex Mesh Incubation Due Diligence

#### Adoption

##### Adopter 1 - Acme/Media

_Ada Example, Platform Lead_\\
SEPTEMBER 2024

Acme runs Globex Mesh in production.

##### Adopter 2 - ${label}

OCTOBER 2024

This adopter preferred to remain anonymous. The team runs it for payments.
`;

describe('the words of an anonymous entry’s label that may name its organization', () => {
  it.each([
    ['Initrode / Finance', ['Initrode']],
    ['Initrode Corp / Finance', ['Initrode']],
    ['Initrode Holdings GmbH (Banking)', ['Initrode']],
    ['Global Initrode Bank / Finance', ['Initrode']],
    ['Initrode Hooli / Retail', ['Initrode', 'Hooli']],
    ['Anonymous Finance', []],
    ['Financial Services', []],
    ['Global Cloud Provider', []],
    ['Corp / Finance', []],
  ])('%s → %j', (label, words) => {
    expect(labelWordsNamingOrganization(label)).toEqual(words);
  });

  it('the parser keeps them on the entry and says what becomes of them', () => {
    const [, entry] = parseDdDocument(dd('Initrode Corp / Finance')).entries;
    expect(entry).toMatchObject({ anonymous: true, organization: null, labelSecrets: ['Initrode'] });
    expect(entry!.warnings.join(' ')).toMatch(/may name the organization \(Initrode\): "Initrode" was recorded as an alias of its organization, so the anonymity guard refuses any export that prints it/);
  });

  it('a named entry’s label records nothing', () => {
    const [first] = parseDdDocument(dd('Initrode / Finance')).entries;
    expect(first).toMatchObject({ anonymous: false, organization: 'Acme', labelSecrets: [] });
  });
});

describe('importing such an entry', () => {
  it('records the word as an alias of the placeholder organization, and the guard enforces it', async () => {
    const desk = freshDesk();
    const api = inProcessDeskApi(desk);
    const report = await unwrap(api.importDdDocument({ fileName: 'dd.md', text: dd('Initrode Corp / Finance') }));
    expect(report.entries[1]!.recognized).toMatchObject({ aliasesFromLabel: ['Initrode'] });
    expect(report.entries[1]!.warnings.join(' ')).toMatch(/"Initrode" was recorded as an alias/);

    const organizations = await unwrap(api.listOrganizations({}));
    expect(organizations.find((o) => o.name === 'Anon #2')).toMatchObject({ aliases: ['Initrode'] });

    // The label as published names them: the export is refused until it is changed.
    const projectId = report.projectId!;
    const check = await unwrap(api.checkAdoption({ projectId }));
    expect(check.leaks).toEqual([expect.objectContaining({ term: 'Initrode', kind: 'alias', adopterNumber: 2, entryNumber: 2 })]);
    expect((await failure(api.exportAdoptionMarkdown({ projectId }))).code).toBe('LEAK_DETECTED');

    const [, adopter] = await unwrap(api.listAdopters({ projectId }));
    await unwrap(api.updateAdopter({ id: adopter!.id, version: adopter!.version, publicLabel: null }));
    const exported = await unwrap(api.exportAdoptionMarkdown({ projectId }));
    expect(exported.markdown).toContain('##### Adopter 2 - Anonymous Finance');
    expect(exported.markdown).not.toMatch(/Initrode/);
  });

  it('a label that names nobody adds no alias', async () => {
    const desk = freshDesk();
    const api = inProcessDeskApi(desk);
    const report = await unwrap(api.importDdDocument({ fileName: 'dd.md', text: dd('Financial Services') }));
    expect(report.entries[1]!.recognized).toMatchObject({ aliasesFromLabel: [] });
    const organizations = await unwrap(api.listOrganizations({}));
    expect(organizations.find((o) => o.name === 'Anon #2')).toMatchObject({ aliases: [] });
    const check = await unwrap(api.checkAdoption({ projectId: report.projectId! }));
    expect(check.leaks).toEqual([]);
  });
});
