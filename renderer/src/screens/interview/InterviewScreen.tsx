import { useCallback, useMemo, useState } from 'react';
import type { InputOf } from '../../../../services/contract';
import type { InterviewDetail } from '../../../../services/views';
import { call } from '../../client';
import { AutosaveField } from '../../components/AutosaveField';
import { DateField } from '../../components/DateField';
import { useDates } from '../../hooks/dates';
import { LoadedView } from '../../components/Loaded';
import { useRefresh } from '../../hooks/refresh';
import { useOp } from '../../hooks/useOp';
import { createChannel } from '../../hooks/channel';
import { useVersioned } from '../../hooks/useVersioned';
import { hrefFor, navigate, type Route } from '../../router';
import { useUndoable } from '../../hooks/useUndoable';
import { EntryPreviewPanel } from '../adopter/EntryPreviewPanel';
import { Approval } from './Approval';
import { Participants } from './Participants';
import { QuestionNotes } from './QuestionNotes';
import { Quotes } from './Quotes';
import { useLanding } from './landing';
import { ConflictBadge } from '../team/ConflictBadge';

type InterviewRoute = Extract<Route, { name: 'interview' }>;

function InterviewEditor({ detail, route, reload, adopterNumber, where }: { detail: InterviewDetail; route: InterviewRoute; reload: () => void; adopterNumber: number; where: string }) {
  const { interview } = detail;
  const save = useVersioned(interview.version);
  const typedSummary = useMemo(() => createChannel<string | undefined>(undefined), []);
  const [previewVersion, setPreviewVersion] = useState(0);
  // Interviewees renamed in place (the page is not reloaded for it); a reload remounts the editor with the store's names.
  const [renamed, setRenamed] = useState<ReadonlyMap<number, string>>(new Map());

  // The published month as the store has it: a new date moves it when it followed the date.
  const [month, setMonth] = useState(interview.month);
  const patch = useCallback(
    async (fields: Omit<InputOf<'updateInterview'>, 'id' | 'version'>) => {
      const saved = await save((version) => call('updateInterview', { id: interview.id, version, ...fields }));
      setMonth(saved.month);
      setPreviewVersion((v) => v + 1);
    },
    [interview.id, save],
  );

  // "Take me to the spot" from a leak report or a search hit: the field, in view, the word selected.
  useLanding(route);

  return (
    <div className="interview-layout">
      <div className="interview-main">
        <section className="card" aria-labelledby="details-title">
          <h3 id="details-title">The call</h3>
          <div className="field-row">
            <DateField label="Date" value={interview.date} commit={(date) => patch({ date })} testId="interview-date" />
            <DateField precision="month" label="Published month" value={month} commit={(month) => patch({ month })} hint="Follows the date unless you set it." testId="interview-month" />
            <AutosaveField
              label="Duration (minutes)"
              className="w-xs"
              initial={interview.durationMinutes?.toString() ?? ''}
              save={(v) => patch({ durationMinutes: v ? Number(v) : null })}
            />
          </div>
          <AutosaveField
            label="Interviewers"
            className="w-l"
            initial={interview.interviewers.join(', ')}
            save={(v) => patch({ interviewers: v.split(',').map((s) => s.trim()).filter(Boolean) })}
            hint="TOC or TAB members, separated by commas."
          />
        </section>
        <Participants detail={detail} onChanged={reload} onRenamed={(personId, name) => setRenamed((m) => new Map(m).set(personId, name))} where={where} />
        <QuestionNotes detail={detail} />
        <section className="card" aria-labelledby="raw-title">
          <div className="card-head">
            <h3 id="raw-title">Raw notes</h3>
            <ConflictBadge projectId={route.projectId} match={(c) => c.adopterNumber === adopterNumber && c.recordKind === 'interview' && c.field === 'rawNotes'} />
          </div>
          <AutosaveField label="Anything else said in the call" initial={interview.rawNotes} save={(rawNotes) => patch({ rawNotes })} multiline rows={6} testId="raw-notes" />
        </section>
        <Quotes detail={detail} renamed={renamed} where={where} />
        <section className="card" aria-labelledby="summary-title">
          <div className="card-head">
            <h3 id="summary-title">Summary</h3>
            <ConflictBadge projectId={route.projectId} match={(c) => c.adopterNumber === adopterNumber && c.recordKind === 'interview' && c.field === 'summary'} />
          </div>
          <AutosaveField
            label="Summary for the DD (about five paragraphs, Markdown)"
            className="box-tall"
            initial={interview.summary}
            save={(summary) => patch({ summary })}
            onInput={typedSummary.publish}
            multiline
            rows={14}
            testId="summary"
          />
        </section>
        <Approval interview={interview} approval={detail.approval} projectId={route.projectId} adopterNumber={adopterNumber} save={save} onChanged={reload} />
        <TrashInterview interview={interview} route={route} where={where} />
      </div>
      <EntryPreviewPanel adopterId={interview.adopterId} projectId={route.projectId} version={previewVersion} typed={typedSummary} />
    </div>
  );
}

/** At once, back to the adopter; the toast names the interview and offers the Undo. */
function TrashInterview({ interview, route, where }: { interview: InterviewDetail['interview']; route: InterviewRoute; where: string }) {
  const undoable = useUndoable();
  const { show } = useDates();
  const day = interview.date ?? interview.month;
  const named = `the interview of ${day ? show(day) : 'no date yet'} (${where})`;
  const remove = async () => {
    const moved = await undoable({
      run: () => call('deleteInterview', { id: interview.id }),
      done: () => `Moved ${named} to the trash.`,
      undo: () => call('restoreFromTrash', { entity: 'interview', id: interview.id }),
      undone: () => `${named[0]!.toUpperCase()}${named.slice(1)} is back from the trash.`,
    });
    if (moved) navigate({ name: 'adopter', projectId: route.projectId, adopterId: route.adopterId });
  };
  return (
    <div className="toolbar">
      <button type="button" className="danger" onClick={() => void remove()}>
        Move this interview to the trash
      </button>
    </div>
  );
}

export function InterviewScreen({ route }: { route: InterviewRoute }) {
  const { generation } = useRefresh();
  const { state, reload } = useOp('getInterview', { id: route.interviewId }, [route.interviewId, generation]);
  const adopter = useOp('getAdopter', { id: route.adopterId }, [route.adopterId, generation]);
  const adopterNumber = adopter.state.status === 'ready' ? adopter.state.value.adopter.number : 0;
  const project = useOp('getProject', { id: route.projectId }, [route.projectId, generation]);
  // "Adopter 1 – Acme Corp, Globex Mesh": where a removal happened, for its toast.
  const adopterName = adopter.state.status === 'ready' ? `Adopter ${adopterNumber} – ${adopter.state.value.organization.name}` : 'this adopter';
  const where = `${adopterName}, ${project.state.status === 'ready' ? project.state.value.name : 'this project'}`;
  const [revision, setRevision] = useState(0);
  const { show } = useDates();
  const refreshDetail = useCallback(() => {
    void reload().then(() => setRevision((r) => r + 1));
  }, [reload]);
  return (
    <LoadedView state={state} retry={() => void reload()}>
      {(detail) => (
        <section className="screen" aria-labelledby="interview-title">
          <p className="breadcrumb">
            <a href={hrefFor({ name: 'project', projectId: route.projectId, tab: 'pipeline' })}>Adopters</a> /{' '}
            <a href={hrefFor({ name: 'adopter', projectId: route.projectId, adopterId: route.adopterId })}>
              {adopter.state.status === 'ready' ? `Adopter ${adopterNumber} – ${adopter.state.value.organization.name}` : 'Adopter'}
            </a>{' '}
            /
          </p>
          <h2 id="interview-title" className="screen-title">
            Interview {show(detail.interview.date ?? detail.interview.month ?? '')}
          </h2>
          {/* Remounted after structural changes (participants, approval) so versions start fresh; text fields keep their own state until then. */}
          <InterviewEditor key={`${generation}:${revision}`} detail={detail} route={route} reload={refreshDetail} adopterNumber={adopterNumber} where={where} />
        </section>
      )}
    </LoadedView>
  );
}
