import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DeskError } from '../domain/errors';
import { entityId } from '../domain/fields';
import { publicAdopterLabel } from '../domain/labels';
import { USAGE_LEVEL_LABELS, type UsageLevel } from '../domain/vocabulary';
import type { Dismissal } from '../domain/dismissal';
import type { Store } from '../db/store';
import { REQUIRED_USAGE, adoptionCriterion } from '../templates/adoption/criteria';
import { planEntry } from '../templates/adoption/entry-plan';
import type { PublicationAdopter } from '../templates/adoption/model';
import { suggestUsageLevel } from '../templates/adoption/usage-hints';
import type { ServiceGroup } from './contract';
import { anonymousOrganizationName } from './import-dd';
import { publicationData } from './publication-data';

export const checklistInputs = {
  checklist: z.object({ projectId: entityId }).strict(),
  dismissSuggestion: z.object({ adopterId: entityId, key: z.string().regex(/^[0-9a-f]{64}$/, 'Name the suggestion by the key the checklist gives.') }).strict(),
};

/** An adopter a checklist item points at, and where to fix it. */
export interface ChecklistAdopter {
  adopterId: number;
  number: number;
  /** The organization, or for an anonymous adopter its public label and "(anonymous)". */
  name: string;
  /** The interview to open, when the fix is there (approval, date, interviewees). */
  interviewId: number | null;
}

export interface ChecklistItem {
  kind: 'usage' | 'approval' | 'date' | 'interviewees' | 'organization';
  /** "4 adopters have no usage level", or when nothing is left: "Every adopter has a usage level". */
  text: string;
  /** Why it matters, in a sentence. */
  why: string;
  done: boolean;
  adopters: ChecklistAdopter[];
}

/** A usage level the summary's words suggest, waiting for the reviewer to set it or dismiss it. */
export interface UsageSuggestion extends ChecklistAdopter {
  /** The adopter's version, for the update that sets the level. */
  adopterVersion: number;
  level: UsageLevel;
  levelLabel: string;
  words: string;
  sentence: string;
  /** Names the suggestion and the summary it came from: dismissing it hides it until the summary changes. */
  key: string;
}

export interface ImportChecklist {
  /** The DD document this project's adopters came from; null when none did (no checklist to show, nothing else read). */
  fileName: string | null;
  importedAt: string | null;
  criterion: { met: boolean; sentence: string } | null;
  items: ChecklistItem[];
  suggestions: UsageSuggestion[];
}

/** The code a dismissed suggestion is filed under, beside dismissed warnings (it matches no warning). */
export const USAGE_SUGGESTION_CODE = 'USAGE_SUGGESTION';

/** import-dd.ts labels its change so; the newest standing import that created one of the project's adopters. */
const IMPORT_LABEL = 'Import DD document ';

function lastImport(store: Store, projectId: number): { fileName: string; at: string } | null {
  const row = store.db
    .prepare<[number, string, string], { label: string; at: string }>(
      // From the project's adopters to the changes that created them (event_entity), not through every change.
      `SELECT c.label, c.at FROM adopter a
       JOIN event e ON e.entity = 'adopter' AND e.entity_id = a.id AND e.action = 'create'
       JOIN change c ON c.id = e.change_id
       WHERE a.project_id = ? AND c.undone = 0 AND substr(c.label, 1, length(?)) = ?
       ORDER BY c.id DESC LIMIT 1`,
    )
    .get(projectId, IMPORT_LABEL, IMPORT_LABEL);
  return row ? { fileName: row.label.slice(IMPORT_LABEL.length), at: row.at } : null;
}

export function suggestionKey(adopterId: number, level: UsageLevel, summary: string): string {
  return createHash('sha256').update([USAGE_SUGGESTION_CODE, String(adopterId), level, summary.replace(/\r\n?/g, '\n')].join('\0'), 'utf8').digest('hex');
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

function nameOf(a: PublicationAdopter): string {
  return a.anonymous ? `${publicAdopterLabel(a, a.organization)} (anonymous)` : a.organization.name;
}

/** The newest summary that suggests a level, with its hint. */
function suggestionFor(a: PublicationAdopter) {
  for (const interview of [...a.interviews].reverse()) {
    const hint = suggestUsageLevel(interview.summary);
    if (hint) return { ...hint, summary: interview.summary };
  }
  return null;
}

/**
 * What still needs the reviewer after a DD import: a document says neither how each adopter
 * uses the project nor when the interviews were, and only the reviewer can confirm what its
 * summaries imply. Read-only; suggestions are applied only by the reviewer's own update.
 */
export function importChecklist(store: Store, projectId: number): ImportChecklist {
  store.tables.project.getLive(projectId);
  const imported = lastImport(store, projectId);
  // Most projects were not imported: the pipeline asks on every load, so they cost one query.
  if (!imported) return { fileName: null, importedAt: null, criterion: null, items: [], suggestions: [] };
  const data = publicationData(store, projectId);
  const criterion = adoptionCriterion(data);
  const interviewed = data.adopters.filter((a) => a.stage !== 'declined' && a.stage !== 'withdrawn' && a.interviews.length > 0);
  const entry = (a: PublicationAdopter, interviewId: number | null = null): ChecklistAdopter => ({ adopterId: a.id, number: a.number, name: nameOf(a), interviewId });
  const newest = (a: PublicationAdopter) => planEntry(a).source?.id ?? a.interviews.at(-1)!.id;

  const noUsage = interviewed.filter((a) => a.usageLevel === null).map((a) => entry(a));
  const unapproved = interviewed.filter((a) => !planEntry(a).approved).map((a) => entry(a, newest(a)));
  const undated = interviewed.flatMap((a) => a.interviews.filter((i) => !i.date && !i.month).map((i) => entry(a, i.id)));
  const nobody = interviewed.flatMap((a) => a.interviews.filter((i) => i.participants.length === 0).map((i) => entry(a, i.id)));
  // An anonymous entry is filed under a placeholder ("Anon #2"): the guard knows only the label's words until the organization is recorded.
  const unnamed = data.adopters.filter((a) => a.anonymous && a.organization.name === anonymousOrganizationName(a.number)).map((a) => entry(a));
  const required = USAGE_LEVEL_LABELS[REQUIRED_USAGE[data.project.level]].toLowerCase();

  const item = (kind: ChecklistItem['kind'], adopters: ChecklistAdopter[], open: (n: number) => string, done: string, why: string): ChecklistItem => ({
    kind,
    text: adopters.length ? open(adopters.length) : done,
    why,
    done: adopters.length === 0,
    adopters,
  });
  const items = [
    item(
      'usage',
      noUsage,
      (n) => `${n} ${plural(n, 'adopter has', 'adopters have')} no usage level`,
      'Every adopter has a usage level',
      `The adoption criterion counts only adopters in ${required}${data.project.level === 'incubation' ? ' use or beyond' : ' use'}; a document does not record the level, so set it from what each adopter said.`,
    ),
    item(
      'approval',
      unapproved,
      (n) => `${n} ${plural(n, 'summary is', 'summaries are')} not approved`,
      'Every summary is approved',
      'Only approved summaries are published and counted; send each one to its adopter and record the answer.',
    ),
    item(
      'date',
      undated,
      (n) => `${n} ${plural(n, 'interview has', 'interviews have')} no date`,
      'Every interview has a date',
      'The section prints the month of each interview under its heading.',
    ),
    item(
      'interviewees',
      nobody,
      (n) => `${n} ${plural(n, 'interview names', 'interviews name')} no interviewee`,
      'Every interview names its interviewees',
      'The document did not name them; add who was interviewed (marked anonymous if they asked).',
    ),
    item(
      'organization',
      unnamed,
      (n) => `${n} anonymous ${plural(n, 'adopter has', 'adopters have')} no organization recorded`,
      'Every anonymous adopter’s organization is recorded',
      'A DD never names an anonymous adopter; record who it is, so the anonymity guard keeps that name out of everything you publish.',
    ),
  ];

  const suggestions: UsageSuggestion[] = [];
  for (const a of interviewed) {
    if (a.usageLevel !== null) continue;
    const hint = suggestionFor(a);
    if (!hint) continue;
    const key = suggestionKey(a.id, hint.level, hint.summary);
    if (store.tables.dismissal.list({ adopter_id: a.id, warning_key: key }).length > 0) continue;
    suggestions.push({
      ...entry(a),
      adopterVersion: store.tables.adopter.get(a.id).version,
      level: hint.level,
      levelLabel: USAGE_LEVEL_LABELS[hint.level],
      words: hint.words,
      sentence: hint.sentence,
      key,
    });
  }
  return {
    fileName: imported.fileName,
    importedAt: imported.at,
    criterion: { met: criterion.met, sentence: criterion.sentence },
    items,
    suggestions,
  };
}

export function checklistServices(store: Store): ServiceGroup<'importChecklist' | 'dismissUsageSuggestion'> {
  return {
    importChecklist: ({ projectId }) => store.read(() => importChecklist(store, projectId)),
    dismissUsageSuggestion: ({ adopterId, key }) =>
      store.change(
        'Dismiss a usage suggestion',
        (): Dismissal => {
          const a = store.tables.adopter.getLive(adopterId);
          const suggestion = importChecklist(store, a.projectId).suggestions.find((s) => s.adopterId === adopterId && s.key === key);
          if (!suggestion) {
            throw new DeskError('NOT_FOUND', `Adopter ${a.number} has no such suggestion any more: its summary or usage level changed. Nothing was dismissed.`);
          }
          return store.tables.dismissal.insert({
            adopterId,
            code: USAGE_SUGGESTION_CODE,
            warningKey: key,
            message: `Suggested ${suggestion.levelLabel.toLowerCase()} from “${suggestion.words}”; the reviewer dismissed it.`,
          });
        },
      ),
  };
}
