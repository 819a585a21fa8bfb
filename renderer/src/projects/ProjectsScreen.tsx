import { NewProjectForm } from './NewProjectForm';
import { ProjectRow } from './ProjectRow';
import { useProjects } from './useProjects';

export function ProjectsScreen() {
  const { state, reload } = useProjects();

  return (
    <section aria-labelledby="projects-title" className="projects">
      <h2 id="projects-title" className="screen-title">
        Projects
      </h2>
      <NewProjectForm onCreated={reload} />
      {state.status === 'loading' && <p className="muted">Loading projects…</p>}
      {state.status === 'error' && (
        <div className="card error-card" role="alert">
          <p>{state.message}</p>
          <button type="button" onClick={() => void reload()}>
            Try again
          </button>
        </div>
      )}
      {state.status === 'ready' &&
        (state.projects.length === 0 ? (
          <p className="empty">No projects yet. Create the one whose due diligence you are running.</p>
        ) : (
          <ul className="project-list" aria-label="Projects">
            {state.projects.map((project) => (
              <ProjectRow key={`${project.id}:${project.version}`} project={project} onChanged={reload} />
            ))}
          </ul>
        ))}
    </section>
  );
}
