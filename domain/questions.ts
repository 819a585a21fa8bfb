/**
 * The TOC's adopter question list, in our own short wording, versioned: an interview
 * keeps the set it was taken with, so a later list never rewrites old notes.
 * Keys are stable forever; only new sets add keys.
 */
export interface Question {
  key: string;
  /** Short title for headings and navigation. */
  title: string;
  /** The question as a reviewer would ask it. */
  prompt: string;
  /** Part of the maturity-level survey, folded by default in the notes screen. */
  survey?: boolean;
}

export interface QuestionSet {
  id: string;
  title: string;
  questions: readonly Question[];
}

const TOC_2024: QuestionSet = {
  id: 'toc-2024',
  title: 'TOC adopter questions (14 + maturity survey)',
  questions: [
    { key: 'q1', title: 'Time in use', prompt: 'How long has your organization been using the project?' },
    { key: 'q2', title: 'Motivation and features', prompt: 'Why did you adopt it, and which features do you rely on today?' },
    { key: 'q3', title: 'Alternatives', prompt: 'What made you choose it over other open-source or commercial options?' },
    { key: 'q4', title: 'Usage level and scale', prompt: 'At what level do you use it (evaluation, pre-production, production), and at what scale?' },
    { key: 'q5', title: 'Version and updates', prompt: 'Which version do you run, and how often do you upgrade?' },
    { key: 'q6', title: 'Adoption experience', prompt: 'How did adopting or integrating it go, and what challenges did you meet?' },
    { key: 'q7', title: 'Documentation', prompt: 'Did the repository or documentation help? Where, and what was useful?' },
    { key: 'q8', title: 'Community', prompt: 'Did you work with maintainers or the community? Through which channels, and with what outcome?' },
    { key: 'q9', title: 'Measurable value', prompt: 'Has it delivered measurable value (less manual work, faster integration, cost, ease of use)?' },
    { key: 'q10', title: 'If archived', prompt: 'How hard would it be to remove if the project were archived? Would you fork, maintain, or move on?' },
    { key: 'q11', title: 'What holds it back', prompt: 'What keeps the project from reaching its full potential?' },
    { key: 'q12', title: 'Improvements', prompt: 'What should the project improve?' },
    { key: 'q13', title: 'Strengths', prompt: 'What are its main strengths?' },
    { key: 'q14', title: 'Future plans', prompt: 'What are your plans with the project: more involvement, feature requests, wider use?' },
    { key: 'm1', title: 'Understanding of maturity levels', prompt: 'Do you understand what each CNCF maturity level means?', survey: true },
    { key: 'm2', title: 'Missing information', prompt: 'Is anything missing from how the levels are explained?', survey: true },
    { key: 'm3', title: 'Reliance on levels', prompt: 'Do you rely on the levels internally, and how?', survey: true },
  ],
};

export const QUESTION_SETS: Readonly<Record<string, QuestionSet>> = { [TOC_2024.id]: TOC_2024 };
export const CURRENT_QUESTION_SET = TOC_2024.id;

export function questionSet(id: string): QuestionSet | undefined {
  return QUESTION_SETS[id];
}
