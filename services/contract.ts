import type { z } from 'zod';
import type { Adopter } from '../domain/adopter';
import type { Allowance } from '../domain/allowance';
import type { Dismissal } from '../domain/dismissal';
import type { ErrorInfo } from '../domain/errors';
import type { HistoryEntry, HistoryListEntry, UndoResult, UndoState } from '../domain/history';
import type { Answer, Interview, Participant, Quote } from '../domain/interview';
import type { Organization } from '../domain/organization';
import type { Person } from '../domain/person';
import type { Project } from '../domain/project';
import {
  adopterInputs as adopter,
  adoptionInputs as adoption,
  backupInputs,
  byId,
  historyInputs,
  interviewInputs as interview,
  none,
  organizationInputs as organization,
  overviewInputs,
  personInputs as person,
  projectInputs as project,
  quoteInputs as quote,
  searchInputs,
} from './inputs';
import { importInputs } from './imports';
import type { AppInfo } from './app-info';
import { checklistInputs, type ImportChecklist } from './after-import';
import type { OperationName } from './operations';
import { pipelineInputs } from './pipeline-actions';
import { bulkInputs, type BulkResult } from './adopter-bulk';
import { dismissalInputs } from './warning-dismissals';
import { settingsInputs } from './settings';
import type {
  AdopterDetail,
  AdopterOverview,
  AdoptionCheck,
  AdoptionExport,
  AdoptionPreview,
  BackupInfo,
  DocumentFile,
  EntryPreview,
  GuardTerm,
  ImportReport,
  InterviewDetail,
  PipelineRow,
  ProjectCard,
  RestoreResult,
  SearchResults,
  Settings,
  TrashItem,
} from './views';
import type { TrashSummary } from './trash-summary';
import { approvalInputs } from './interviews';
import { wordInputs } from './word';
import { shareInputs, type ConflictComparison, type ShareStatusRow, type SyncReport } from './share/share-service';
import type { PendingAcknowledgement } from './share/store';

/** One operation: the schema its input must pass, and (as a type only) what it returns. */
export interface OperationDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  summary: string;
  /**
   * Produces public output (what goes into the DD or to anyone but the reviewer). Every
   * such operation must pass the anonymity guard; a test plants a secret in each.
   */
  public?: true;
  /** Phantom: carries the output type; never set at run time. */
  readonly output?: O;
}

const op =
  <O>() =>
  <I extends z.ZodType>(input: I, summary: string, flags: { public?: true } = {}): OperationDef<I, O> => ({ input, summary, ...flags });

/**
 * The app's one API. Electron IPC, the CLI and the end-to-end harness all dispatch
 * through this table; adding an operation here is the only way to add one.
 */
export const contract = {
  listProjects: op<Project[]>()(project.list, 'Projects by name; archived ones only when asked.'),
  getProject: op<Project>()(byId, 'One project.'),
  getProjectBySlug: op<Project>()(project.bySlug, 'One project by its slug (the CLI names projects this way).'),
  createProject: op<Project>()(project.create, 'Create a project; the slug defaults to one made from the name.'),
  updateProject: op<Project>()(project.update, 'Change a project; CONFLICT when it changed since `version` was read.'),
  deleteProject: op<null>()(byId, 'Move a project (with its adopters and interviews) to the trash.'),

  listOrganizations: op<Organization[]>()(none, 'Every organization, by name.'),
  createOrganization: op<Organization>()(organization.create, 'Create an organization.'),
  updateOrganization: op<Organization>()(organization.update, 'Change an organization.'),
  deleteOrganization: op<null>()(byId, 'Delete an organization no adopter uses; its people stay, unattached.'),

  listPeople: op<Person[]>()(person.list, 'People, by name; of one organization when asked.'),
  createPerson: op<Person>()(person.create, 'Create a person.'),
  updatePerson: op<Person>()(person.update, 'Change a person.'),
  deletePerson: op<null>()(byId, 'Delete a person who took part in no interview.'),

  listAdopters: op<Adopter[]>()(adopter.list, 'The adopters of a project, by number.'),
  getAdopter: op<AdopterDetail>()(byId, 'An adopter with its organization and interviews.'),
  createAdopter: op<Adopter>()(adopter.create, 'Add an adopter to a project; numbered after the last one unless given.'),
  updateAdopter: op<Adopter>()(adopter.update, 'Change an adopter; a new stage is dated today unless dated.'),
  setAdopterStage: op<Adopter>()(adopter.setStage, 'Move an adopter to a stage on a date (default today).'),
  deleteAdopter: op<null>()(byId, 'Move an adopter (with its interviews) to the trash.'),
  moveAdopters: op<BulkResult>()(bulkInputs.move, 'Move several adopters of a project to a stage today, as one change (one undo).'),
  trashAdopters: op<BulkResult>()(bulkInputs.trash, 'Move several adopters of a project to the trash, as one change (one undo).'),
  adopterOverview: op<AdopterOverview[]>()(overviewInputs.adopters, 'Every live adopter of a project as `adopters --json` prints it.'),

  listInterviews: op<Interview[]>()(interview.list, 'The interviews of an adopter, oldest first.'),
  getInterview: op<InterviewDetail>()(byId, 'An interview with its participants, notes per question and quotes.'),
  createInterview: op<Interview>()(interview.create, 'Log an interview of an adopter.'),
  updateInterview: op<Interview>()(interview.update, 'Change an interview (notes, summary, date…).'),
  deleteInterview: op<null>()(byId, 'Move an interview to the trash.'),
  markSummarySent: op<Interview>()(interview.mark, 'Record the day the summary went to the adopter for approval.'),
  approveSummary: op<Interview>()(interview.mark, 'Record the adopter’s approval of the summary as it stands now.'),
  revokeApproval: op<Interview>()(approvalInputs.revoke, 'Take back a recorded approval; the summary waits for an answer again.'),
  askApprovalAgain: op<Interview>()(approvalInputs.askAgain, 'Send a summary changed since its approval again: the old approval no longer holds.'),
  setAnswer: op<Answer>()(interview.setAnswer, 'Save the notes under one question (autosave).'),
  addParticipant: op<Participant>()(interview.addParticipant, 'Add a person to an interview.'),
  updateParticipant: op<Participant>()(interview.updateParticipant, 'Change whether a participant is anonymous.'),
  removeParticipant: op<null>()(byId, 'Remove a person from an interview.'),

  createQuote: op<Quote>()(quote.create, 'Save a quote from an interview.'),
  updateQuote: op<Quote>()(quote.update, 'Change a quote.'),
  deleteQuote: op<null>()(byId, 'Delete a quote.'),

  history: op<HistoryEntry[]>()(historyInputs.history, 'What happened to one record, newest first.'),
  undo: op<UndoResult>()(historyInputs.scope, "Undo the project's last change (no project: the last app-level one); call again to go further back."),
  redo: op<UndoResult>()(historyInputs.scope, 'Make again the change undone last there, until a new change is made.'),
  undoChange: op<UndoResult>()(historyInputs.change, 'Undo a change chosen in the history list: the next one of its own project.'),
  undoState: op<UndoState>()(historyInputs.scope, 'What Undo and Redo would take back or make again there, to name them.'),
  recentChanges: op<HistoryListEntry[]>()(historyInputs.recent, 'The latest changes of every project, newest first, with what each touched.'),
  listTrash: op<TrashItem[]>()(none, 'Projects, adopters and interviews in the trash, newest first.'),
  restoreFromTrash: op<null>()(historyInputs.restore, 'Bring a project, adopter or interview back from the trash.'),
  emptyTrash: op<{ removed: number }>()(none, 'Remove everything in the trash for good (cannot be undone).'),
  trashSummary: op<TrashSummary>()(none, 'What emptying the trash would remove for good, counted: projects, adopters, interviews, interviewees, quotes, notes.'),

  search: op<SearchResults>()(searchInputs.search, 'Full-text search over summaries, notes, quotes and organizations, grouped by project.'),

  listBackups: op<BackupInfo[]>()(none, 'The backups in the data folder, newest first.'),
  backupNow: op<BackupInfo>()(none, 'Write a backup of the database now.'),
  restoreBackup: op<RestoreResult>()(backupInputs.restore, 'Replace the database with a checked backup; the replaced file is kept beside it.'),
  dailyBackupNotice: op<{ warning: string | null }>()(none, 'Waits for the day’s automatic backup; its warning when it could not be written.'),

  previewAdoption: op<AdoptionPreview>()(adoption.render, 'The Adoption section as it would print, with leaks, warnings and criteria (private).'),
  exportAdoptionMarkdown: op<AdoptionExport>()(adoption.render, 'The Adoption section as Markdown for the DD; refused with LEAK_DETECTED on any leak.', {
    public: true,
  }),
  checkAdoption: op<AdoptionCheck>()(adoption.check, 'Criteria, warnings and leaks: can the section be published as it stands?'),
  listAllowances: op<Allowance[]>()(adoption.listAllowances, 'Terms released from the anonymity guard for an adopter.'),
  addAllowance: op<Allowance>()(adoption.addAllowance, 'Release a false positive of the anonymity guard for an anonymous adopter.'),
  removeAllowance: op<Allowance>()(byId, 'Withdraw an allowance; returns what was withdrawn.'),
  noteAllowance: op<Allowance>()(adoption.noteAllowance, 'Say why a term was allowed (the TOC dossier lists the note).'),
  dismissWarning: op<Dismissal>()(dismissalInputs.dismiss, 'Dismiss one of an adopter’s warnings (by its key); it shows again when its text changes.'),
  listDismissedWarnings: op<Dismissal[]>()(dismissalInputs.list, 'The adopter’s dismissed warnings that still hide one.'),
  restoreWarning: op<Dismissal>()(byId, 'Show a dismissed warning again; returns the dismissal withdrawn.'),
  listGuardTerms: op<GuardTerm[]>()(
    adoption.listGuardTerms,
    'What the anonymity guard looks for to protect an adopter: each term with its kind, where it came from and the allowances that release it (private).',
  ),

  exportAdoptionDocx: op<DocumentFile>()(wordInputs.adoption, 'The Adoption section as a Word document; refused with LEAK_DETECTED on any leak.', {
    public: true,
  }),
  exportReviewDocx: op<DocumentFile>()(wordInputs.review, 'The copy one adopter is asked to approve (may name them: it goes to them).'),
  exportDossierDocx: op<DocumentFile>()(wordInputs.dossier, 'The confidential TOC dossier, with the real identity of anonymous adopters.'),
  exportNotesDocx: op<DocumentFile>()(wordInputs.notes, 'One interview in question-and-answer form, for the private file.'),

  getSettings: op<Settings>()(none, 'The reviewer’s settings (author name, page size, theme).'),
  updateSettings: op<Settings>()(settingsInputs.update, 'Change settings.'),

  importDdDocument: op<ImportReport>()(importInputs.dd, 'Import the adopter entries of a DD document (Markdown).'),
  importInterviewNotes: op<ImportReport>()(importInputs.notes, 'Import an interview notes file into an adopter.'),
  importCandidates: op<ImportReport>()(importInputs.candidates, 'Import candidate adopters from CSV: all rows or none.'),
  exportArchive: op<DocumentFile>()(importInputs.archiveExport, 'Everything in a project as a versioned JSON archive.'),
  importArchive: op<ImportReport>()(importInputs.archiveImport, 'Merge an archive into this store by stable ids.'),

  projectCards: op<ProjectCard[]>()(none, 'Every live project with its progress: interviews, approvals, criterion.'),
  pipeline: op<PipelineRow[]>()(overviewInputs.adopters, 'The adopters of a project by stage, with the next action for each.'),
  previewAdopterEntry: op<EntryPreview>()(
    overviewInputs.entryPreview,
    'One adopter’s entry as it would print (drafts included), optionally with an unsaved summary.',
  ),
  addCandidate: op<Adopter>()(pipelineInputs.addCandidate, 'Add a candidate adopter by organization name (reusing a known organization).'),
  addInterviewee: op<Participant>()(pipelineInputs.addInterviewee, 'Add a person (found or created in the adopter’s organization) to an interview.'),
  outreachEmail: op<{ subject: string; body: string; to: string | null }>()(pipelineInputs.outreach, 'The interview request e-mail for a candidate, ready to copy, and the contact it goes to (when recorded).'),
  appInfo: op<AppInfo>()(none, 'The app version and where its data lives.'),
  createSampleProject: op<Project>()(none, 'Create a sample project with invented adopters, to look around in (one change: undo or delete it).'),
  sampleProjectIds: op<number[]>()(none, 'The ids of the sample projects, so the projects screen can mark them.'),
  importChecklist: op<ImportChecklist>()(
    checklistInputs.checklist,
    'What still needs the reviewer in a project imported from a DD: usage levels, approvals, dates, interviewees, and usage levels its summaries suggest.',
  ),
  dismissUsageSuggestion: op<Dismissal>()(checklistInputs.dismissSuggestion, 'Dismiss a suggested usage level for one adopter; it shows again when the summary changes.'),

  shareProject: op<SyncReport>()(
    shareInputs.share,
    'Share a project with the team through a private Git repository: checks Git and the address (refuses a public one and any cncf/*), then sends the project.',
  ),
  joinShared: op<SyncReport & { projectId: number }>()(shareInputs.join, 'Join a project a teammate shared: reads the repository, refuses a broken or newer one, and adds the project as one change.'),
  syncProject: op<SyncReport>()(shareInputs.sync, 'Sync a shared project with the team now: their changes merged field by field as one change, yours sent; what happened, in words.'),
  shareStatus: op<ShareStatusRow[]>()(shareInputs.status, 'Where each shared project stands, without the network: last Sync, what waits for review, changes to send.'),
  acknowledgeSync: op<PendingAcknowledgement[]>()(shareInputs.acknowledge, 'Acknowledge teammates’ anonymity and allowance changes, so public exports may go ahead; returns what still waits.'),
  resolveSyncConflict: op<{ resolved: string; openConflicts: number }>()(shareInputs.resolve, 'Resolve a text conflict with the chosen text, as one ordinary edit that syncs.'),
  compareConflict: op<ConflictComparison>()(shareInputs.compare, 'A text conflict’s base, yours and the teammates’ texts, with Git’s line merge as a proposal when the changes do not overlap.'),
} satisfies { [K in OperationName]: OperationDef };

// The table must not hold an operation that operations.ts does not name.
type ExtraOperations = Exclude<keyof typeof contract, OperationName>;
const contractHasNoExtraOperations: [ExtraOperations] extends [never] ? true : never = true;
void contractHasNoExtraOperations;

export type Contract = typeof contract;
export type InputOf<K extends OperationName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends OperationName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends OperationName> = Contract[K] extends OperationDef<z.ZodType, infer O> ? O : never;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** What the preload exposes as `window.desk`: one function per operation, nothing else. */
export type DeskApi = { [K in OperationName]: (input: InputOf<K>) => Promise<Envelope<OutputOf<K>>> };

/** What the services implement: parsed input in, value out (or a thrown DeskError). */
export type Services = { [K in OperationName]: (input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>> };

/** A slice of the services, as each services/*.ts file provides it. */
export type ServiceGroup<K extends OperationName> = Pick<Services, K>;

export type { OperationName } from './operations';
