import { useCallback, useRef, useState } from 'react';
import { questionSet, type Question } from '../../../../domain/questions';
import type { InterviewDetail } from '../../../../services/views';
import { call } from '../../client';
import { AutosaveField } from '../../components/AutosaveField';

const answered = (text: string | undefined) => (text ?? '').trim().length > 0;

/** The first words of an answer, for its folded line. */
const firstWords = (text: string) => text.trim().split('\n')[0]!.slice(0, 140);

/**
 * One notes box per question of the interview's question set, each folded to one line once
 * it holds notes (what is left to ask stays open), with a count and a row to jump to any
 * question; the maturity survey folded. A search hit or a leak link opens its question
 * itself (landing.ts opens every <details> around the field it lands on).
 */
export function QuestionNotes({ detail }: { detail: InterviewDetail }) {
  const set = questionSet(detail.interview.questionSet);
  const versions = useRef(new Map(detail.answers.map((a) => [a.questionKey, a.version] as const)));
  const initial = new Map(detail.answers.map((a) => [a.questionKey, a.text] as const));
  // What each box holds now (as typed), for the count and the folded lines.
  const [texts, setTexts] = useState(() => new Map(initial));
  const [open, setOpen] = useState(() => new Set(set?.questions.filter((q) => !q.survey && !answered(initial.get(q.key))).map((q) => q.key) ?? []));
  const section = useRef<HTMLElement | null>(null);
  // Saves of one question run in order, so a fast typist never races their own version.
  const queues = useRef(new Map<string, Promise<unknown>>());
  const save = useCallback(
    (questionKey: string) => (text: string) => {
      const previous = queues.current.get(questionKey) ?? Promise.resolve();
      const next = previous.catch(() => {}).then(async () => {
        const answer = await call('setAnswer', {
          interviewId: detail.interview.id,
          questionKey,
          text,
          version: versions.current.get(questionKey) ?? null,
        });
        versions.current.set(questionKey, answer.version);
      });
      queues.current.set(questionKey, next);
      return next;
    },
    [detail.interview.id],
  );
  if (!set) return <p className="error">This interview uses an unknown question set ({detail.interview.questionSet}).</p>;
  const main = set.questions.filter((q) => !q.survey);
  const survey = set.questions.filter((q) => q.survey);
  const done = main.filter((q) => answered(texts.get(q.key))).length;

  const toggle = (key: string, isOpen: boolean) =>
    setOpen((now) => {
      if (now.has(key) === isOpen) return now;
      const next = new Set(now);
      if (isOpen) next.add(key);
      else next.delete(key);
      return next;
    });
  /** Opens a question, brings its box to the middle of the window and puts the caret in it. */
  const jump = (key: string) => {
    toggle(key, true);
    requestAnimationFrame(() => {
      const box = section.current?.querySelector<HTMLTextAreaElement>(`[data-testid="notes-${key}"]`);
      box?.scrollIntoView({ block: 'center' });
      box?.focus({ preventScroll: true });
    });
  };
  const box = (q: Question) => (
    <AutosaveField
      label={`${q.key.toUpperCase()}. ${q.title}`}
      hint={q.prompt}
      initial={initial.get(q.key) ?? ''}
      save={save(q.key)}
      onInput={(text) => setTexts((now) => new Map(now).set(q.key, text))}
      multiline
      rows={3}
      testId={`notes-${q.key}`}
    />
  );
  return (
    <section className="card question-notes" aria-labelledby="questions-title" ref={section}>
      <div className="card-head">
        <h3 id="questions-title">Notes by question</h3>
        <span className="progress" data-testid="answered-count">
          {done} of {main.length} answered
        </span>
        <div className="toolbar">
          <button type="button" className="small quiet" onClick={() => setOpen(new Set(main.map((q) => q.key)))}>
            Open all
          </button>
          <button type="button" className="small quiet" onClick={() => setOpen(new Set())}>
            Fold all
          </button>
        </div>
      </div>
      <nav className="question-jump" aria-label="Jump to a question">
        {main.map((q) => {
          const has = answered(texts.get(q.key));
          return (
            <button
              key={q.key}
              type="button"
              className={has ? 'small answered' : 'small'}
              title={q.title}
              aria-label={`${q.key.toUpperCase()}. ${q.title}, ${has ? 'answered' : 'not answered yet'}`}
              onClick={() => jump(q.key)}
            >
              {q.key.toUpperCase()}
              {has && <span aria-hidden="true"> ✓</span>}
            </button>
          );
        })}
      </nav>
      {main.map((q) => {
        const text = texts.get(q.key) ?? '';
        return (
          <details key={q.key} className="question" open={open.has(q.key)} onToggle={(e) => toggle(q.key, e.currentTarget.open)}>
            <summary>
              <span className="question-title">
                {q.key.toUpperCase()}. {q.title}
              </span>
              {!open.has(q.key) && <span className="question-state">{answered(text) ? firstWords(text) : 'Not answered yet'}</span>}
            </summary>
            {box(q)}
          </details>
        );
      })}
      <details className="survey">
        <summary>Maturity level survey ({survey.length} questions)</summary>
        <div className="stack">
          {survey.map((q) => (
            <div key={q.key}>{box(q)}</div>
          ))}
        </div>
      </details>
    </section>
  );
}
