import { useRef, useState, type DragEvent, type ReactNode } from 'react';

/** Whether a drag carries files (not text or a link dragged from the page). */
const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/**
 * The area that takes a dropped file: the whole Import screen. While a file is dragged over
 * it the area says so; dropping reads the first file as if chosen with the picker.
 */
export function DropArea({ onFile, children, className }: { onFile: (file: File) => void; children: ReactNode; className?: string }) {
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them, so the state does not flicker.
  const depth = useRef(0);
  const leave = () => {
    depth.current = 0;
    setOver(false);
  };
  return (
    <section
      className={`${className ?? ''} drop-area${over ? ' drop-over' : ''}`}
      onDragEnter={(e) => {
        if (!carriesFiles(e)) return;
        depth.current += 1;
        setOver(true);
      }}
      onDragOver={(e) => {
        if (!carriesFiles(e)) return;
        // Without this the browser opens the dropped file itself instead of handing it to us.
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(e) => {
        if (!carriesFiles(e)) return;
        depth.current -= 1;
        if (depth.current <= 0) leave();
      }}
      onDrop={(e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        leave();
        const file = e.dataTransfer.files[0];
        if (file) onFile(file);
      }}
      aria-labelledby="import-title"
      data-testid="import-screen"
    >
      {children}
      {over && (
        <div className="drop-banner" aria-hidden="true">
          Drop the file to read it
        </div>
      )}
    </section>
  );
}

/**
 * A real file input (keyboard, screen readers and the label "File" work as usual), shown as a
 * button and the chosen file's name instead of the browser's unstyled control.
 */
export function FilePicker({ id, accept, chosen, onFile }: { id: string; accept: string; chosen: { name: string; size: number } | null; onFile: (file: File | null) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>File</label>
      <div className="file-picker">
        <span className="file-button-wrap">
          <input id={id} type="file" accept={accept} className="file-input" onChange={(e) => onFile(e.target.files?.[0] ?? null)} />
          <span className="file-button" aria-hidden="true">
            {chosen ? 'Choose another file…' : 'Choose a file…'}
          </span>
        </span>
        <span className={chosen ? 'file-name' : 'hint'} data-testid="chosen-file">
          {chosen ? `${chosen.name} (${sizeWords(chosen.size)})` : 'or drop it anywhere on this page'}
        </span>
      </div>
    </div>
  );
}

function sizeWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}
