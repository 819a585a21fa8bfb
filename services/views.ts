import type { Adopter, Stage, StageDates, UsageLevel } from '../domain/adopter';
import type { Project } from '../domain/project';
import type { DateFormatChoice, TypedOrder } from '../domain/date-format';
import type { AdoptionCriterion } from '../templates/adoption/criteria';
import type { RenderedSection } from '../templates/adoption/section';
import type { Warning } from '../templates/adoption/warnings';
import type { GuardTerm } from '../templates/guard/guard-terms';
import type { LeakHit } from '../templates/guard/scan';

export type { GuardTerm, LeakHit, Warning, AdoptionCriterion };
import type { Answer, Interview, Participant, Quote } from '../domain/interview';
import type { Organization } from '../domain/organization';
import type { Person } from '../domain/person';

/** Shapes the services return beyond single records. Types only: the renderer imports them. */

/**
 * Where the adopter's approval of the summary stands, each state with its day: the
 * screen shows it and offers only the next steps. 'revoked' comes from the history (an
 * approval taken back clears the interview's approval day and is recorded there).
 */
export type ApprovalStatus =
  | { state: 'not-sent' }
  | { state: 'sent'; sentAt: string; due: string }
  | { state: 'approved'; sentAt: string | null; approvedAt: string; summaryChanged: boolean }
  | { state: 'revoked'; sentAt: string | null; revokedOn: string };

export interface InterviewDetail {
  interview: Interview;
  /** Two weeks after the summary was sent; null until it is. */
  approvalDue: string | null;
  approval: ApprovalStatus;
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
  /** Where the database that was replaced now lives (never deleted): a before-restore backup; null when there was none. */
  replacedKeptAt: string | null;
}

/** The private preview: the section as it would print (drafts included), with everything that is wrong with it. */
export interface AdoptionPreview {
  markdown: string;
  entries: RenderedSection['entries'];
  omitted: RenderedSection['omitted'];
  leaks: LeakHit[];
  allowed: LeakHit[];
  warnings: Warning[];
  criterion: AdoptionCriterion;
  evaluationDraft: string;
}

/** The public section, guarded: it exists only when nothing leaked. */
export interface AdoptionExport {
  markdown: string;
  omitted: RenderedSection['omitted'];
  allowed: LeakHit[];
}

export interface AdoptionCheck {
  criterion: AdoptionCriterion;
  warnings: Warning[];
  leaks: LeakHit[];
  allowed: LeakHit[];
  omitted: RenderedSection['omitted'];
  /** Criterion met, at least one entry, and no leak. */
  publishable: boolean;
}

/**
 * A generated file as it crosses the contract: base64 so every front door (IPC, the
 * HTTP harness, the CLI) carries it the same way; the main process or the CLI writes it.
 */
export interface DocumentFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

export type PageSize = 'a4' | 'letter';
export type Theme = 'system' | 'light' | 'dark';

export interface Settings {
  /** Author written into Word documents; empty means none (never "Un-named"). */
  authorName: string;
  pageSize: PageSize;
  theme: Theme;
  dateFormat: DateFormatChoice;
  typedDateOrder: TypedOrder;
}

/** What an import recognized, what it could not, and what it did (or would do, on a dry run). */
/** An organization of the document with the same name as one another project already has. */
export interface SameNameMatch {
  /** The name as the document writes it. */
  name: string;
  existing: { name: string; industry: string | null; projects: string[] };
  /** The reviewer said it is the same organization: the import used that record. */
  confirmed: boolean;
}

export interface ImportReport {
  fileName: string;
  dryRun: boolean;
  projectId: number | null;
  entries: {
    /** "Adopter 3", a CSV row, an interview question. */
    label: string;
    recognized: Record<string, unknown>;
    warnings: string[];
  }[];
  warnings: string[];
  created: { projects: number; organizations: number; people: number; adopters: number; interviews: number; quotes: number };
  /**
   * Organizations of the file with the same name as one another project has: shared only when
   * the reviewer confirmed it; otherwise the file's got a record of its own.
   */
  matches?: SameNameMatch[];
}

export interface NextAction {
  /** "Approval due in 3 days", "Approval overdue" (since `due`). Empty when nothing is left to do. */
  text: string;
  due: string | null;
  overdue: boolean;
}

/** One adopter as the pipeline shows it. */
export interface PipelineRow {
  adopterId: number;
  number: number;
  organization: string;
  anonymous: boolean;
  stage: Stage;
  stageDates: StageDates;
  usageLevel: UsageLevel | null;
  interviews: number;
  next: NextAction;
  /** For the list's columns and its search: the organization's industry, the label the DD prints, who was interviewed. */
  industry: string | null;
  label: string | null;
  people: string[];
  /** The latest interview's day (or month, when only that is known); null before any. */
  interviewDate: string | null;
  /** Where its approval stands: some summary approved, one waiting for an answer, or none sent. */
  approval: 'approved' | 'waiting' | 'not-sent';
}

/** One project on the projects screen. */
export interface ProjectCard {
  project: Project;
  adopters: number;
  interviewed: number;
  needed: number;
  approvalsPending: number;
  approvalsOverdue: number;
  criterionMet: boolean;
}

/** One adopter's entry as it would print, with its own leaks and warnings. */
export interface EntryPreview {
  markdown: string;
  leaks: LeakHit[];
  warnings: Warning[];
}
