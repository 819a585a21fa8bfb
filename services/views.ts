import type { Adopter, Stage, UsageLevel } from '../domain/adopter';
import type { Answer, Interview, Participant, Quote } from '../domain/interview';
import type { Organization } from '../domain/organization';
import type { Person } from '../domain/person';

/** Shapes the services return beyond single records. Types only: the renderer imports them. */

export interface InterviewDetail {
  interview: Interview;
  participants: (Participant & { person: Person })[];
  answers: Answer[];
  quotes: Quote[];
}

export interface AdopterDetail {
  adopter: Adopter;
  organization: Organization;
  interviews: Interview[];
}

export interface TrashItem {
  entity: 'project' | 'adopter' | 'interview';
  id: number;
  /** What the reviewer recognizes it by: "Globex Mesh", "Adopter 3 - Initech", "Interview of 2024-09-17". */
  title: string;
  deletedAt: string;
}

/**
 * One adopter as `adopters --json` prints it (a stable interface other tools rely on).
 * For an anonymous adopter, `organization` and `interviewees` hold the real values:
 * this is the reviewer's private store; `label` is what public documents show.
 */
export interface AdopterOverview {
  number: number;
  label: string;
  organization: string;
  industry: string | null;
  anonymous: boolean;
  intervieweesAnonymous: boolean;
  interviewees: { name: string; role: string | null }[];
  interviewMonth: string | null;
  interviewDates: string[];
  usageLevel: UsageLevel | null;
  stage: Stage;
  summary: string;
}

export type SearchKind = 'summary' | 'notes' | 'answer' | 'quote' | 'organization';

/** One place a search matched, with enough to jump there. */
export interface SearchHit {
  kind: SearchKind;
  /** What the reviewer recognizes: "Adopter 3 - Initech · summary", "Globex (organization)". */
  title: string;
  /** Matched text with the matches wrapped in [[ and ]] (the UI marks them; no HTML crosses the contract). */
  snippet: string;
  organizationId: number | null;
  adopterId: number | null;
  interviewId: number | null;
  /** The question the notes were typed under, for answers. */
  questionKey: string | null;
}

export interface SearchGroup {
  /** null for matches outside any project (an organization no adopter uses). */
  project: { id: number; name: string; slug: string } | null;
  hits: SearchHit[];
}

export interface SearchResults {
  query: string;
  total: number;
  groups: SearchGroup[];
}

export type BackupReason = 'daily' | 'manual' | 'before-migration' | 'before-restore';

export interface BackupInfo {
  /** Absolute path of the backup file. */
  file: string;
  createdAt: string;
  reason: BackupReason;
  bytes: number;
}

export interface RestoreResult {
  restoredFrom: string;
  /** Where the database that was replaced now lives (never deleted). */
  replacedKeptAt: string;
}
