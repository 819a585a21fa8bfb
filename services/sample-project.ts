import { ADOPTER_DEFAULTS, type Stage, type UsageLevel } from '../domain/adopter';
import { INTERVIEW_DEFAULTS } from '../domain/interview';
import { ORGANIZATION_DEFAULTS } from '../domain/organization';
import { PERSON_DEFAULTS } from '../domain/person';
import { PROJECT_DEFAULTS, type Project } from '../domain/project';
import { slugify } from '../domain/text';
import { addDays } from '../domain/dates';
import { isoNow, localDay } from '../db/clock';
import type { Store } from '../db/store';
import type { ServiceGroup } from './contract';
import { summaryHash } from './summary-hash';

/**
 * A project to look around in on the first run: invented organizations and people, each
 * adopter at another step of the work (approved, waiting for approval, only contacted), so
 * every screen has something to show. Marked as the sample by its id in the settings rows
 * (not by its name, which the reviewer may change); deleting it is deleting a project.
 */
export const SAMPLE_PROJECT_NAME = 'Lumen Relay (sample)';

/** The setting row listing the sample projects' ids; the settings screen does not read it. */
const SAMPLE_KEY = 'sampleProjects';

interface SampleAdopter {
  organization: string;
  industry: string;
  anonymous?: boolean;
  usageLevel: UsageLevel | null;
  stage: Stage;
  person: { name: string; role: string };
  /** Days are counted back from today, so the sample is a project under way, never one with long-overdue approvals. */
  interview?: { daysAgo: number; summary: string; sentDaysAgo?: number; approvedDaysAgo?: number; notes?: Record<string, string> };
}

const ADOPTERS: SampleAdopter[] = [
  {
    organization: 'Kestrel Logistics',
    industry: 'Logistics',
    usageLevel: 'production',
    stage: 'approved',
    person: { name: 'Ana Quill', role: 'Platform Lead' },
    interview: {
      daysAgo: 70,
      sentDaysAgo: 66,
      approvedDaysAgo: 60,
      summary:
        'Kestrel Logistics has run Lumen Relay in production since 2023, carrying the events of its parcel tracking across three regions. The team chose it for its small footprint and its retry semantics, and would recommend it to others moving off hand-written queues.',
      notes: {
        q1: 'Two years; first in one region, all three since last spring.',
        q4: 'Production. About 40 services, 2 million events a day.',
      },
    },
  },
  {
    organization: 'Tallpine Bank',
    industry: 'Finance',
    anonymous: true,
    usageLevel: 'pre-production',
    stage: 'approved',
    person: { name: 'Ben Ortiz', role: 'SRE' },
    interview: {
      daysAgo: 41,
      sentDaysAgo: 39,
      approvedDaysAgo: 30,
      summary:
        'The bank runs Lumen Relay in pre-production for its payment notifications, with a move to production planned after its yearly audit. Operators praised the documentation of failure modes.',
    },
  },
  {
    organization: 'Orchid Health',
    industry: 'Healthcare',
    usageLevel: 'dev-test',
    stage: 'summary-sent',
    person: { name: 'Cara Lin', role: 'Engineer' },
    interview: {
      daysAgo: 9,
      sentDaysAgo: 6,
      summary: 'Orchid Health uses Lumen Relay in development and testing clusters to replay lab results between services. They would like clearer upgrade notes.',
    },
  },
  { organization: 'Quarry Games', industry: 'Gaming', usageLevel: null, stage: 'contacted', person: { name: 'Dev Amari', role: 'CTO' } },
];

function sampleIds(store: Store): number[] {
  const row = store.db.prepare<[string], { value: string }>('SELECT value FROM setting WHERE key = ?').get(SAMPLE_KEY);
  try {
    const ids: unknown = row ? JSON.parse(row.value) : [];
    return Array.isArray(ids) ? ids.filter((id): id is number => Number.isInteger(id)) : [];
  } catch {
    return [];
  }
}

/** "lumen-relay-sample", or "-2", "-3" when an earlier sample still holds the slug (in the trash, say). */
function freeSlug(store: Store): string {
  const base = slugify(SAMPLE_PROJECT_NAME);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (store.tables.project.list({ slug }, { includeTrashed: true }).length === 0) return slug;
  }
}

function createSample(store: Store): Project {
  const { project, organization, person, adopter, interview, participant, answer } = store.tables;
  const today = localDay(store.clock);
  const p = project.insert({
    ...PROJECT_DEFAULTS,
    name: SAMPLE_PROJECT_NAME,
    level: 'incubation',
    slug: freeSlug(store),
    notes: 'A sample project with invented adopters, to look around in. Delete it when you are done; your own projects are not touched.',
  });
  for (const [k, item] of ADOPTERS.entries()) {
    const org = organization.insert({ ...ORGANIZATION_DEFAULTS, name: item.organization, industry: item.industry });
    const who = person.insert({ ...PERSON_DEFAULTS, name: item.person.name, role: item.person.role, organizationId: org.id });
    const ago = (days: number | undefined) => (days === undefined ? null : addDays(today, -days));
    const stageDates: Partial<Record<Stage, string>> = { candidate: ago(90)!, contacted: ago(80)! };
    const i = item.interview;
    const date = ago(i?.daysAgo);
    const sent = ago(i?.sentDaysAgo);
    const approved = ago(i?.approvedDaysAgo);
    if (date) stageDates.interviewed = date;
    if (sent) stageDates['summary-sent'] = sent;
    if (approved) stageDates.approved = approved;
    const a = adopter.insert({
      ...ADOPTER_DEFAULTS,
      projectId: p.id,
      organizationId: org.id,
      number: k + 1,
      anonymous: item.anonymous ?? false,
      usageLevel: item.usageLevel,
      stage: item.stage,
      stageDates,
    });
    if (!i || !date) continue;
    const row = interview.insert({
      ...INTERVIEW_DEFAULTS,
      adopterId: a.id,
      date,
      month: date.slice(0, 7),
      interviewers: ['You'],
      durationMinutes: 45,
      summary: i.summary,
      summarySentAt: sent,
      approvedAt: approved,
      approvedHash: approved ? summaryHash(i.summary) : null,
    });
    participant.insert({ interviewId: row.id, personId: who.id, anonymous: false, role: item.person.role, position: 1 });
    for (const [questionKey, text] of Object.entries(i.notes ?? {})) answer.insert({ interviewId: row.id, questionKey, text });
  }
  const ids = [...sampleIds(store), p.id];
  store.db
    .prepare<[string, string, string]>(
      'INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    )
    .run(SAMPLE_KEY, JSON.stringify(ids), isoNow(store.clock));
  return p;
}

export function sampleProjectServices(store: Store): ServiceGroup<'createSampleProject' | 'sampleProjectIds'> {
  return {
    createSampleProject: () => store.change(`Create project ${SAMPLE_PROJECT_NAME}`, () => createSample(store)),
    // Only those still standing: an undone or purged sample leaves its id behind, harmlessly.
    sampleProjectIds: () => store.read(() => sampleIds(store).filter((id) => store.tables.project.find(id) !== undefined)),
  };
}
