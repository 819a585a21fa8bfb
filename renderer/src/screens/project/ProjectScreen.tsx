import { LoadedView } from '../../components/Loaded';
import { useRefresh } from '../../hooks/refresh';
import { useOp } from '../../hooks/useOp';
import { AfterImportChecklist } from '../after-import/AfterImportChecklist';
import { hrefFor } from '../../router';
import { OutreachTab } from './OutreachTab';
import { PipelineTab } from './PipelineTab';
import { PreviewTab } from './PreviewTab';
import { TeamCard } from '../team/TeamCard';

const TABS = [
  { id: 'pipeline', label: 'Adopters' },
  { id: 'preview', label: 'Preview & export' },
  { id: 'outreach', label: 'Outreach' },
] as const;

export function ProjectScreen({ projectId, tab }: { projectId: number; tab: 'pipeline' | 'preview' | 'outreach' }) {
  const { generation } = useRefresh();
  const { state, reload } = useOp('getProject', { id: projectId }, [projectId, generation]);
  // "Adopters 7": how many the tab holds, from the store (any change reloads it).
  const adopters = useOp('listAdopters', { projectId }, [projectId, generation]);
  const count = (id: string) => (id === 'pipeline' && adopters.state.status === 'ready' ? adopters.state.value.length : null);
  return (
    <LoadedView state={state} retry={() => void reload()}>
      {(project) => (
        <section className="screen" aria-labelledby="project-title">
          <p className="breadcrumb">
            <a href={hrefFor({ name: 'projects' })}>Projects</a> /
          </p>
          <h2 id="project-title" className="screen-title">
            {project.name} <span className={`badge level-${project.level}`}>{project.level === 'incubation' ? 'Incubation' : 'Graduation'}</span>
          </h2>
          <nav className="tabs" aria-label="Project">
            {TABS.map((t) => (
              <a key={t.id} href={hrefFor({ name: 'project', projectId, tab: t.id })} aria-current={tab === t.id ? 'page' : undefined}>
                {t.label}
                {count(t.id) !== null && <span className="tab-count"> {count(t.id)}</span>}
              </a>
            ))}
          </nav>
          {tab === 'pipeline' && <AfterImportChecklist projectId={projectId} />}
          {tab === 'pipeline' && <TeamCard projectId={projectId} projectName={project.name} />}
          {tab === 'pipeline' && <PipelineTab project={project} />}
          {tab === 'preview' && <PreviewTab project={project} />}
          {tab === 'outreach' && <OutreachTab project={project} />}
        </section>
      )}
    </LoadedView>
  );
}
