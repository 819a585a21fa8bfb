import { useId, useState } from 'react';
import { STAGES, STAGE_LABELS, type Stage } from '../../../../domain/vocabulary';
import type { PipelineRow } from '../../../../services/views';
import { call, errorMessage } from '../../client';

/** One adopter's stage, changed in place (dated today); a refusal is said next to it. */
export function StageSelect({ row, onChanged }: { row: PipelineRow; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  async function change(stage: Stage) {
    setError(null);
    try {
      const current = await call('getAdopter', { id: row.adopterId });
      await call('setAdopterStage', { id: row.adopterId, version: current.adopter.version, stage });
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        Stage of Adopter {row.number}
      </label>
      <select id={id} value={row.stage} onChange={(e) => void change(e.target.value as Stage)}>
        {STAGES.map((s) => (
          <option key={s} value={s}>
            {STAGE_LABELS[s]}
          </option>
        ))}
      </select>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
