import { z } from 'zod';
import { isoDay, yearOrYearMonth } from './dates';
import { entityId, longText, optionalLine } from './fields';
import { LIMITS } from './limits';
import { ADOPTER_TYPES, RELATIONS, STAGES, USAGE_LEVELS, defaultAnonymousLabel, type Stage } from './vocabulary';

export * from './vocabulary';

const enumOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: () => `${what} is one of: ${values.join(', ')}.` });

export const adopterType = enumOf(ADOPTER_TYPES, 'The adopter type');
export const relation = enumOf(RELATIONS, 'The relation');
export const usageLevel = enumOf(USAGE_LEVELS, 'The usage level');
export const stage = enumOf(STAGES, 'The stage');

/** The day each stage was reached (a stage not reached has no entry). */
export const stageDates = z.partialRecord(stage, isoDay);
export type StageDates = Partial<Record<Stage, string>>;

export const adopterNumber = z
  .number()
  .int('An adopter number is a whole number.')
  .min(1, 'Adopter numbers start at 1.')
  .max(LIMITS.adopters, `Adopter numbers go up to ${LIMITS.adopters}: a project holds at most ${LIMITS.adopters} adopters.`);

export const adopterFields = z.object({
  organizationId: entityId,
  /** The organization is not named in any public output. */
  anonymous: z.boolean(),
  /** What public output shows for an anonymous adopter; default "Anonymous <industry>". */
  publicLabel: optionalLine('The public label'),
  /**
   * What public output shows for a named adopter instead of "Organization/Industry": an
   * imported DD's own words ("Globex - financial services"), kept whatever the shared
   * organization's record says. Never printed while the adopter is anonymous.
   */
  namedLabel: optionalLine('The label in the DD'),
  adopterType: adopterType,
  relation: relation,
  /** Not the vendor behind the project (TOC criteria count independent adopters only). */
  independent: z.boolean(),
  independenceReason: optionalLine('The independence reason'),
  /** "Uses the project through X's platform": printed as a note in the published entry. */
  vendorNote: longText('The vendor note'),
  usageLevel: usageLevel.nullable(),
  inUseSince: yearOrYearMonth.nullable(),
  scale: optionalLine('The scale'),
  stage: stage,
  stageDates,
  notes: longText('Adopter notes'),
});

export type AdopterFields = z.output<typeof adopterFields>;

export interface Adopter extends AdopterFields {
  id: number;
  projectId: number;
  /** Stable "Adopter N" within the project. */
  number: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** The label public output shows for an anonymous adopter. */
export function anonymousLabel(adopter: Pick<AdopterFields, 'publicLabel'>, industry: string | null): string {
  return adopter.publicLabel ?? defaultAnonymousLabel(industry);
}

export const ADOPTER_DEFAULTS: Omit<AdopterFields, 'organizationId'> = {
  anonymous: false,
  publicLabel: null,
  namedLabel: null,
  adopterType: 'end-user',
  relation: 'direct',
  independent: true,
  independenceReason: null,
  vendorNote: '',
  usageLevel: null,
  inUseSince: null,
  scale: null,
  stage: 'candidate',
  stageDates: {},
  notes: '',
};
