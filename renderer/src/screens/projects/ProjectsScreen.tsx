import { useState } from 'react';
import { LoadedView } from '../../components/Loaded';
import { useRefresh } from '../../hooks/refresh';
import { useOp } from '../../hooks/useOp';
import { FirstRunGuide } from './FirstRunGuide';
import { NewProjectForm } from './NewProjectForm';
import { ProjectRow } from './ProjectRow';
import { JoinDialog } from '../team/JoinDialog';
import './first-run.css';

export function ProjectsScreen() {
  const { generation } = useRefresh();
  const { state, reload } = useOp('projectCards', {}, [generation]);
  // The sample project is marked wherever it is listed; without the ids it is listed unmarked.
  const samples = useOp('sampleProjectIds', {}, [generation]);
  const isSample = (id: number) => samples.state.status === 'ready' && samples.state.value.includes(id);
  const firstRun = state.status === 'ready' && state.value.length === 0;
  const [joining, setJoining] = useState(false);
  return (
    <section aria-labelledby="projects-title" className="screen">
      <h2 id="projects-title" className="screen-title">
        Projects
      </h2>
      {firstRun && <FirstRunGuide />}
      <NewProjectForm onCreated={reload} />
      <p className="cluster">
        <button type="button" onClick={() => setJoining(true)}>
          Join a shared project…
        </button>
        <span className="muted">A teammate shared a DD through a private Git repository: work on it with them.</span>
      </p>
      {joining && <JoinDialog onClose={() => setJoining(false)} />}
      <LoadedView state={state} retry={() => void reload()}>
        {(cards) => {
          const active = cards.filter((c) => !c.project.archived);
          const archived = cards.filter((c) => c.project.archived);
          return (
            <>
              {active.length === 0 ? (
                cards.length > 0 && <p className="empty">No active projects: the archived ones are below.</p>
              ) : (
                <ul className="project-list" aria-label="Projects">
                  {active.map((card) => (
                    <ProjectRow key={`${card.project.id}:${card.project.version}`} card={card} sample={isSample(card.project.id)} onChanged={reload} />
                  ))}
                </ul>
              )}
              {archived.length > 0 && (
                <details className="archived">
                  <summary>Archived projects ({archived.length})</summary>
                  <ul className="project-list" aria-label="Archived projects">
                    {archived.map((card) => (
                      <ProjectRow key={`${card.project.id}:${card.project.version}`} card={card} sample={isSample(card.project.id)} onChanged={reload} />
                    ))}
                  </ul>
                </details>
              )}
            </>
          );
        }}
      </LoadedView>
    </section>
  );
}
