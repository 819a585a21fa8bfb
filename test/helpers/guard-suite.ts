import fs from 'node:fs';
import path from 'node:path';
import unhomoglyph from 'unhomoglyph';
import { micromark } from 'micromark';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import type { Services } from '../../services/contract';
import { openDesk } from '../../services/desk';
import { packageText } from '../../templates/word/package-text';
import { cli } from './cli';
import { tempDir } from './temp-dir';

/**
 * The adversarial suite's bench: one DD with a named adopter (Adopter 1, "Acme Corp") and an
 * anonymous one (Adopter 2), whose organization, people and summaries each case sets. A case
 * runs `export adoption-md` and `export adoption-docx` through the command line, plain and
 * with `--drafts --typography`; it holds when every export is refused (exit 3) or the secret
 * is absent from everything it wrote, read as a reader would (see `readerForms`).
 */
export interface GuardCase {
  /** What the case shows, e.g. "a named reference inside the name". */
  name: string;
  /** The anonymous organization (defaults: "Globex Payments", Finance). */
  organization?: { name: string; aliases?: string[]; website?: string };
  /** People recorded under it, interviewed for Adopter 2. */
  people?: { name: string; email?: string }[];
  /** People recorded under it but never interviewed: contacts, candidates' contacts. */
  contacts?: { name: string; email?: string }[];
  /** Adopter 2's summary (its own entry). */
  summary?: string;
  /** Adopter 1's summary (another, named adopter's entry). */
  otherSummary?: string;
  /** What must not be published (as the reader would write it plainly). */
  secret: string;
}

/** Per export (md, md --drafts --typography, docx, docx --drafts --typography): refused, or the texts it wrote. */
export interface Outcome {
  refused: boolean[];
  published: string[][];
}

export interface Bench {
  run(kase: GuardCase): Promise<Outcome>;
  close(): void;
}

const EXPORTS = [
  ['adoption-md'],
  ['adoption-md', '--drafts', '--typography'],
  ['adoption-docx'],
  ['adoption-docx', '--drafts', '--typography'],
] as const;

export async function guardBench(): Promise<Bench> {
  const dir = tempDir();
  const db = path.join(dir, 'guard.sqlite');
  let round = 0;

  /** An interview logged, sent and approved, with its people. */
  const approved = async (services: Services, adopterId: number, summary: string, people: number[], date: string) => {
    const interview = await services.createInterview({ adopterId, date, interviewers: ['Rae Reviewer'], summary });
    for (const personId of people) await services.addParticipant({ interviewId: interview.id, personId, anonymous: false });
    const sent = await services.markSummarySent({ id: interview.id, version: interview.version, date });
    await services.approveSummary({ id: sent.id, version: sent.version, date });
  };

  return {
    async run(kase) {
      round++;
      // Each case is a project of its own: Adopter 1 (Acme Corp, named), Adopter 2 (anonymous).
      const desk = openDesk(db, { autoBackup: false });
      const services = desk.services;
      let slug: string;
      try {
        const project = await services.createProject({ name: `Meshery Flow ${round}`, level: 'incubation' });
        slug = project.slug;
        const acme = await services.createOrganization({ name: `Acme Corp ${round}`, industry: 'Media' });
        const named = await services.createAdopter({ projectId: project.id, organizationId: acme.id, usageLevel: 'production' });
        const ada = await services.createPerson({ name: 'Ada Example', role: 'Platform Lead', organizationId: acme.id });
        await approved(services, named.id, kase.otherSummary ?? 'Acme Corp runs the mesh.', [ada.id], '2024-06-10');
        const org = kase.organization ?? { name: 'Globex Payments' };
        const created = await services.createOrganization({ name: org.name, industry: 'Finance', aliases: org.aliases ?? [], ...(org.website ? { website: org.website } : {}) });
        const adopter = await services.createAdopter({ projectId: project.id, organizationId: created.id, anonymous: true, usageLevel: 'production' });
        const people = [];
        for (const person of kase.people ?? [{ name: 'Bo Sample' }]) {
          people.push((await services.createPerson({ name: person.name, organizationId: created.id, ...(person.email ? { email: person.email } : {}) })).id);
        }
        for (const contact of kase.contacts ?? []) {
          await services.createPerson({ name: contact.name, organizationId: created.id, ...(contact.email ? { email: contact.email } : {}) });
        }
        await approved(services, adopter.id, kase.summary ?? 'Adopter 2 moved its payment services onto the mesh.', people, '2024-07-10');
      } finally {
        desk.close();
      }
      return exportEverything(db, slug, path.join(dir, `out-${round}`));
    },
    close() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** For each export, the texts it wrote that a reader reads as containing the secret. */
export function leaksOf(published: readonly string[][], secret: string): string[][] {
  const wanted = normalise(secret);
  return published.map((texts) => texts.filter((text) => normalise(text).includes(wanted)));
}

/**
 * Registers a suite's tests (inside a describe): every case is refused or absent from all four
 * exports, every control is published by all four.
 */
export function guardCases(cases: readonly GuardCase[], controls: readonly GuardCase[]): void {
  let bench: Bench;
  beforeAll(async () => {
    bench = await guardBench();
  }, 60_000);
  afterAll(() => bench.close());

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, kase) => {
    // Each export was refused (nothing written) or wrote nothing a reader would read as the secret.
    expect(leaksOf((await bench.run(kase)).published, kase.secret)).toEqual([[], [], [], []]);
  });

  it.each(controls.map((c) => [c.name, c] as const))('control: %s is published', async (_name, kase) => {
    expect((await bench.run(kase)).refused).toEqual([false, false, false, false]);
  });
}

/**
 * A project's `export adoption-md` and `export adoption-docx` through the command line, plain
 * and with `--drafts --typography`: for each, refused (exit 3) or the texts it wrote as readers
 * read them. The files are written next to `outPrefix`.
 */
export async function exportEverything(db: string, slug: string, outPrefix: string): Promise<Outcome> {
  const refused: boolean[] = [];
  const published: string[][] = [];
  for (const [k, args] of EXPORTS.entries()) {
    const out = `${outPrefix}-${k}.${args[0] === 'adoption-md' ? 'md' : 'docx'}`;
    const result = await cli(['export', ...args, '--project', slug, '--out', out, '--db', db]);
    if (result.code === 3) {
      refused.push(true);
      published.push([]);
      continue;
    }
    if (result.code !== 0) throw new Error(`export ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
    refused.push(false);
    const bytes = fs.readFileSync(out);
    published.push(args[0] === 'adoption-md' ? readerForms(bytes.toString('utf8')) : (await packageText(bytes)).flatMap((p) => [...p.lines, ...p.attributes]));
  }
  return { refused, published };
}

/** Markdown as its readers meet it: the source as written, and the page GitHub shows (through micromark + GFM and a DOM). */
export function readerForms(markdown: string): string[] {
  const html = micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  const page = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
  const alts = [...page.querySelectorAll('img[alt]')].map((img) => img.getAttribute('alt') ?? '');
  return [markdown, page.textContent ?? '', ...alts];
}

/** Text normalised as a reader reads it: NFKC, format characters gone, look-alikes and letters folded, apostrophes and dashes plain, case folded, spaces one. */
export function normalise(text: string): string {
  return unhomoglyph(
    text
      .normalize('NFKC')
      .replace(/\p{Cf}/gu, '')
      .replace(/[\u2018\u2019\u02bc\u2032]/g, "'")
      .replace(/[\p{Pd}]/gu, '-')
      .normalize('NFKD')
      .replace(/\p{M}/gu, ''),
  )
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[þÞ]/g, 'th')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}
