import { CURRENT_QUESTION_SET, QUESTION_SETS } from '../../../domain/questions';
import { contract, type InputOf, type OperationName, type Services } from '../../../services/contract';
import { openDesk } from '../../../services/desk';
import { call } from '../call';
import type { BenchCase } from '../case';
import { TextMaker, buildVocabulary } from '../corpus';
import { timeOperations } from '../measure';
import { createRng } from '../prng';
import { median } from '../stats';

type Step = { [K in OperationName]: { name: K; input: (interviewId: number) => InputOf<K> } }[OperationName];

export const benchCase: BenchCase = {
  name: 'insert',
  title: 'Insert throughput',
  description:
    'New interviews written into the generated store through the services: each one createInterview (summary of ~5 ' +
    'paragraphs, raw notes), setAnswer for the 14 questions and two createQuote, 17 records. "One save per record": each ' +
    'a dispatch and its own transaction (fsync), as typing does. "One transaction": the same service calls inside one ' +
    'change, as an import would make them. Full-text index, history and the rest are maintained as always. ' +
    'Median of several rounds, after a warm-up round.',
  figures: [
    { key: 'saves', label: 'one save per record', unit: 'records/s' },
    { key: 'batch', label: 'one transaction per round (import)', unit: 'records/s' },
  ],
  async run(context) {
    const desk = openDesk(context.copyOf(context.store));
    context.settle();
    try {
      const text = new TextMaker(createRng(`${context.store.seed}/insert`), buildVocabulary(context.store.seed));
      const questions = QUESTION_SETS[CURRENT_QUESTION_SET]!.questions.filter((q) => !q.survey);
      const [project] = await call(desk.services, 'listProjects', {});
      const [organization] = await call(desk.services, 'listOrganizations', {});
      const adopter = await call(desk.services, 'createAdopter', { projectId: project!.id, organizationId: organization!.id });
      const perRound = context.reps(10, 3);
      const rounds = context.reps(5, 2);

      /** The records of one new interview, texts made in advance (not timed). */
      const makeInterview = (): { create: InputOf<'createInterview'>; steps: Step[] } => {
        const mentions = { project: project!.name, organization: organization!.name };
        return {
          create: { adopterId: adopter.id, date: '2025-03-14', summary: text.summary(mentions), rawNotes: text.rawNotes(mentions) },
          steps: [
            ...questions.map((q): Step => {
              const notes = text.answer(mentions);
              return { name: 'setAnswer', input: (interviewId) => ({ interviewId, questionKey: q.key, text: notes, version: null }) };
            }),
            ...[1, 2].map((): Step => {
              const quote = text.quote(mentions);
              return { name: 'createQuote', input: (interviewId) => ({ interviewId, text: quote }) };
            }),
          ],
        };
      };
      const recordsPerInterview = 1 + questions.length + 2;
      const records = perRound * recordsPerInterview;
      let batch: ReturnType<typeof makeInterview>[] = [];
      const prepare = () => {
        batch = Array.from({ length: perRound }, makeInterview);
      };

      const saves = await timeOperations({
        warmup: 1,
        count: rounds,
        before: prepare,
        run: async () => {
          for (const interview of batch) {
            const created = await call(desk.services, 'createInterview', interview.create);
            for (const step of interview.steps) await call(desk.services, step.name, step.input(created.id) as never);
          }
        },
      });

      // Inside one change the services are called directly (a transaction cannot wait for a promise).
      const direct = <K extends OperationName>(name: K, input: InputOf<K>) => {
        const result = (desk.services[name] as (input: unknown) => unknown)(contract[name].input.parse(input));
        if (result instanceof Promise) throw new Error(`${name} is asynchronous; it cannot run inside one transaction.`);
        return result as ReturnType<Services[K]>;
      };
      const batched = await timeOperations({
        warmup: 1,
        count: rounds,
        before: prepare,
        run: () =>
          desk.store.change('Import interviews', () => {
            for (const interview of batch) {
              const created = direct('createInterview', interview.create) as { id: number };
              for (const step of interview.steps) direct(step.name, step.input(created.id) as never);
            }
          }),
      });
      const rate = (ms: number) => records / (ms / 1000);
      return {
        figures: { saves: rate(median(saves)), batch: rate(median(batched)) },
        details: { interviewsPerRound: perRound, recordsPerRound: records, rounds, savesRoundMs: saves, batchRoundMs: batched },
      };
    } finally {
      desk.close();
    }
  },
};
