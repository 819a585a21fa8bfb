import { monthOfDay } from '../../domain/dates';
import { foldTerm } from '../guard/fold';
import { editDistance } from './edit-distance';
import { planEntry, type EntryPlan } from './entry-plan';
import type { PublicationData } from './model';

export type WarningCode =
  | 'MISSPELLED_NAME'
  | 'NUMBERING_GAP'
  | 'NUMBERING_DUPLICATE'
  | 'MONTH_MISSING'
  | 'MONTH_DIFFERS'
  | 'EDITED_AFTER_APPROVAL'
  | 'FEW_INTERVIEWS'
  | 'MAINTAINER_INTERVIEWED';

/** A consistency problem: shown next to the preview, never blocking. */
export interface Warning {
  code: WarningCode;
  adopterNumber: number | null;
  message: string;
}

const MIN_INTERVIEWS = 3;

/** Words of the summary within edit distance 1–2 of the adopter's own name or aliases ("Binami" for "Bitnami"). */
function misspellings(plan: EntryPlan): string[] {
  const summary = plan.source?.summary ?? '';
  const names = [plan.adopter.organization.name, ...plan.adopter.organization.aliases]
    .flatMap((n) => n.split(/\s+/))
    .map(foldTerm)
    .filter((n) => n.length >= 5);
  if (names.length === 0) return [];
  const found = new Set<string>();
  for (const word of summary.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []) {
    const bare = word.replace(/['’]s$/u, '');
    const folded = foldTerm(bare);
    if (folded.length < 4) continue;
    for (const name of names) {
      // A short tolerance for short names: one slip in a five-letter name, two beyond.
      const max = name.length <= 6 ? 1 : 2;
      const distance = editDistance(folded, name, max);
      if (distance > 0 && distance <= max) found.add(bare);
    }
  }
  return [...found].sort();
}

export function consistencyWarnings(data: PublicationData): Warning[] {
  const warnings: Warning[] = [];
  const numbers = data.adopters.map((a) => a.number).sort((a, b) => a - b);
  for (let i = 1; i < numbers.length; i++) {
    if (numbers[i] === numbers[i - 1]) {
      warnings.push({ code: 'NUMBERING_DUPLICATE', adopterNumber: numbers[i]!, message: `Two adopters are numbered ${numbers[i]}.` });
    } else if (numbers[i]! - numbers[i - 1]! > 1) {
      warnings.push({
        code: 'NUMBERING_GAP',
        adopterNumber: numbers[i]!,
        message: `Adopter numbers jump from ${numbers[i - 1]} to ${numbers[i]}.`,
      });
    }
  }
  let interviewed = 0;
  for (const adopter of [...data.adopters].sort((a, b) => a.number - b.number)) {
    const plan = planEntry(adopter);
    const n = adopter.number;
    if (adopter.interviews.length > 0) interviewed++;
    for (const word of misspellings(plan)) {
      warnings.push({
        code: 'MISSPELLED_NAME',
        adopterNumber: n,
        message: `Adopter ${n}'s summary writes "${word}"; is that a misspelling of "${adopter.organization.name}"?`,
      });
    }
    for (const interview of adopter.interviews) {
      if (!interview.month) {
        warnings.push({ code: 'MONTH_MISSING', adopterNumber: n, message: `An interview of Adopter ${n} has no month; the entry will show no date.` });
      } else if (interview.date && monthOfDay(interview.date) !== interview.month) {
        warnings.push({
          code: 'MONTH_DIFFERS',
          adopterNumber: n,
          message: `Adopter ${n}'s interview on ${interview.date} is published as ${interview.month}.`,
        });
      }
      if (interview.approvedHash && interview.approvedHash !== interview.summaryHash) {
        warnings.push({
          code: 'EDITED_AFTER_APPROVAL',
          adopterNumber: n,
          message: `Adopter ${n}'s summary was edited after the adopter approved it on ${interview.approvedAt}; send it again.`,
        });
      }
    }
    for (const person of plan.people.filter((p) => p.maintainer)) {
      warnings.push({
        code: 'MAINTAINER_INTERVIEWED',
        adopterNumber: n,
        message: `${adopter.anonymous || person.anonymous ? 'An interviewee' : person.name} of Adopter ${n} is a maintainer of the project; the TOC asks for operational users.`,
      });
    }
  }
  if (interviewed < MIN_INTERVIEWS) {
    warnings.push({
      code: 'FEW_INTERVIEWS',
      adopterNumber: null,
      message: `Only ${interviewed} adopter${interviewed === 1 ? ' has' : 's have'} been interviewed; the TOC expects at least ${MIN_INTERVIEWS}.`,
    });
  }
  return warnings;
}
