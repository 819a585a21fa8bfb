import fc from 'fast-check';
import { ADOPTER_TYPES, STAGES, USAGE_LEVELS } from '../../domain/adopter';
import type { DeskApi } from '../../services/contract';
import { unwrap } from './desk';

/**
 * A random project, built through the app's own operations (so every record is one the app
 * could hold): organizations, people, adopters with allowances, interviews with participants,
 * answers, quotes and approved summaries. Used by the archive's and the share format's round trips.
 */

const word = fc.stringMatching(/^[A-Z][a-zà-ÿ]{2,9}$/);
const line = fc.stringMatching(/^[A-Za-z0-9À-ÿ][A-Za-z0-9À-ÿ .,&'()/-]{0,30}$/).map((s) => s.trim()).filter((s) => s.length > 0);
const text = fc.oneof(fc.constant(''), fc.string({ unit: 'grapheme', maxLength: 120 }), fc.array(line, { maxLength: 4 }).map((l) => l.join('\n\n')));
const day = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const interviewPlan = fc.record({
  when: fc.oneof(fc.constant({}), day.map((date) => ({ date })), day.map((d) => ({ month: d.slice(0, 7) }))),
  summary: text,
  rawNotes: text,
  interviewers: fc.uniqueArray(line, { maxLength: 2 }),
  people: fc.uniqueArray(fc.nat(3), { maxLength: 3 }),
  anonymousPeople: fc.boolean(),
  answers: fc.uniqueArray(fc.constantFrom('q1', 'q2', 'q4', 'q13', 'custom-1'), { maxLength: 3 }),
  answerText: line,
  quotes: fc.array(fc.record({ text: line, speaker: fc.option(fc.nat(3), { nil: null }), approved: fc.boolean(), tags: fc.uniqueArray(word, { maxLength: 2 }) }), { maxLength: 2 }),
  approve: fc.boolean(),
});

const adopterPlan = fc.record({
  org: fc.nat(3),
  anonymous: fc.boolean(),
  publicLabel: fc.option(line, { nil: undefined }),
  adopterType: fc.constantFrom(...ADOPTER_TYPES),
  usageLevel: fc.option(fc.constantFrom(...USAGE_LEVELS), { nil: null }),
  stage: fc.constantFrom(...STAGES),
  vendorNote: fc.oneof(fc.constant(''), line),
  notes: text,
  allowance: fc.option(word, { nil: null }),
  interviews: fc.array(interviewPlan, { maxLength: 3 }),
});

export const projectPlan = fc.record({
  name: fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
  level: fc.constantFrom('incubation' as const, 'graduation' as const),
  notes: text,
  organizations: fc.uniqueArray(
    fc.record({ name: fc.tuple(word, fc.constantFrom('Corp', 'Labs', 'Bank', '')).map(([a, b]) => `${a} ${b}`.trim()), industry: fc.option(line, { nil: null }), alias: fc.option(word, { nil: null }) }),
    { minLength: 1, maxLength: 4, selector: (o) => o.name.toLowerCase() },
  ),
  people: fc.array(fc.record({ name: fc.tuple(word, word).map(([a, b]) => `${a} ${b}`), role: fc.option(line, { nil: null }) }), { minLength: 0, maxLength: 4 }),
  adopters: fc.array(adopterPlan, { maxLength: 4 }),
});

export type Plan = typeof projectPlan extends fc.Arbitrary<infer T> ? T : never;

/** Builds the plan through the app's own operations (so every record is one the app could hold). */
export async function buildProject(api: DeskApi, plan: Plan) {
  const project = await unwrap(api.createProject({ name: plan.name, level: plan.level, notes: plan.notes }));
  const orgs = [];
  for (const o of plan.organizations) orgs.push(await unwrap(api.createOrganization({ name: o.name, industry: o.industry ?? '', aliases: o.alias ? [o.alias] : [] })));
  const peopleOf = new Map<number, number[]>();
  for (const [k, who] of plan.people.entries()) {
    const org = orgs[k % orgs.length]!;
    const existing = (await unwrap(api.listPeople({ organizationId: org.id }))).find((x) => x.name.toLowerCase() === who.name.toLowerCase());
    const person = existing ?? (await unwrap(api.createPerson({ name: who.name, role: who.role ?? '', organizationId: org.id })));
    peopleOf.set(org.id, [...new Set([...(peopleOf.get(org.id) ?? []), person.id])]);
  }
  for (const a of plan.adopters) {
    const org = orgs[a.org % orgs.length]!;
    const adopter = await unwrap(
      api.createAdopter({
        projectId: project.id,
        organizationId: org.id,
        anonymous: a.anonymous,
        publicLabel: a.publicLabel ?? '',
        adopterType: a.adopterType,
        usageLevel: a.usageLevel,
        vendorNote: a.vendorNote,
        notes: a.notes,
      }),
    );
    await unwrap(api.setAdopterStage({ id: adopter.id, version: adopter.version, stage: a.stage, date: '2025-01-02' }));
    if (a.anonymous && a.allowance) await unwrap(api.addAllowance({ adopterId: adopter.id, term: a.allowance }));
    const people = peopleOf.get(org.id) ?? [];
    for (const iv of a.interviews) {
      const interview = await unwrap(api.createInterview({ adopterId: adopter.id, ...iv.when, summary: iv.summary, rawNotes: iv.rawNotes, interviewers: iv.interviewers }));
      const present: number[] = [];
      for (const k of iv.people) {
        const personId = people[k % Math.max(1, people.length)];
        if (personId === undefined || present.includes(personId)) continue;
        present.push(personId);
        await unwrap(api.addParticipant({ interviewId: interview.id, personId, anonymous: iv.anonymousPeople }));
      }
      for (const key of iv.answers) await unwrap(api.setAnswer({ interviewId: interview.id, questionKey: key, text: `${iv.answerText} (${key})`, version: null }));
      for (const q of iv.quotes) {
        const speaker = q.speaker === null ? null : (present[q.speaker % Math.max(1, present.length)] ?? null);
        await unwrap(api.createQuote({ interviewId: interview.id, text: q.text, speakerPersonId: speaker, approved: q.approved, tags: q.tags }));
      }
      if (iv.approve && iv.summary.trim()) {
        const sent = await unwrap(api.markSummarySent({ id: interview.id, version: (await unwrap(api.getInterview({ id: interview.id }))).interview.version, date: '2025-02-01' }));
        await unwrap(api.approveSummary({ id: sent.id, version: sent.version, date: '2025-02-03' }));
      }
    }
  }
  return project;
}
