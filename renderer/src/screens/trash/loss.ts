import type { TrashSummary } from '../../../../services/trash-summary';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "1 project, 5 adopters and 7 interviews": the non-empty counts, in the order a DD holds them. */
export function countedLoss(summary: TrashSummary): string {
  const parts = [
    summary.projects && count(summary.projects, 'project', 'projects'),
    summary.adopters && count(summary.adopters, 'adopter', 'adopters'),
    summary.interviews && count(summary.interviews, 'interview', 'interviews'),
    summary.interviewees && count(summary.interviewees, 'interviewee', 'interviewees'),
    summary.quotes && count(summary.quotes, 'quote', 'quotes'),
    summary.answers && count(summary.answers, 'answer in the notes', 'answers in the notes'),
  ].filter((p): p is string => Boolean(p));
  if (parts.length === 0) return 'nothing';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** The confirmation's question: what goes, counted, and that it is final. */
export const emptyTrashQuestion = (summary: TrashSummary) => `Permanently delete ${countedLoss(summary)}? This cannot be undone.`;
