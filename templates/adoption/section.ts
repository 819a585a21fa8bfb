import { planEntry, type EntryPlan } from './entry-plan';
import { renderEntry } from './entry';
import type { PublicationData, RenderOptions } from './model';

export interface RenderedSection {
  markdown: string;
  /** Which lines (1-based, inclusive) each entry occupies: the guard's report points into them. */
  entries: { number: number; firstLine: number; lastLine: number; /** The interview whose summary is printed. */ interviewId: number | null }[];
  /** Adopters left out (no summary, or not approved without includeDrafts). */
  omitted: { number: number; reason: string }[];
}

/** Which adopters get an entry, in number order. */
export function publishablePlans(data: PublicationData, options: RenderOptions): { plans: EntryPlan[]; omitted: RenderedSection['omitted'] } {
  const plans: EntryPlan[] = [];
  const omitted: RenderedSection['omitted'] = [];
  for (const adopter of [...data.adopters].sort((a, b) => a.number - b.number)) {
    const plan = planEntry(adopter);
    if (adopter.stage === 'declined' || adopter.stage === 'withdrawn') omitted.push({ number: adopter.number, reason: `the adopter ${adopter.stage}` });
    else if (!plan.source) omitted.push({ number: adopter.number, reason: 'no summary yet' });
    else if (!plan.approved && !options.includeDrafts) omitted.push({ number: adopter.number, reason: 'summary not approved yet' });
    else plans.push(plan);
  }
  return { plans, omitted };
}

/**
 * The `#### Adoption` section, byte for byte the same for the same data: LF endings,
 * one blank line between blocks, one newline at the end. Internal: public callers go
 * through publish.ts, which runs the anonymity guard.
 */
export function renderAdoptionSection(data: PublicationData, options: RenderOptions): RenderedSection {
  const { plans, omitted } = publishablePlans(data, options);
  const lines = ['#### Adoption', ''];
  const entries: RenderedSection['entries'] = [];
  if (plans.length === 0) lines.push('_No adopter summary has been approved yet._', '');
  for (const plan of plans) {
    const entry = renderEntry(plan, data.project.name, options);
    entries.push({
      number: plan.adopter.number,
      firstLine: lines.length + 1,
      lastLine: lines.length + entry.length,
      interviewId: plan.source?.id ?? null,
    });
    lines.push(...entry, '');
  }
  while (lines.at(-1) === '') lines.pop();
  return { markdown: `${lines.join('\n')}\n`, entries, omitted };
}
