import { USAGE_LEVEL_LABELS, usageRank, type UsageLevel } from '../../domain/adopter';
import type { ProjectLevel } from '../../domain/project';
import { monthName } from '../markdown/months';
import { planEntry } from './entry-plan';
import type { PublicationAdopter, PublicationData } from './model';

/** The usage an adopter must reach to count for a level (TOC: dev/test for incubation, production for graduation). */
export const REQUIRED_USAGE: Record<ProjectLevel, UsageLevel> = { incubation: 'dev-test', graduation: 'production' };
export const REQUIRED_ADOPTERS = 3;

export interface AdoptionCriterion {
  met: boolean;
  /** How many adopters count, and why the others do not. */
  counted: number[];
  /** The checklist line exactly as the DD template writes it, checked or not. */
  checklistLine: string;
  sentence: string;
}

function reasonNotCounted(adopter: PublicationAdopter, level: ProjectLevel): string | null {
  const plan = planEntry(adopter);
  if (!adopter.independent) return 'not independent';
  if (adopter.interviews.length === 0) return 'not interviewed';
  if (!plan.approved) return 'summary not approved';
  if (!adopter.usageLevel) return 'usage level unknown';
  if (usageRank(adopter.usageLevel) < usageRank(REQUIRED_USAGE[level])) return `only ${USAGE_LEVEL_LABELS[adopter.usageLevel].toLowerCase()}`;
  return null;
}

export function adoptionCriterion(data: PublicationData): AdoptionCriterion {
  const level = data.project.level;
  const live = data.adopters.filter((a) => a.stage !== 'declined' && a.stage !== 'withdrawn');
  const counted = live.filter((a) => reasonNotCounted(a, level) === null).map((a) => a.number).sort((a, b) => a - b);
  const met = counted.length >= REQUIRED_ADOPTERS;
  const usage = USAGE_LEVEL_LABELS[REQUIRED_USAGE[level]].toLowerCase();
  const others = live
    .map((a) => [a.number, reasonNotCounted(a, level)] as const)
    .filter(([, reason]) => reason !== null)
    .map(([n, reason]) => `Adopter ${n}: ${reason}`);
  const sentence =
    `${counted.length} of ${live.length} adopter${live.length === 1 ? '' : 's'} ${counted.length === 1 ? 'is' : 'are'} independent, interviewed, approved and in ${usage}${level === 'incubation' ? ' or beyond' : ''} use` +
    (counted.length ? ` (${counted.map((n) => `Adopter ${n}`).join(', ')})` : '') +
    `; ${level} needs ${REQUIRED_ADOPTERS}.` +
    (others.length ? ` Not counted: ${others.join('; ')}.` : '');
  return {
    met,
    counted,
    checklistLine: `- [${met ? 'X' : ' '}] **Used in appropriate capacity by at least 3 independent + indirect/direct adopters, (these are not required to be in the publicly documented list of adopters)**`,
    sentence,
  };
}

function listWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** A first draft of the "### Adoption Evaluation" paragraph, from the data; the reviewer edits it. */
export function adoptionEvaluationDraft(data: PublicationData): string {
  const interviewed = data.adopters.filter((a) => a.interviews.length > 0 && a.stage !== 'declined' && a.stage !== 'withdrawn');
  if (interviewed.length === 0) return `_No adopters of ${data.project.name} have been interviewed yet._`;
  const months = interviewed.flatMap((a) => a.interviews.map((i) => i.month)).filter((m): m is string => m !== null).sort();
  const span =
    months.length === 0 ? '' : months[0] === months.at(-1) ? ` in ${monthName(months[0]!)}` : ` between ${monthName(months[0]!)} and ${monthName(months.at(-1)!)}`;
  const byUsage = new Map<string, number>();
  for (const a of interviewed) {
    const label = a.usageLevel ? USAGE_LEVEL_LABELS[a.usageLevel].toLowerCase() : 'an unrecorded level';
    byUsage.set(label, (byUsage.get(label) ?? 0) + 1);
  }
  const usage = listWords([...byUsage].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([label, n]) => `${n} in ${label}`));
  const industries = [...new Set(interviewed.map((a) => a.organization.industry?.toLowerCase()).filter((x): x is string => !!x))].sort();
  const independent = interviewed.filter((a) => a.independent).length;
  const criterion = adoptionCriterion(data);
  return (
    `_The TOC interviewed ${interviewed.length} adopter${interviewed.length === 1 ? '' : 's'} of ${data.project.name}${span}: ${usage}.` +
    (industries.length ? ` They work in ${listWords(industries)}.` : '') +
    ` ${independent} of them ${independent === 1 ? 'is' : 'are'} independent of the organizations behind the project.` +
    ` The adopter interviews reflect a project ${criterion.met ? 'in use' : 'too early'} for ${data.project.level}._`
  );
}
