import { useEffect, useState } from 'react';
import { call } from './client';
import { HelpOverlay } from './components/HelpOverlay';
import { RefreshProvider } from './hooks/refresh';
import { BackupNotice } from './components/BackupNotice';
import { SaveStatusLine, SaveStatusProvider, useSaveStatus } from './hooks/saveStatus';
import { ToastProvider } from './hooks/toast';
import { UndoControls } from './components/undo/UndoControls';
import { UnsavedEdits } from './components/UnsavedEdits';
import { platform } from './platform';
import { useShortcuts } from './shortcuts';
import { hrefFor, useRoute, type Route } from './router';
import { AdopterScreen } from './screens/adopter/AdopterScreen';
import { ImportScreen } from './screens/import/ImportScreen';
import { InterviewScreen } from './screens/interview/InterviewScreen';
import { ProjectScreen } from './screens/project/ProjectScreen';
import { ProjectsScreen } from './screens/projects/ProjectsScreen';
import { SearchOverlay } from './screens/search/SearchOverlay';
import { SearchScreen } from './screens/search/SearchScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { TrashScreen } from './screens/trash/TrashScreen';
import { applyTheme } from './theme';
import { applyDatePreferences } from './hooks/dates';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'project':
      return <ProjectScreen key={route.projectId} projectId={route.projectId} tab={route.tab} />;
    case 'adopter':
      return <AdopterScreen key={route.adopterId} projectId={route.projectId} adopterId={route.adopterId} />;
    case 'interview':
      return <InterviewScreen key={route.interviewId} route={route} />;
    case 'search':
      return <SearchScreen query={route.query} />;
    case 'import':
      return <ImportScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'trash':
      return <TrashScreen />;
    default:
      return <ProjectsScreen />;
  }
}

const NAV: { label: string; route: Route }[] = [
  { label: 'Projects', route: { name: 'projects' } },
  { label: 'Import', route: { name: 'import' } },
  { label: 'Trash', route: { name: 'trash' } },
  { label: 'Settings', route: { name: 'settings' } },
];

function Shell() {
  const route = useRoute();
  const { overall } = useSaveStatus();
  const [searchOpen, setSearchOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);

  // The reviewer's theme choice (light, dark, or the system's) and date format apply from the first screen.
  useEffect(() => {
    call('getSettings', {})
      .then((settings) => {
        applyTheme(settings.theme);
        applyDatePreferences(settings);
      })
      .catch(() => applyTheme('system'));
  }, []);

  // Ctrl+K, /, ? and the letter keys of keyboard.ts (never while typing in a field).
  useShortcuts(route, { search: () => setSearchOpen(true), help: () => setHelpOpen(true) });

  // Closing the window (or the tab) with an unsaved edit asks first.
  useEffect(() => platform.askBeforeLeaving(() => overall.kind !== 'saved' && overall.kind !== 'idle'), [overall.kind]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {/* One row from 1280 down to 900 px: the name, the places, the tools, the save status. */}
      <header className="app-header">
        <h1 className="app-title">
          <a href={hrefFor({ name: 'projects' })}>Adoption Desk</a>
        </h1>
        <nav aria-label="Main" className="main-nav">
          {NAV.map((item) => (
            <a key={item.label} href={hrefFor(item.route)} aria-current={route.name === item.route.name ? 'page' : undefined}>
              {item.label}
            </a>
          ))}
        </nav>
        <div className="header-tools">
          <button type="button" onClick={() => setSearchOpen(true)} aria-keyshortcuts="Control+K">
            Search <kbd>Ctrl K</kbd>
          </button>
          <UndoControls route={route} />
          <button type="button" onClick={() => setHelpOpen(true)} aria-label="Keyboard shortcuts" aria-keyshortcuts="?">
            ?
          </button>
        </div>
        <SaveStatusLine />
      </header>
      {route.name === 'projects' && <p className="app-tagline">Adopter interviews for a due diligence, kept on this computer.</p>}
      <UnsavedEdits />
      <BackupNotice />
      <main id="main" className="app-main" tabIndex={-1}>
        <Screen route={route} />
      </main>
      {searchOpen && <SearchOverlay onClose={() => setSearchOpen(false)} />}
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
    </div>
  );
}

export function App() {
  return (
    <RefreshProvider>
      <SaveStatusProvider>
        <ToastProvider>
          <Shell />
        </ToastProvider>
      </SaveStatusProvider>
    </RefreshProvider>
  );
}
