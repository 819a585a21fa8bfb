import { describe, expect, it } from 'vitest';
import { mainWindowOptions, secureWebPreferences } from '../../../electron/window-options';

describe('the window is built secure', () => {
  it('isolates, sandboxes and keeps Node out of the page', () => {
    const prefs = secureWebPreferences('/app/preload.js');
    expect(prefs).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
    });
  });

  it('leaves webSecurity at its default and allows no insecure content', () => {
    const prefs = secureWebPreferences('/p.js');
    expect('webSecurity' in prefs).toBe(false);
    expect('allowRunningInsecureContent' in prefs).toBe(false);
    expect('experimentalFeatures' in prefs).toBe(false);
  });

  it('the main window uses those preferences', () => {
    expect(mainWindowOptions('/p.js').webPreferences).toEqual(secureWebPreferences('/p.js'));
  });
});
