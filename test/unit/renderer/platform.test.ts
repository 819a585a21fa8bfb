// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hostOf, platform, savedWordsFor } from '../../../renderer/src/platform';

afterEach(() => vi.restoreAllMocks());

describe('the platform: where the renderer runs, and what stands in for native dialogs', () => {
  it('knows the desktop app by its app:// page and anything else as a browser', () => {
    expect(hostOf('app:')).toBe('desktop');
    expect(hostOf('http:')).toBe('browser');
    expect(platform.host).toBe('browser');
  });

  it('says what happened to an exported file in the host\'s terms: downloaded in a browser, saved where chosen in the app', () => {
    expect(platform.savedWords('globex-mesh-adoption.md')).toBe('Downloaded globex-mesh-adoption.md: your browser keeps it with its downloads.');
    expect(savedWordsFor('desktop', 'globex-mesh-adoption.md')).toBe('Saved globex-mesh-adoption.md where you chose.');
  });

  it('saves a file as a download with its name and type, and lets go of the bytes later', async () => {
    vi.useFakeTimers();
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => (created.push(blob), 'blob:x'));
    URL.revokeObjectURL = vi.fn();
    const clicked: { href: string; download: string; inPage: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, inPage: this.isConnected });
    });
    platform.saveFile('globex-mesh-adoption.docx', new Blob(['PK'], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
    expect(clicked).toEqual([{ href: 'blob:x', download: 'globex-mesh-adoption.docx', inPage: true }]);
    expect(created[0]!.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:x');
    vi.useRealTimers();
  });

  it('reads the file the reviewer chose', async () => {
    expect(await platform.readChosenFile(new File(['# DD\n'], 'dd.md'))).toBe('# DD\n');
  });

  it('asks before leaving only while an edit is unsaved, and stops asking when undone', () => {
    let unsaved = true;
    const stop = platform.askBeforeLeaving(() => unsaved);
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(true);
    unsaved = false;
    expect(leave()).toBe(false);
    unsaved = true;
    stop();
    expect(leave()).toBe(false);
  });
});
