import { useEffect } from 'react';
import './landing.css';

/**
 * Where a link into an interview lands (the route's `focus`), as the search and the leak
 * report write it: `summary:WORD`, `notes:WORD` (the raw notes), `answer:KEY:WORD` (the
 * notes of one question), `quote:WORD`. The fields are found by their data-testid, the
 * names the interview screen gives them (QuestionNotes, InterviewScreen, Quotes).
 */
export function landingTarget(focus: string): { selector: string; word: string } | null {
  const [kind = '', ...rest] = focus.split(':');
  switch (kind) {
    case 'summary':
      return { selector: '[data-testid="summary"]', word: rest.join(':') };
    case 'notes':
      return { selector: '[data-testid="raw-notes"]', word: rest.join(':') };
    case 'answer': {
      const [key = '', ...word] = rest;
      return /^[\w-]+$/u.test(key) ? { selector: `[data-testid="notes-${key}"]`, word: word.join(':') } : null;
    }
    case 'quote':
      return { selector: '[data-testid="quote"]', word: rest.join(':') };
    default:
      return null;
  }
}

/** How long the landed field keeps its highlight: long enough to find it on the page. */
const HIGHLIGHT_MS = 2500;

/**
 * Opens whatever folds the element away (a folded question, the survey's <details>), brings
 * it to the middle of the window, focuses it, selects the word in a text box, and outlines
 * its field for a moment: the reviewer sees at once which field matched and where.
 */
export function land(element: HTMLElement, word: string): void {
  for (let at: HTMLElement | null = element.parentElement; at; at = at.parentElement) {
    if (at instanceof HTMLDetailsElement && !at.open) at.open = true;
  }
  element.scrollIntoView({ block: 'center' });
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) {
    element.focus({ preventScroll: true });
    const at = word ? element.value.toLowerCase().indexOf(word.toLowerCase()) : -1;
    if (at >= 0) {
      element.setSelectionRange(at, at + word.length);
      // Marked as the app's selection, not the reviewer's: the Quote button (QuoteAction.tsx) waits for one of theirs.
      element.dataset.landedSelection = `${at}:${at + word.length}`;
    }
  } else {
    element.tabIndex = -1;
    element.focus({ preventScroll: true });
  }
  const box = element.closest<HTMLElement>('.field') ?? element;
  box.classList.add('landed');
  setTimeout(() => box.classList.remove('landed'), HIGHLIGHT_MS);
}

/** The element to land on: for a quote, the one holding the word (else the first). */
function findTarget(selector: string, word: string): HTMLElement | null {
  const all = [...document.querySelectorAll<HTMLElement>(selector)];
  const lower = word.toLowerCase();
  return all.find((el) => !word || (el.textContent ?? '').toLowerCase().includes(lower) || ('value' in el && String(el.value).toLowerCase().includes(lower))) ?? all[0] ?? null;
}

/**
 * Lands once per route: `route` is a new object on every move (router.ts parses the hash
 * again), so a remount of the editor after a save does not pull the page back to the field.
 */
const landedFor = new WeakSet<object>();

export function useLanding(route: { focus?: string }): void {
  useEffect(() => {
    if (!route.focus || landedFor.has(route)) return;
    const target = landingTarget(route.focus);
    if (!target) return;
    // After the browser laid the page out, so the middle of the window is the field's.
    const frame = requestAnimationFrame(() => {
      const element = findTarget(target.selector, target.word);
      if (!element) return;
      landedFor.add(route);
      land(element, target.word);
    });
    return () => cancelAnimationFrame(frame);
  }, [route]);
}
