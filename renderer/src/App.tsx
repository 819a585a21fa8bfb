import { ProjectsScreen } from './projects/ProjectsScreen';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">Adoption Desk</h1>
        <p className="app-tagline">Adopter interviews for a due diligence, kept on this computer.</p>
      </header>
      <main className="app-main">
        <ProjectsScreen />
      </main>
    </div>
  );
}
