import type { ReactNode } from 'react';
import type { Inline, TextSpan } from '../../../../markdown/read';

/** One span's text with its styles, innermost first: code, then strike, emphasis, strong. */
function Styled({ span }: { span: TextSpan }) {
  let node: ReactNode = span.text;
  if (span.code) node = <code>{node}</code>;
  if (span.strike) node = <del>{node}</del>;
  if (span.italic) node = <em>{node}</em>;
  if (span.bold) node = <strong>{node}</strong>;
  return node;
}

/**
 * A link as the preview shows it: its text, marked as a link, with the target in the
 * title (and on focus, see styles.css), but never followed — the app opens nothing from a
 * preview and makes no network requests. An <a> without href is HTML's placeholder link:
 * nothing to click, open or drag, whatever the target says (`javascript:` included). It
 * takes keyboard focus so a reviewer without a mouse can still read where it points.
 */
function Link({ target, children }: { target: string; children: ReactNode }) {
  return (
    <a className="md-link" title={target} data-target={target} tabIndex={0}>
      {children}
    </a>
  );
}

/** The spans of one link, run together: the reader gives a span per style change, a reader sees one link. */
interface Run {
  link: string | null;
  inlines: Inline[];
  at: number;
}

function runs(inlines: readonly Inline[]): Run[] {
  const out: Run[] = [];
  inlines.forEach((inline, at) => {
    const next = inlines[at + 1];
    // A line break inside a link's text (`[a\` ⏎ `b](x)`) belongs to that link.
    const link = inline.kind === 'text' ? inline.link : next?.kind === 'text' && out.at(-1)?.link === next.link ? next.link : null;
    const last = out.at(-1);
    if (last && last.link === link && link !== null) last.inlines.push(inline);
    else out.push({ link, inlines: [inline], at });
  });
  return out;
}

function Plain({ inlines, from }: { inlines: readonly Inline[]; from: number }) {
  return inlines.map((inline, i) => (inline.kind === 'break' ? <br key={from + i} /> : <Styled key={from + i} span={inline} />));
}

/** Styled spans and hard breaks as React elements: text stays text, whatever it holds. */
export function Inlines({ inlines }: { inlines: readonly Inline[] }) {
  return runs(inlines).map((run) =>
    run.link === null ? (
      <Plain key={run.at} inlines={run.inlines} from={run.at} />
    ) : (
      <Link key={run.at} target={run.link}>
        <Plain inlines={run.inlines} from={run.at} />
      </Link>
    ),
  );
}
