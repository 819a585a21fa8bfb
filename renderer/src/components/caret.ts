/** The text box properties that decide where a character lands: copied to the mirror. */
const COPIED = [
  'boxSizing',
  'width',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'fontFamily',
  'fontSize',
  'fontStyle',
  'fontWeight',
  'fontVariant',
  'letterSpacing',
  'lineHeight',
  'textTransform',
  'textIndent',
  'tabSize',
  'wordSpacing',
] as const;

/**
 * Where character `index` of a text area is drawn, in window coordinates (top and bottom of
 * its line). A text area tells nothing about where its characters are, so an off-screen
 * copy of it (the same box, font and wrapping) lays the text out up to there and measures.
 */
export function caretRect(box: HTMLTextAreaElement, index: number): { left: number; top: number; bottom: number } {
  const style = getComputedStyle(box);
  const mirror = document.createElement('div');
  for (const name of COPIED) mirror.style[name] = style[name];
  mirror.style.position = 'absolute';
  mirror.style.visibility = 'hidden';
  mirror.style.whiteSpace = 'pre-wrap';
  mirror.style.overflowWrap = 'break-word';
  mirror.style.top = '0';
  mirror.style.left = '-9999px';
  mirror.textContent = box.value.slice(0, index);
  const marker = document.createElement('span');
  // A character, so the marker has a line box even at the end of the text.
  marker.textContent = box.value.slice(index, index + 1) || '.';
  mirror.append(marker);
  document.body.append(mirror);
  const frame = box.getBoundingClientRect();
  const left = frame.left + marker.offsetLeft - box.scrollLeft;
  const top = frame.top + marker.offsetTop - box.scrollTop;
  const bottom = top + marker.offsetHeight;
  mirror.remove();
  return { left, top, bottom };
}
