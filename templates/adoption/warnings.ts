import { monthOfDay } from '../../domain/dates';
import { publicAdopterLabel } from '../../domain/labels';
import { codePointName, containMarkdown, findInvisible, removeInvisible } from '../markdown/contain';
import { normalizeMarkdown } from '../markdown/normalize';
import { MAX_NESTING } from '../../markdown/blocks';
import { planEntry } from './entry-plan';
import { warningKey } from './warning-key';
import { misspellingsOf, namesToSpell } from './misspellings';
import type { PublicationData } from './model';

export type WarningCode =
  | 'MISSPELLED_NAME'
  | 'NUMBERING_GAP'
  | 'NUMBERING_DUPLICATE'
  | 'MONTH_MISSING'
  | 'MONTH_DIFFERS'
  | 'EDITED_AFTER_APPROVAL'
  | 'FEW_INTERVIEWS'
  | 'MAINTAINER_INTERVIEWED'
  | 'INVISIBLE_CHARACTER'
  | 'NESTING_FLATTENED';

/** A consistency problem: shown next to the preview, never blocking. */
export interface Warning {
  code: WarningCode;
  adopterNumber: number | null;
  message: string;
  /** Fingerprint of the warning and the text it was about (warning-key.ts): what a dismissal matches. */
  key: string;
}

/** A warning as found, with the text it is about when its words alone do not say it. */
type Found = Omit<Warning, 'key'> & { about?: string };

const MIN_INTERVIEWS = 3;

export function consistencyWarnings(data: PublicationData): Warning[] {
  const warnings: Found[] = [];
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
    for (const slip of misspellingsOf(plan.source?.summary ?? '', namesToSpell(adopter.organization))) {
      warnings.push({
        code: 'MISSPELLED_NAME',
        adopterNumber: n,
        message: `Adopter ${n}'s summary writes "${slip.written}"; is that a misspelling of "${slip.name.name}"${slip.name.said}?`,
        about: plan.source?.summary ?? '',
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
          about: interview.summary,
        });
      }
    }
    warnings.push(...printedTextWarnings(adopter, plan.source?.summary ?? ''));
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
  return warnings.map(({ about, ...w }) => ({ ...w, key: warningKey(w, about ?? '') }));
}

/** What kind of invisible character it is, in the reviewer's words. */
function invisibleKind(codePoint: number): string {
  if ((codePoint >= 0x202a && codePoint <= 0x202e) || (codePoint >= 0x2066 && codePoint <= 0x2069) || codePoint === 0x200e || codePoint === 0x200f || codePoint === 0x061c) {
    return 'an invisible direction control character';
  }
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'a broken character (half of a surrogate pair)';
  if (codePoint <= 0x9f) return 'an invisible control character';
  return 'a noncharacter';
}

/**
 * The text an entry prints that rendering had to change: invisible characters left out
 * (contain.ts, INVISIBLE) and quotes or lists flattened past the nesting limit. Rendering
 * never refuses — the data may come from any import, old or new — so the checks say what
 * was changed, where, and how to fix it at the source.
 */
function printedTextWarnings(adopter: PublicationData['adopters'][number], summary: string): Found[] {
  const n = adopter.number;
  const found: Found[] = [];
  const fields: [string, string][] = [
    ['summary', summary],
    ['vendor note', adopter.vendorNote],
    ['published label', publicAdopterLabel(adopter, adopter.organization)],
    ...adopter.interviews.flatMap((i) => i.participants.flatMap((p): [string, string][] => [['interviewee name', p.name], ['interviewee role', p.role ?? '']])),
  ];
  const seen = new Set<string>();
  for (const [field, text] of fields) {
    const invisible = findInvisible(text);
    if (!invisible || seen.has(`${field}\n${text}`)) continue;
    seen.add(`${field}\n${text}`);
    const { codePoint, line, column } = invisible.first;
    const more = invisible.count > 1 ? ` (and ${invisible.count - 1} more)` : '';
    found.push({
      code: 'INVISIBLE_CHARACTER',
      adopterNumber: n,
      message: `Adopter ${n}'s ${field} has ${invisibleKind(codePoint)} (${codePointName(codePoint)}) at line ${line}, column ${column}${more}; the export leaves it out. Remove it and save again.`,
      about: text,
    });
  }
  if (summary.trim()) {
    const { flattenedAt } = containMarkdown(normalizeMarkdown(removeInvisible(summary)));
    if (flattenedAt !== null) {
      found.push({
        code: 'NESTING_FLATTENED',
        adopterNumber: n,
        message: `Adopter ${n}'s summary nests quotes or lists more than ${MAX_NESTING} levels deep (from line ${flattenedAt}); the export prints the deeper levels as plain text.`,
        about: summary,
      });
    }
  }
  return found;
}
