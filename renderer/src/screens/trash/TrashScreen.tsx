import { call } from '../../client';
import { LoadedView } from '../../components/Loaded';
import { useRefresh } from '../../hooks/refresh';
import { useAction } from '../../hooks/useAction';
import { useOp } from '../../hooks/useOp';
import { Outcome } from '../../components/Outcome';

export function TrashScreen() {
  const { generation, refresh } = useRefresh();
  const { state, reload } = useOp('listTrash', {}, [generation]);
  const { error, done, act } = useAction(refresh);
  return (
    <section className="screen" aria-labelledby="trash-title">
      <h2 id="trash-title" className="screen-title">
        Trash
      </h2>
      <p className="hint">Deleted projects, adopters and interviews wait here until you empty the trash. Emptying it is final.</p>
      <Outcome error={error} done={done} />
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
                      {item.title} <span className="muted">({item.entity}, deleted {item.deletedAt.slice(0, 10)})</span>
                    </span>
                    <button type="button" onClick={() => void act(() => call('restoreFromTrash', { entity: item.entity, id: item.id }), `Restored ${item.title}.`)}>
                      Restore
                    </button>
                  </li>
                ))}
              </ul>
              <button type="button" className="danger" onClick={() => void act(() => call('emptyTrash', {}), 'The trash is empty.')}>
                Empty the trash for good
              </button>
            </>
          )
        }
      </LoadedView>
    </section>
  );
}
