import { describe, expect, it } from 'vitest';
import { suggestUsageLevel } from '../../../templates/adoption/usage-hints';

/** Invented summaries only. Each row: the summary, the level it suggests (null: none), the words shown as the reason. */
const level = (summary: string) => suggestUsageLevel(summary)?.level ?? null;

describe('usage levels suggested by a summary’s words', () => {
  it.each([
    ['Kestrel Logistics runs Lumen Relay in production for its parcel tracking.', 'production'],
    ['The platform team has run it in production since 2023.', 'production'],
    ['In production since March 2022, across three regions.', 'production'],
    ['They moved it to production last spring.', 'production'],
    ['All production workloads go through the relay.', 'production'],
    ['It carries production traffic for 40 services.', 'production'],
    ['The relay went live in 2024 for the checkout service.', 'production'],
    ['They use it in staging and production.', 'production'],
    ['Evaluated in 2021, it now runs in production.', 'production'],
    ['After a pilot last year, the bank runs it in production.', 'production'],
    ['Orchid Health runs it in **production** on two clusters.', 'production'],
    ['It has been in prod for two years.', 'production'],
    ['They run it in pre-production for the routing services.', 'pre-production'],
    ['The team runs a pilot with two product teams.', 'pre-production'],
    ['It is piloted in one region.', 'pre-production'],
    ['Everything goes through a staging cluster first.', 'pre-production'],
    ['It runs on production-like clusters.', 'pre-production'],
    ['They use it in development and testing clusters.', 'dev-test'],
    ['Used for development/testing only.', 'dev-test'],
    ['It runs in dev/test clusters.', 'dev-test'],
    ['Only non-production environments use it.', 'dev-test'],
    ['Their test environments run it nightly.', 'dev-test'],
    ['The team is evaluating the relay.', 'evaluating'],
    ['They built a proof of concept in April.', 'evaluating'],
    ['A PoC is under way.', 'evaluating'],
    ['They are trialling it against two others.', 'evaluating'],
    ['The architects experiment with it.', 'evaluating'],
    ['In May 2024 they moved it to production.', 'production'],
    ['Once in production, their latency dropped by half.', 'production'],
    ['Some teams run it in production; others are evaluating it.', 'production'],
  ] as const)('%s → %s', (summary, expected) => {
    expect(level(summary)).toBe(expected);
  });

  it.each([
    // Negations and plans: never production.
    ['It is not yet in production.', null],
    ['Not in production yet.', null],
    ['They plan to move to production next year.', null],
    ['The team plans to run it in production in 2026.', null],
    ['They will go to production after the audit.', null],
    ['Production use is planned for next year.', null],
    ['It is never used in production.', null],
    ["It isn't running in production.", null],
    ['They hope to move into production soon.', null],
    ['They are preparing to move to production.', null],
    ['They are on the path to production.', null],
    ['No production workloads use it.', null],
    ['Before going to production they want a security review.', null],
    ['The relay is production-ready, they say.', null],
    ['The plan is to go to production in the third quarter.', null],
    ['They ran it in production until last year.', null],
    ['It is no longer in production.', null],
    ['They do not run it in production yet.', null],
    ['They are considering it for production.', null],
    // Neither a level nor usage at all.
    ['The interviewee liked the documentation.', null],
    ['Orchid Health is a healthcare provider.', null],
    ['', null],
  ] as const)('%s → nothing', (summary, expected) => {
    expect(level(summary)).toBe(expected);
  });

  it.each([
    ['It is not yet in production; they run it in staging.', 'pre-production'],
    ['They evaluate it for production workloads.', 'evaluating'],
    ['It runs in dev/test, and they plan to move to production next year.', 'dev-test'],
    ['Orchid Health uses it in development and testing clusters, and plans to move to production next year.', 'dev-test'],
    ['The team is evaluating Lumen Relay in a proof of concept; it is not yet in production.', 'evaluating'],
    ['A pilot is planned for next quarter; for now they are evaluating it.', 'evaluating'],
    ['They run it in staging, but not in production.', 'pre-production'],
    ['Not in production, but in pre-production since May.', 'pre-production'],
  ] as const)('mixed: %s → %s', (summary, expected) => {
    expect(level(summary)).toBe(expected);
  });

  it('gives the words and their sentence, so the reviewer sees why', () => {
    const hint = suggestUsageLevel('Kestrel Logistics is a parcel carrier. It has run the relay in production since 2023. They like it.');
    expect(hint).toEqual({ level: 'production', words: 'in production', sentence: 'It has run the relay in production since 2023.' });
  });

  it('takes the most advanced level any paragraph affirms', () => {
    const hint = suggestUsageLevel('The team evaluated it in 2022.\n\nToday it carries production traffic for every store.');
    expect(hint).toMatchObject({ level: 'production', words: 'production traffic' });
  });

  it('reads Markdown as words: links and emphasis do not hide a phrase', () => {
    expect(level('They run [Lumen Relay](https://lumen.example) _in production_.')).toBe('production');
    expect(level('- evaluating it\n- not in production')).toBe('evaluating');
  });
});
