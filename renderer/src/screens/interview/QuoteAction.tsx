import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { caretRect } from '../../components/caret';
import { isQuoteKey } from '../../keyboard';

/**
 * The boxes text can be quoted from: the notes of each question, the raw notes and the
 * summary, by the data-testid the interview screen gives them (as interview/landing.ts finds them).
 */
export const isQuoteSource = (element: EventTarget | null): element is HTMLTextAreaElement =>
  element instanceof HTMLTextAreaElement && /^(notes-[\w-]+|raw-notes|summary)$/u.test(element.dataset.testid ?? '');

const selectedText = (box: HTMLTextAreaElement) => box.value.slice(box.selectionStart, box.selectionEnd).trim();

/** Where the button goes: under the end of the selection (QuoteAction keeps it inside the box's width once it knows its own). */
function placeFor(box: HTMLTextAreaElement): { top: number; left: number } {
  const frame = box.getBoundingClientRect();
  const end = caretRect(box, box.selectionEnd);
  const top = Math.min(Math.max(end.bottom, frame.top), frame.bottom) + 4;
  const left = Math.max(end.left, frame.left + 4);
  return { top: top + window.scrollY, left: left + window.scrollX };
}

/**
 * A small "Quote" button right beside text selected in a notes box or the summary, and
 * Alt+Q for the same: the quote is saved where the text is, without scrolling to the quotes
 * list. `quote` saves it (and says so); the box keeps the focus and its selection.
 */
export function QuoteAction({ quote, speaker }: { quote: (text: string) => Promise<boolean>; speaker: string | null }) {
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  const source = useRef<HTMLTextAreaElement | null>(null);
  const quoteRef = useRef(quote);
  quoteRef.current = quote;
  /** The selection just saved: not offered again until it changes. */
  const saved = useRef('');
  const saveSelection = useRef<() => Promise<void>>(async () => {});

  useEffect(() => {
    const follow = () => {
      const box = document.activeElement;
      if (!isQuoteSource(box) || box.selectionStart === box.selectionEnd || !selectedText(box)) {
        source.current = null;
        setPlace(null);
        return;
      }
      const key = `${box.dataset.testid}:${box.selectionStart}:${box.selectionEnd}`;
      source.current = box;
      // The word a search hit or a leak link selected (landing.ts) is the app's choice, not a selection to quote.
      const landed = box.dataset.landedSelection === `${box.selectionStart}:${box.selectionEnd}`;
      if (!landed) delete box.dataset.landedSelection;
      setPlace(saved.current === key || landed ? null : placeFor(box));
    };
    const save = async () => {
      const box = source.current;
      if (!box) return;
      const key = `${box.dataset.testid}:${box.selectionStart}:${box.selectionEnd}`;
      if (await quoteRef.current(selectedText(box))) {
        saved.current = key;
        setPlace(null);
      }
    };
    saveSelection.current = save;
    const onKey = (event: KeyboardEvent) => {
      if (!isQuoteKey(event) || !isQuoteSource(event.target)) return;
      event.preventDefault();
      follow();
      void save();
    };
    // Selections change by mouse, by keyboard (Shift+arrows) and by typing over them; scrolling moves them.
    const events = ['select', 'mouseup', 'keyup', 'input', 'focusin', 'focusout'] as const;
    const onScroll = () => (source.current ? setPlace(placeFor(source.current)) : undefined);
    for (const name of events) document.addEventListener(name, follow, true);
    document.addEventListener('keydown', onKey, true);
    window.addEventListener('resize', onScroll);
    document.addEventListener('scroll', onScroll, true);
    return () => {
      for (const name of events) document.removeEventListener(name, follow, true);
      document.removeEventListener('keydown', onKey, true);
      window.removeEventListener('resize', onScroll);
      document.removeEventListener('scroll', onScroll, true);
    };
  }, []);

  // Measured once drawn: a selection ending near the right edge gets the button moved left, inside the box.
  const button = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    const box = source.current;
    if (!place || !box || !button.current) return;
    const frame = box.getBoundingClientRect();
    const drawn = button.current.getBoundingClientRect();
    if (drawn.right > frame.right - 4) button.current.style.left = `${Math.max(frame.left + 4, frame.right - 4 - drawn.width) + window.scrollX}px`;
  }, [place]);

  if (!place) return null;
  return createPortal(
    <button
      ref={button}
      type="button"
      className="quote-action small"
      style={{ top: place.top, left: place.left }}
      // Pressing the button must not take the focus (and the selection) from the text box.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => void saveSelection.current()}
      aria-keyshortcuts="Alt+Q"
      title={`Save the selection as a quote${speaker ? ` by ${speaker}` : ''} (Alt+Q)`}
      data-testid="quote-action"
    >
      Quote{speaker ? <span className="quote-action-speaker"> · {speaker}</span> : null}
    </button>,
    document.body,
  );
}
