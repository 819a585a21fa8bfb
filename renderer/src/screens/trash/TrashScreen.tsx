import { useState } from 'react';
import type { TrashSummary } from '../../../../services/trash-summary';
import { call, errorMessage } from '../../client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadedView } from '../../components/Loaded';
import { useRefresh } from '../../hooks/refresh';
import { useAction } from '../../hooks/useAction';
import { useOp } from '../../hooks/useOp';
import { localDayOf, useDates } from '../../hooks/dates';
import { Outcome } from '../../components/Outcome';
import { emptyTrashQuestion } from './loss';

export function TrashScreen() {
  const { generation, refresh } = useRefresh();
  const { state, reload } = useOp('listTrash', {}, [generation]);
  const { show, showIn } = useDates();
  const { error, done, act } = useAction(refresh);
  // Counted when the reviewer asks to empty, so the question names what is there now.
  const [confirming, setConfirming] = useState<TrashSummary | null>(null);
  const [countError, setCountError] = useState<string | null>(null);
  const askToEmpty = async () => {
    setCountError(null);
    try {
      const summary = await call('trashSummary', {});
      // Emptied meanwhile (another window, the command line): nothing to ask about, show the list as it is.
      if (Object.values(summary).every((n) => n === 0)) refresh();
      else setConfirming(summary);
    } catch (err) {
      setCountError(errorMessage(err));
    }
  };
  return (
    <section className="screen" aria-labelledby="trash-title">
      <h2 id="trash-title" className="screen-title">
        Trash
      </h2>
      <p className="hint">Deleted projects, adopters and interviews wait here until you empty the trash. Emptying it is final.</p>
      <Outcome error={error ?? countError} done={done} />
      <LoadedView state={state} retry={() => void reload()}>
        {(items) =>
          items.length === 0 ? (
            <p className="empty">The trash is empty.</p>
          ) : (
            <>
              <ul className="trash">
                {items.map((item) => (
                  <li key={`${item.entity}:${item.id}`}>
                    <span>
                      {showIn(item.title)} <span className="muted">({item.entity}, deleted {show(localDayOf(item.deletedAt))})</span>
                    </span>
                    <button type="button" onClick={() => void act(() => call('restoreFromTrash', { entity: item.entity, id: item.id }), `Restored ${showIn(item.title)}.`)}>
                      Restore
                    </button>
                  </li>
                ))}
              </ul>
              <button type="button" className="danger" onClick={() => void askToEmpty()}>
                Empty the trash for good…
              </button>
            </>
          )
        }
      </LoadedView>
      {confirming && (
        <ConfirmDialog
          title="Empty the trash"
          confirmLabel="Delete for good"
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            void act(() => call('emptyTrash', {}), 'The trash is empty.');
          }}
        >
          <p data-testid="confirm-question">{emptyTrashQuestion(confirming)}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
