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
        {(cards) =>
          cards.length === 0 ? (
            <p className="empty">No projects yet. Create the one whose due diligence you are running.</p>
          ) : (
            <ul className="project-list" aria-label="Projects">
              {cards.map((card) => (
                <ProjectRow key={`${card.project.id}:${card.project.version}`} card={card} onChanged={reload} />
              ))}
            </ul>
          )
        }
      </LoadedView>
    </section>
  );
}
