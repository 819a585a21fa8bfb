// @vitest-environment jsdom
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { exportEverything, guardCases, leaksOf, type GuardCase, type Outcome } from '../../helpers/guard-suite';

/**
 * The adversarial suite, part two: the secrets the guard derives from what was recorded —
 * organization names as people write them, every part of every person's name, websites and
 * e-mail domains, and the labels of imported anonymous entries. Each case is exported as
 * Markdown and as Word, plain and with --drafts --typography, through the command line; every
 * export must be refused or the secret absent from all it wrote. Invented names only.
 */

const org = (name: string, summary: string, secret: string, extra: Partial<GuardCase> = {}): GuardCase => ({
  name: `${name}: ${summary}`,
  organization: { name },
  summary,
  secret,
  ...extra,
});

/** 5. Organization names as people write them. */
const ORGANIZATIONS: GuardCase[] = [
  ...[
    'Globex Inc.',
    'Globex Inc',
    'Globex, Inc.',
    'Globex Ltd',
    'Globex Ltd.',
    'Globex Limited',
    'Globex GmbH',
    'Globex AG',
    'Globex S.A.',
    'Globex SA',
    'Globex S.p.A.',
    'Globex LLC',
    'Globex L.L.C.',
    'Globex PLC',
    'Globex Corp.',
    'Globex Corporation',
    'Globex Co.',
    'Globex Company',
    'Globex Group',
    'Globex Holdings',
    'Globex N.V.',
    'Globex B.V.',
    'Globex K.K.',
    'Globex Pty Ltd',
    'Globex SE',
    'Globex S.A.S.',
    'Globex Oy',
    'Globex AB',
    'Globex A/S',
    'Globex GmbH & Co. KG',
    'Globex Co., Ltd.',
  ].map((name) => org(name, 'Globex runs the mesh.', 'Globex')),
  org('Globex Holdings, Inc.', 'Globex Holdings runs the mesh.', 'Globex Holdings'),
  org('Initrode & Hooli', 'Initrode and Hooli run the mesh.', 'Initrode and Hooli'),
  org('Initrode and Hooli', 'Initrode & Hooli run the mesh.', 'Initrode & Hooli'),
  org('Initrode & Hooli Ltd', 'Initrode and Hooli run the mesh.', 'Initrode and Hooli'),
  org('Globe-Tex', 'Globe Tex runs the mesh.', 'Globe Tex'),
  org('Globe-Tex', 'GlobeTex runs the mesh.', 'GlobeTex'),
  org('Globe-Tex', 'The globetex platform team runs the mesh.', 'globetex'),
  org('Globe Tex', 'GlobeTex runs the mesh.', 'GlobeTex'),
  org('Globe Tex', 'Globe-Tex runs the mesh.', 'Globe-Tex'),
  org('Globe Tex AG', 'Globe-Tex runs the mesh.', 'Globe-Tex'),
  org('Initech Payments Group', 'Initech runs the mesh.', 'Initech'),
  org('Initech Data Systems', 'Initech runs the mesh.', 'Initech'),
  org('The Initech Company', 'Initech runs the mesh.', 'Initech'),
  org('The Initech Company', 'The Initech Co runs the mesh.', 'Initech'),
  org('Bank of Initech', 'Initech runs the mesh.', 'Initech'),
  org('Global Initech Ltd', 'Initech runs the mesh.', 'Initech'),
  org('Hooli', 'Initrode runs the mesh.', 'Initrode', { organization: { name: 'Hooli', aliases: ['Initrode Labs Inc.'] } }),
  org('Hooli', 'Initrode Labs runs the mesh.', 'Initrode Labs', { organization: { name: 'Hooli', aliases: ['Initrode Labs Inc.'] } }),
  org('Vandelay Industries', 'Vandelay runs the mesh.', 'Vandelay'),
  org('Vandelay Industries', 'Acme learned it from Vandelay.', 'Vandelay', { summary: undefined, otherSummary: 'Acme learned it from Vandelay.' }),
];

/** 6. People: every distinctive part, everyone recorded under the organization, and their e-mail. */
// Not "Ada": the bench's named adopter prints "Ada Example", so a given name "Ada" is printed anyway.
const ADA = [{ name: 'Priya van der Berg' }];
const person = (summary: string, secret: string, extra: Partial<GuardCase>): GuardCase => ({ name: `${summary} (${secret})`, summary, secret, ...extra });
const PEOPLE: GuardCase[] = [
  person('Priya van der Berg explained the setup.', 'Priya van der Berg', { people: ADA }),
  person('Berg explained the setup.', 'Berg', { people: ADA }),
  person('Priya explained the setup.', 'Priya', { people: ADA }),
  person('Mr. van der Berg explained the setup.', 'Berg', { people: ADA }),
  person('Sample explained the setup.', 'Sample', { people: [{ name: 'Priya Example-Sample' }] }),
  person('Example explained the setup.', 'Example', { people: [{ name: 'Priya Example-Sample' }] }),
  person('Priya explained the setup.', 'Priya', { people: [{ name: 'Priya Example-Sample' }] }),
  person('Ada Example explained the setup.', 'Ada Example', { people: [{ name: 'Dr. Ada Example, PhD' }] }),
  person('Example explained the setup.', 'Example', { people: [{ name: 'Ada Example Jr.' }] }),
  person('Example explained the setup.', 'Example', { people: [{ name: 'Ada Example III' }] }),
  person('Hiroshi explained the setup.', 'Hiroshi', { people: [{ name: 'Tanaka Hiroshi' }] }),
  person('Tanaka explained the setup.', 'Tanaka', { people: [{ name: 'Tanaka Hiroshi' }] }),
  person('Hiroshi Tanaka explained the setup.', 'Tanaka', { people: [{ name: 'TANAKA Hiroshi' }] }),
  person('Ada Example explained the setup.', 'Ada Example', { people: [{ name: 'Example, Ada' }] }),
  person('Ada Example explained the setup.', 'Ada Example', { people: [{ name: 'Ada Maria Example' }] }),
  person('Maria explained the setup.', 'Maria', { people: [{ name: 'Ada Maria Example' }] }),
  person('Jean-Luc explained the setup.', 'Jean-Luc', { people: [{ name: 'Jean-Luc Sample' }] }),
  person('Robbie explained the setup.', 'Robbie', { people: [{ name: 'Robert (Robbie) Sample' }] }),
  person('Priya Candidate introduced us.', 'Priya Candidate', { contacts: [{ name: 'Priya Candidate' }] }),
  person('Candidate introduced us.', 'Candidate', { contacts: [{ name: 'Priya Candidate' }] }),
  person('Priya introduced us.', 'Priya', { contacts: [{ name: 'Priya Candidate' }] }),
  person('Acme heard of it from Priya.', 'Priya', { summary: undefined, otherSummary: 'Acme heard of it from Priya.', contacts: [{ name: 'Priya Candidate' }] }),
  person('Write to priya@initech.example.', 'priya@initech.example', { contacts: [{ name: 'Priya Candidate', email: 'priya@initech.example' }] }),
  person('Mail comes from initech.example.', 'initech.example', { contacts: [{ name: 'Priya Candidate', email: 'priya@initech.example' }] }),
  person('Mail comes from initech.example.', 'initech.example', { people: [{ name: 'Bo Sample', email: 'bo@mail.initech.example' }] }),
  person('Write to bo.sample@gmail.com.', 'bo.sample@gmail.com', { people: [{ name: 'Bo Sample', email: 'bo.sample@gmail.com' }] }),
];

/** 7. Websites and domains. */
const site = (website: string, summary: string, secret: string, extra: Partial<GuardCase> = {}): GuardCase => ({
  name: `${website}: ${summary}`,
  organization: { name: 'Umbra Payments', website },
  summary,
  secret,
  ...extra,
});
const WEBSITES: GuardCase[] = [
  site('https://www.umbra-pay.example/', 'See umbra-pay.example for details.', 'umbra-pay.example'),
  site('https://www.umbra-pay.example/', 'The umbra-pay portal runs it.', 'umbra-pay'),
  site('https://www.umbra-pay.example/', 'The umbrapay portal runs it.', 'umbrapay'),
  site('https://blog.eu.umbra-pay.co.uk/', 'See umbra-pay.co.uk.', 'umbra-pay.co.uk'),
  site('https://glöbex.example', 'See xn--glbex-kua.example.', 'xn--glbex-kua.example'),
  site('https://xn--glbex-kua.example', 'See glöbex.example.', 'glöbex.example'),
  site('https://xn--glbex-kua.example', 'The glöbex portal runs it.', 'glöbex'),
  site('https://github.com/vdl-labs', 'Charts live at github.com/vdl-labs.', 'vdl-labs'),
  site('https://github.com/vdl-labs', 'The vdl-labs operator runs it.', 'vdl-labs'),
  site('https://github.com/vdl-labs', 'The vdl labs operator runs it.', 'vdl labs'),
  site('https://gitlab.com/vdl-labs/mesh', 'See gitlab.com/vdl-labs.', 'vdl-labs'),
  site('https://www.linkedin.com/company/vdl-labs/', 'Follow vdl-labs.', 'vdl-labs'),
  site('https://vdlabs.github.io/docs', 'Docs at vdlabs.github.io.', 'vdlabs.github.io'),
  site('https://vdlabs.github.io/docs', 'The vdlabs docs explain it.', 'vdlabs'),
  site('https://vdlabs.substack.com', 'Read vdlabs.substack.com.', 'vdlabs.substack.com'),
  site('https://vdlabs.substack.com', 'The vdlabs newsletter covers it.', 'vdlabs'),
  site('https://medium.com/@vdlabs', 'The vdlabs blog covers it.', 'vdlabs'),
  site('https://hub.docker.com/r/vdlabs/mesh', 'Pull vdlabs/mesh.', 'vdlabs'),
];

const ALL = [...ORGANIZATIONS, ...PEOPLE, ...WEBSITES];

/** What must export: a named adopter's text that only looks near a secret. */
const control = (name: string, otherSummary: string, extra: Partial<GuardCase>): GuardCase => ({ name, otherSummary, secret: '-', ...extra });
const CONTROLS: GuardCase[] = [
  control('github.com itself', 'Acme keeps its charts on github.com and its images on hub.docker.com.', { organization: { name: 'Umbra Payments', website: 'https://github.com/vdl-labs' } }),
  control('substack.com itself', 'Acme writes on substack.com and medium.com.', { organization: { name: 'Umbra Payments', website: 'https://vdlabs.substack.com' } }),
  control('linkedin.com itself', 'Find Acme on linkedin.com.', { organization: { name: 'Umbra Payments', website: 'https://www.linkedin.com/company/vdl-labs' } }),
  control('a public mail provider', 'Acme’s contractors write from gmail.com addresses.', { people: [{ name: 'Bo Sample', email: 'bo.sample@gmail.com' }] }),
  control('generic words of the name', 'The global cloud team at Acme runs it; cloud costs fell.', { organization: { name: 'Global Cloud Initech Ltd' } }),
  control('a legal form', 'Acme Corp is a limited company, the group said.', { organization: { name: 'Initech Group Ltd' } }),
  control('particles', 'Acme uses van der Waals forces? No: it runs the mesh, la la.', { people: ADA }),
  control('a given name a named interviewee shares', 'Ada Example set it up at Acme.', { people: [{ name: 'Ada van der Berg' }] }),
  control('a two-letter given name', 'Bo is not a word at Acme.', { people: [{ name: 'Bo Sample' }] }),
  control('an everyday given name', 'Acme will keep it; it may grow.', { people: [{ name: 'Will Sample' }, { name: 'May Tester' }] }),
  control('a short domain label', 'Acme fixed a gap in its ops.', { organization: { name: 'Umbra Payments', website: 'https://gap.example' } }),
  control('the pieces of a hyphenated name', 'Acme spans the globe.', { organization: { name: 'Globe-Tex' } }),
];

describe('the anonymity guard against the names it must derive', { timeout: 600_000 }, () => {
  it('has many cases in every class', () => {
    expect(ORGANIZATIONS.length).toBeGreaterThanOrEqual(40);
    expect(PEOPLE.length).toBeGreaterThanOrEqual(25);
    expect(WEBSITES.length).toBeGreaterThanOrEqual(15);
  });

  guardCases(ALL, CONTROLS);
});

/** 8. Imported anonymous entries whose label may name the organization. */
const dd = (label: string) => `# Meshery Flow Incubation Due Diligence

#### Adoption

##### Adopter 1 - Acme/Media

_Ada Example, Platform Lead_\\
SEPTEMBER 2024

Acme runs the mesh in production.

##### Adopter 2 - ${label}

OCTOBER 2024

This adopter preferred to remain anonymous. The team runs it for payments.
`;

const LABELS: { label: string; secret: string }[] = [
  { label: 'Initrode / Finance', secret: 'Initrode' },
  { label: 'Initrode Corp / Finance', secret: 'Initrode' },
  { label: 'Initrode Holdings GmbH (Banking)', secret: 'Initrode' },
  { label: 'Global Initrode Bank / Finance', secret: 'Initrode' },
  { label: '[Initrode](https://initrode.example) / Finance', secret: 'Initrode' },
  { label: 'Initrode', secret: 'Initrode' },
];

describe('imported anonymous entries whose label may name them', { timeout: 600_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-labels-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function importAndExport(label: string, k: number): Promise<Outcome> {
    const db = path.join(dir, `import-${k}.sqlite`);
    const file = path.join(dir, `dd-${k}.md`);
    fs.writeFileSync(file, dd(label));
    const imported = await cli(['import-dd', file, '--db', db]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/recorded as an alias/);
    return exportEverything(db, 'meshery-flow', path.join(dir, `out-${k}`));
  }

  it.each(LABELS.map((c, k) => [c.label, c, k] as const))('%s: refused or absent', async (_label, kase, k) => {
    expect(leaksOf((await importAndExport(kase.label, k)).published, kase.secret)).toEqual([[], [], [], []]);
  });
});
