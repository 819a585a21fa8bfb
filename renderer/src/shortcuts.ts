import { useEffect, useRef } from 'react';
import { call, errorMessage } from './client';
import { useToast } from './hooks/toast';
import { isTyping, LETTER_KEYS, type ShortcutAction } from './keyboard';
import { navigate, type Route } from './router';

/** The project the screen belongs to, if any. */
const projectOf = (route: Route): number | null => ('projectId' in route ? route.projectId : null);

/** How long a shortcut waits for the screen it moved to before giving up quietly. */
const WAIT_MS = 4000;

/**
 * Runs `act` on the element marked `data-shortcut="<name>"` as soon as the screen shows it:
 * at once when it is there, else after the move the shortcut just made has rendered.
 */
export function whenShown(name: string, act: (element: HTMLElement) => void): void {
  const find = () => document.querySelector<HTMLElement>(`[data-shortcut="${name}"]`);
  const now = find();
  if (now) {
    act(now);
    return;
  }
  const observer = new MutationObserver(() => {
    const element = find();
    if (!element) return;
    observer.disconnect();
    clearTimeout(timer);
    act(element);
  });
  const timer = setTimeout(() => observer.disconnect(), WAIT_MS);
  observer.observe(document.body, { childList: true, subtree: true });
}

/** A field is focused; a button or a group of buttons gets its first button focused (Enter then presses it). */
const focusIn = (element: HTMLElement) => {
  const target = element.matches('input, textarea, select, button, a[href]') ? element : element.querySelector<HTMLElement>('input, textarea, select, button, a[href]');
  target?.focus();
  target?.scrollIntoView({ block: 'center' });
};

/**
 * The app's keys outside text fields (keyboard.ts lists them): each moves to where its
 * action lives and does it there, or says in a toast why it cannot here. A dialog open on
 * top keeps its keys to itself.
 */
export function useShortcuts(route: Route, open: { search: () => void; help: () => void }): void {
  const toast = useToast();
  const current = useRef({ route, open, toast });
  current.current = { route, open, toast };

  useEffect(() => {
    const run = async (action: ShortcutAction) => {
      const { route: here, open: opener, toast: say } = current.current;
      const projectId = projectOf(here);
      if (action === 'search') return opener.search();
      if (action === 'help') return opener.help();
      if (projectId === null) {
        say({ text: 'Open a project first: this shortcut works inside a project (press ? for the list).', tone: 'info' });
        return;
      }
      switch (action) {
        case 'new-candidate':
          if (!(here.name === 'project' && here.tab === 'pipeline')) navigate({ name: 'project', projectId, tab: 'pipeline' });
          return whenShown('new-candidate', focusIn);
        case 'new-interview':
          if (here.name === 'interview') navigate({ name: 'adopter', projectId, adopterId: here.adopterId });
          else if (here.name !== 'adopter') {
            say({ text: 'Open an adopter first (J moves to the next one), then press I to log an interview.', tone: 'info' });
            return;
          }
          return whenShown('new-interview', (button) => button.click());
        case 'preview':
          return navigate({ name: 'project', projectId, tab: 'preview' });
        case 'export':
          if (!(here.name === 'project' && here.tab === 'preview')) navigate({ name: 'project', projectId, tab: 'preview' });
          return whenShown('export', focusIn);
        case 'next-adopter':
        case 'previous-adopter':
          return moveAdopter(projectId, here, action === 'next-adopter' ? 1 : -1, say);
      }
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        current.current.open.search();
        return;
      }
      if (mod || event.altKey || isTyping(event.target) || document.querySelector('[aria-modal="true"]')) return;
      const action = LETTER_KEYS[event.key.length === 1 ? event.key.toLowerCase() : ''];
      // "?" is Shift+/ on most layouts; the other letters only without Shift, so Shift+J stays nothing.
      if (!action || (event.shiftKey && event.key !== '?')) return;
      event.preventDefault();
      void run(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The adopter before or after the one on screen, by number; from the adopters list, the first (J) or the last (K). */
async function moveAdopter(projectId: number, here: Route, step: 1 | -1, say: ReturnType<typeof useToast>) {
  try {
    const adopters = await call('listAdopters', { projectId });
    if (adopters.length === 0) {
      say({ text: 'This project has no adopters yet: press C to add a candidate.', tone: 'info' });
      return;
    }
    const at = 'adopterId' in here ? adopters.findIndex((a) => a.id === here.adopterId) : -1;
    const next = at < 0 ? adopters.at(step === 1 ? 0 : -1)! : adopters[at + step];
    if (!next) {
      say({ text: `Adopter ${adopters[at]!.number} is the ${step === 1 ? 'last' : 'first'} adopter of this project.`, tone: 'info' });
      return;
    }
    navigate({ name: 'adopter', projectId, adopterId: next.id });
  } catch (error) {
    say({ text: errorMessage(error), tone: 'error' });
  }
}
