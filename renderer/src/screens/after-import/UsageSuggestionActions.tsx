import type { UsageSuggestion } from '../../../../services/after-import';
import { call } from '../../client';
import { useUndoable } from '../../hooks/useUndoable';

/**
 * A usage level the summary's words suggest, with the words in their sentence and the two
 * answers: set it (one click, undoable) or dismiss it (until the summary changes). Never
 * set without the click: the reviewer heard the interview, the words only hint.
 */
export function UsageSuggestionActions({ suggestion: s }: { suggestion: UsageSuggestion }) {
  const undoable = useUndoable();
  const who = `Adopter ${s.number} (${s.name})`;
  const level = s.levelLabel.toLowerCase();

  const accept = () =>
    undoable({
      run: () => call('updateAdopter', { id: s.adopterId, version: s.adopterVersion, usageLevel: s.level }),
      done: () => `${who} is now recorded in ${level} use.`,
      undo: (adopter) => call('updateAdopter', { id: adopter.id, version: adopter.version, usageLevel: null }),
      undone: () => `${who} has no usage level again.`,
    });
  const dismiss = () =>
    undoable({
      run: () => call('dismissUsageSuggestion', { adopterId: s.adopterId, key: s.key }),
      done: () => `Dismissed the suggestion “${s.levelLabel}” for ${who}; it comes back if the summary changes.`,
      undo: (dismissal) => call('restoreWarning', { id: dismissal.id }),
      undone: () => `The suggestion “${s.levelLabel}” for ${who} is back.`,
    });

  return (
    <div className="usage-suggestion" data-testid="usage-suggestion">
      <p className="usage-suggestion-why">
        The summary says “{highlight(s.sentence, s.words)}”: suggests <strong>{s.levelLabel}</strong>.
      </p>
      <div className="toolbar">
        <button type="button" className="small primary" onClick={() => void accept()} aria-label={`Set Adopter ${s.number} to ${s.levelLabel}`}>
          Set to {s.levelLabel}
        </button>
        <button type="button" className="small quiet" onClick={() => void dismiss()} aria-label={`Dismiss the suggestion ${s.levelLabel} for Adopter ${s.number}`}>
          Dismiss
        </button>
      </div>
    </div>
  );
}

/** The sentence with the suggesting words marked, as the reviewer reads it. */
function highlight(sentence: string, words: string) {
  const at = sentence.toLowerCase().indexOf(words.toLowerCase());
  if (at < 0) return sentence;
  return (
    <>
      {sentence.slice(0, at)}
      <mark>{sentence.slice(at, at + words.length)}</mark>
      {sentence.slice(at + words.length)}
    </>
  );
}
