/**
 * Puts a quote at the end of the summary as a paragraph of its own, in curly quotes, and
 * leaves the caret after it. It is typed into the box (not written behind its back), so the
 * summary saves itself as after any typing, and Ctrl+Z in the box takes it out again.
 */
export function insertIntoSummary(text: string): boolean {
  const box = document.querySelector<HTMLTextAreaElement>('textarea[data-testid="summary"]');
  if (!box) return false;
  const before = box.value.replace(/\s+$/u, '');
  const paragraph = `${before ? '\n\n' : ''}“${text.trim()}”`;
  box.focus();
  box.setSelectionRange(before.length, box.value.length);
  // execCommand keeps the browser's undo for the box; where it is not supported, the input event tells React.
  if (!document.execCommand('insertText', false, paragraph)) {
    box.setRangeText(paragraph, before.length, box.value.length, 'end');
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }
  box.scrollIntoView({ block: 'center' });
  return true;
}
