import type { Theme } from '../../services/views';

/** Light, dark, or whatever the system prefers (the stylesheet follows prefers-color-scheme). */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}
