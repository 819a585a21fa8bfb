import { Dialog } from './Dialog';

const SHORTCUTS: [string, string][] = [
  ['Ctrl K', 'Search everything'],
  ['Ctrl Z', 'Undo this project’s last saved change (outside a text field)'],
  ['Ctrl Shift Z or Ctrl Y', 'Redo what was just undone'],
  ['?', 'Show these shortcuts'],
  ['Esc', 'Close a dialog'],
  ['Tab / Shift Tab', 'Move between fields and buttons'],
  ['Enter', 'Press the focused button, open the focused link'],
];

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <p>Everything in Adoption Desk can be done from the keyboard. Edits save themselves half a second after you stop typing.</p>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
