import { publicAdopterLabel } from '../../domain/labels';
import { containMarkdown, removeInvisible } from '../markdown/contain';
import { escapeInline } from '../markdown/escape';
import { monthLine } from '../markdown/months';
import { normalizeMarkdown } from '../markdown/normalize';
import { smartenTypography } from '../markdown/typography';
import type { EntryPlan } from './entry-plan';
import type { RenderOptions } from './model';

export const MONTH_NOT_RECORDED = 'DATE NOT RECORDED';

/** "_Ada Example, Platform Lead and Bo Sample, SRE_", or the anonymity line, or null when nobody is recorded. */
export function intervieweeLine(plan: EntryPlan): string | null {
  if (plan.adopter.anonymous) return 'Adopter and organization are anonymous';
  const named = plan.people.filter((p) => !p.anonymous);
  const hidden = plan.people.length - named.length;
  if (named.length === 0) {
    if (hidden === 0) return null;
    return hidden === 1 ? 'The interviewee is anonymous' : 'The interviewees are anonymous';
  }
  const names = named.map((p) => (p.role ? `${p.name}, ${p.role}` : p.name));
  if (hidden === 1) names.push('an anonymous interviewee');
  if (hidden > 1) names.push(`${hidden} anonymous interviewees`);
  return names.join(' and ');
}

export function entryHeading(plan: EntryPlan): string {
  const label = publicAdopterLabel(plan.adopter, plan.adopter.organization);
  // A label of invisible characters only prints as nothing: no dangling " - " then.
  const shown = escapeInline(label);
  return `##### Adopter ${plan.adopter.number}${shown ? ` - ${shown}` : ''}${plan.approved ? '' : ' (DRAFT)'}`;
}

export function vendorNoteText(plan: EntryPlan, projectName: string): string | null {
  const offering = removeInvisible(plan.adopter.vendorNote).replace(/\s+/g, ' ').trim().replace(/[.\s]+$/, '');
  if (!offering) return null;
  // The offering may carry Markdown (a link to it): contained like a summary (contain.ts).
  return containMarkdown(
    `Note: This adopter uses ${escapeInline(projectName)} through ${offering}. The interview is about ${escapeInline(projectName)} itself, not about what the offering adds to it.`,
  ).text;
}

/** The lines of one entry (no trailing blank line). */
export function renderEntry(plan: EntryPlan, projectName: string, options: RenderOptions): string[] {
  const lines = [entryHeading(plan), ''];
  const who = intervieweeLine(plan);
  const when = monthLine(plan.months);
  // Two lines the template writes one under the other; a backslash hard break keeps them
  // two lines when GitHub renders the paragraph.
  // A missing month is printed as such rather than dropped: the gap is visible in review
  // (and the checks warn), and the entry keeps the template's two-line shape.
  if (who) lines.push(`_${escapeInline(who)}_\\`, when ?? MONTH_NOT_RECORDED, '');
  else lines.push(when ?? MONTH_NOT_RECORDED, '');
  if (!plan.approved) lines.push('**DRAFT:** not yet approved by the adopter; do not publish.', '');
  const note = vendorNoteText(plan, projectName);
  if (note) lines.push(options.typography ? smartenTypography(note) : note, '');
  // Contained: nothing in the summary may reach the DD around the entry (contain.ts); its
  // invisible characters go, and the checks say where they were (warnings.ts).
  const summary = containMarkdown(normalizeMarkdown(removeInvisible(plan.source?.summary ?? ''))).text;
  if (summary) lines.push(...(options.typography ? smartenTypography(summary) : summary).split('\n'), '');
  while (lines.at(-1) === '') lines.pop();
  return lines;
}
