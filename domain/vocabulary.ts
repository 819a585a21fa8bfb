/**
 * The words of the domain as plain constants, without schemas: the renderer may import
 * this file (and questions.ts) at run time to name things, so the UI and the documents
 * say "Pre-production" the same way. Everything else in domain/ it imports as types.
 */
export const ADOPTER_TYPES = ['end-user', 'service-provider', 'consultancy', 'another-project', 'vendor-offering'] as const;
export type AdopterType = (typeof ADOPTER_TYPES)[number];
export const ADOPTER_TYPE_LABELS: Record<AdopterType, string> = {
  'end-user': 'End user',
  'service-provider': 'Service provider',
  consultancy: 'Consultancy',
  'another-project': 'Another project',
  'vendor-offering': 'Uses a vendor offering',
};

export const RELATIONS = ['direct', 'transitive'] as const;
export type Relation = (typeof RELATIONS)[number];

/** Ordered: each level includes the ones before it when criteria ask for "X or beyond". */
export const USAGE_LEVELS = ['evaluating', 'dev-test', 'pre-production', 'production'] as const;
export type UsageLevel = (typeof USAGE_LEVELS)[number];
export const USAGE_LEVEL_LABELS: Record<UsageLevel, string> = {
  evaluating: 'Evaluating',
  'dev-test': 'Dev/test',
  'pre-production': 'Pre-production',
  production: 'Production',
};

export const usageRank = (level: UsageLevel): number => USAGE_LEVELS.indexOf(level);

/** The pipeline, in order; declined and withdrawn end it from any step. */
export const STAGES = ['candidate', 'contacted', 'scheduled', 'interviewed', 'summary-sent', 'approved', 'declined', 'withdrawn'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
  candidate: 'Candidate',
  contacted: 'Contacted',
  scheduled: 'Scheduled',
  interviewed: 'Interviewed',
  'summary-sent': 'Summary sent',
  approved: 'Approved',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

/** What a column of a candidate list (CSV) can be mapped to; "notes" keeps it in the adopter's notes. */
export const CANDIDATE_FIELDS = ['organization', 'industry', 'website', 'name', 'role', 'email', 'notes', 'ignore'] as const;
export type CandidateField = (typeof CANDIDATE_FIELDS)[number];
export const CANDIDATE_FIELD_LABELS: Record<CandidateField, string> = {
  organization: 'Organization',
  industry: 'Industry',
  website: 'Website',
  name: 'Contact name',
  role: 'Contact role',
  email: 'Contact e-mail',
  notes: 'Keep in notes',
  ignore: 'Ignore',
};

/**
 * What public documents call an anonymous adopter unless the reviewer wrote a label of
 * their own: "Anonymous Finance", or just "Anonymous" without an industry.
 */
/** "Ana", "Ana and Ben", "Ana, Ben and Chloé" (empty for none): names and counts in one sentence. */
export const andList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;

export const defaultAnonymousLabel = (industry: string | null | undefined): string => (industry ? `Anonymous ${industry}` : 'Anonymous');

/**
 * Where an allowance releases its term, as the reviewer reads it (the app, the command
 * line and the dossier say it alike): "only in its own entry", "only in Adopter 4's
 * entry", "everywhere". `entryNumber` null is everywhere.
 */
export function allowanceScope(allowance: { entryNumber: number | null }, adopterNumber: number): string {
  if (allowance.entryNumber === null) return 'everywhere';
  return allowance.entryNumber === adopterNumber ? 'only in its own entry' : `only in Adopter ${allowance.entryNumber}'s entry`;
}
