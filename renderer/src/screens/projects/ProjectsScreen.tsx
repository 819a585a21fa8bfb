import { LoadedView } from '../../components/Loaded';
import { useRefresh } from '../../hooks/refresh';
import { useOp } from '../../hooks/useOp';
import { NewProjectForm } from './NewProjectForm';
import { ProjectRow } from './ProjectRow';

export function ProjectsScreen() {
  const { generation } = useRefresh();
  const { state, reload } = useOp('projectCards', {}, [generation]);
  return (
    <section aria-labelledby="projects-title" className="screen">
      <h2 id="projects-title" className="screen-title">
        Projects
      </h2>
      <NewProjectForm onCreated={reload} />
      <LoadedView state={state} retry={() => void reload()}>
        {(cards) => {
          const active = cards.filter((c) => !c.project.archived);
          const archived = cards.filter((c) => c.project.archived);
          return (
            <>
              {active.length === 0 ? (
                <p className="empty">No projects yet. Create the one whose due diligence you are running.</p>
              ) : (
                <ul className="project-list" aria-label="Projects">
                  {active.map((card) => (
                    <ProjectRow key={`${card.project.id}:${card.project.version}`} card={card} onChanged={reload} />
                  ))}
                </ul>
              )}
              {archived.length > 0 && (
                <details className="archived">
                  <summary>Archived projects ({archived.length})</summary>
                  <ul className="project-list" aria-label="Archived projects">
                    {archived.map((card) => (
                      <ProjectRow key={`${card.project.id}:${card.project.version}`} card={card} onChanged={reload} />
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
