/** The key went to a text field: there, Ctrl+Z and "?" belong to the typing, not to the app. */
export const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** What the app's own keys do; `shortcuts.ts` runs them, the help overlay lists them from here. */
export type ShortcutAction = 'search' | 'help' | 'new-candidate' | 'new-interview' | 'next-adopter' | 'previous-adopter' | 'preview' | 'export';

export interface Shortcut {
  /** As the help overlay shows them, alternatives separated by " or ". */
  keys: string;
  what: string;
  action?: ShortcutAction;
}

/**
 * Single letters work like Linear's and Gmail's: only outside a text field, and never with
 * Ctrl, Alt or Cmd, so typing a note never triggers one and the browser's own keys stay.
 */
export const LETTER_KEYS: Readonly<Record<string, ShortcutAction>> = {
  '/': 'search',
  '?': 'help',
  c: 'new-candidate',
  i: 'new-interview',
  j: 'next-adopter',
  k: 'previous-adopter',
  p: 'preview',
  e: 'export',
};

/** Saving the selected text of a notes box or the summary as a quote (Alt+Q: Ctrl+Shift+Q quits Chrome on Linux). */
export const isQuoteKey = (event: KeyboardEvent): boolean => event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyQ';

export const SHORTCUT_GROUPS: { title: string; shortcuts: Shortcut[] }[] = [
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: 'Ctrl K or /', what: 'Search summaries, notes, quotes and organizations; ↓ ↑ choose a hit, Enter opens it', action: 'search' },
      { keys: 'Ctrl Z', what: 'Undo this project’s last saved change (outside a text field)' },
      { keys: 'Ctrl Shift Z or Ctrl Y', what: 'Redo what was just undone' },
      { keys: '?', what: 'Show this help', action: 'help' },
      { keys: 'Esc', what: 'Close a dialog' },
    ],
  },
  {
    title: 'In a project',
    shortcuts: [
      { keys: 'C', what: 'New candidate adopter: the Organization field of “Add a candidate adopter”', action: 'new-candidate' },
      { keys: 'I', what: 'New interview of the adopter on screen (“Log an interview”)', action: 'new-interview' },
      { keys: 'J', what: 'Next adopter', action: 'next-adopter' },
      { keys: 'K', what: 'Previous adopter', action: 'previous-adopter' },
      { keys: 'P', what: 'Preview the Adoption section as it would be published', action: 'preview' },
      { keys: 'E', what: 'Export: the buttons that copy or save the section', action: 'export' },
    ],
  },
  {
    title: 'In an interview',
    shortcuts: [{ keys: 'Alt Q', what: 'Save the text selected in a notes box or the summary as a quote' }],
  },
  {
    title: 'Moving around',
    shortcuts: [
      { keys: 'Tab or Shift Tab', what: 'Move between fields and buttons' },
      { keys: 'Enter', what: 'Press the focused button, open the focused link' },
    ],
  },
];
