import { useCallback, useRef } from 'react';
import { questionSet } from '../../../../domain/questions';
import type { InterviewDetail } from '../../../../services/views';
import { call } from '../../client';
import { AutosaveField } from '../../components/AutosaveField';

/** One notes box per question of the interview's question set; the maturity survey folded. */
export function QuestionNotes({ detail, onSelectText }: { detail: InterviewDetail; onSelectText: (text: string) => void }) {
  const set = questionSet(detail.interview.questionSet);
  const versions = useRef(new Map(detail.answers.map((a) => [a.questionKey, a.version] as const)));
  const initial = new Map(detail.answers.map((a) => [a.questionKey, a.text] as const));
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
  const track = (element: HTMLTextAreaElement | HTMLInputElement | null) => {
    if (element) element.onselect = () => onSelectText(element.value.slice(element.selectionStart ?? 0, element.selectionEnd ?? 0));
  };
  const box = (q: (typeof set.questions)[number]) => (
    <AutosaveField
      key={q.key}
      label={`${q.key.toUpperCase()}. ${q.title}`}
      hint={q.prompt}
      initial={initial.get(q.key) ?? ''}
      save={save(q.key)}
      multiline
      rows={3}
      testId={`notes-${q.key}`}
      inputRef={track}
    />
  );
  return (
    <section className="card" aria-labelledby="questions-title">
      <h3 id="questions-title">Notes by question</h3>
      {set.questions.filter((q) => !q.survey).map(box)}
      <details>
        <summary>Maturity level survey (3 questions)</summary>
        {set.questions.filter((q) => q.survey).map(box)}
      </details>
    </section>
  );
}
