import { useId, useState } from 'react';
import type { InterviewDetail } from '../../../../services/views';
import { call } from '../../client';
import { useAction } from '../../hooks/useAction';
import { downloadFile } from '../../download';
import { Outcome } from '../../components/Outcome';

const today = () => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** Sending the summary for approval and recording the answer, each on a date. */
interface Props {
  interview: InterviewDetail['interview'];
  approvalDue: string | null;
  projectId: number;
  adopterNumber: number;
  save: <T extends { version: number }>(write: (version: number) => Promise<T>) => Promise<T>;
  onChanged: () => void;
}

export function Approval({ interview, approvalDue, projectId, adopterNumber, save, onChanged }: Props) {
  const [sent, setSent] = useState(interview.summarySentAt ?? today());
  const [approved, setApproved] = useState(interview.approvedAt ?? today());
  const id = useId();
  const { error, act } = useAction(onChanged);
  return (
    <section className="card" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>Approval</h3>
      <p>
        {interview.approvedAt
          ? `Approved on ${interview.approvedAt}.`
          : interview.summarySentAt
            ? `Sent on ${interview.summarySentAt}; approval due ${approvalDue}.`
            : 'The summary has not been sent yet.'}
      </p>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-sent`}>Sent on</label>
          <input id={`${id}-sent`} type="date" value={sent} onChange={(e) => setSent(e.target.value)} />
        </div>
        <button type="button" onClick={() => void act(() => save((version) => call('markSummarySent', { id: interview.id, version, date: sent })))}>
          Mark summary sent
        </button>
        <div className="field">
          <label htmlFor={`${id}-approved`}>Approved on</label>
          <input id={`${id}-approved`} type="date" value={approved} onChange={(e) => setApproved(e.target.value)} />
        </div>
        <button type="button" className="primary" onClick={() => void act(() => save((version) => call('approveSummary', { id: interview.id, version, date: approved })))}>
          Mark approved
        </button>
      </div>
      <div className="toolbar">
        <button type="button" onClick={() => void act(async () => downloadFile(await call('exportReviewDocx', { projectId, adopterNumber })))}>
          Review copy for the adopter (.docx)
        </button>
        <button type="button" onClick={() => void act(async () => downloadFile(await call('exportNotesDocx', { projectId, adopterNumber, interviewId: interview.id })))}>
          Interview notes (.docx)
        </button>
      </div>
      <Outcome error={error} />
    </section>
  );
}
