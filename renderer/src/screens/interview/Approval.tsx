import { useId, useState } from 'react';
import type { ApprovalStatus, InterviewDetail } from '../../../../services/views';
import { call } from '../../client';
import { useAction } from '../../hooks/useAction';
import { downloadFile } from '../../download';
import { Outcome } from '../../components/Outcome';
import { DateField } from '../../components/DateField';
import { useDates } from '../../hooks/dates';

const today = () => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** The state in one line, with its day: what the reviewer needs before choosing a step. */
function stateLine(approval: ApprovalStatus, show: (day: string) => string): { label: string; detail: string; tone: string } {
  switch (approval.state) {
    case 'not-sent':
      return { label: 'Not sent', detail: 'The summary has not been sent to the adopter yet.', tone: 'draft' };
    case 'sent':
      return { label: 'Waiting for approval', detail: `Sent on ${show(approval.sentAt)}; approval due ${show(approval.due)}.`, tone: 'sent' };
    case 'approved':
      return approval.summaryChanged
        ? { label: 'Approved, then changed', detail: `Approved on ${show(approval.approvedAt)}, but the summary changed since; the adopter has not seen this version.`, tone: 'changed' }
        : { label: 'Approved', detail: `Approved on ${show(approval.approvedAt)}${approval.sentAt ? ` (sent on ${show(approval.sentAt)})` : ''}.`, tone: 'approved' };
    case 'revoked':
      return { label: 'Approval revoked', detail: `The approval was revoked on ${show(approval.revokedOn)}; the entry is not published until the adopter approves again.`, tone: 'revoked' };
  }
}

/** Sending the summary for approval and recording the answer: the state, then only the steps that can follow it. */
interface Props {
  interview: InterviewDetail['interview'];
  approval: ApprovalStatus;
  projectId: number;
  adopterNumber: number;
  save: <T extends { version: number }>(write: (version: number) => Promise<T>) => Promise<T>;
  onChanged: () => void;
}

export function Approval({ interview, approval, projectId, adopterNumber, save, onChanged }: Props) {
  const [day, setDay] = useState(today());
  const { show } = useDates();
  const { error, act } = useAction(onChanged);
  const line = stateLine(approval, show);
  const id = useId();
  const step = (write: (version: number) => Promise<{ version: number }>) => () => void act(() => save(write));
  // A typed day that was refused (or waits for "which day?") holds the step back: it would record another day.
  const [dayUnread, setDayUnread] = useState(false);
  // The day the next step records; typed or picked, read as every date field reads it.
  const dayField = (label: string) => (
    <DateField label={label} value={day} commit={(d) => setDay(d ?? today())} optional={false} saves={false} testId="approval-day" onUnread={setDayUnread} />
  );
  const changed = approval.state === 'approved' && approval.summaryChanged;
  return (
    <section className="card" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>Approval</h3>
      <p className={`approval-state approval-${line.tone}`} data-testid="approval-state">
        <strong>{line.label}</strong> <span>{line.detail}</span>
      </p>
      <div className="field-row approval-steps">
        {approval.state === 'not-sent' && (
          <>
            {dayField('Sent on')}
            <button type="button" className="primary" disabled={dayUnread} onClick={step((version) => call('markSummarySent', { id: interview.id, version, date: day }))}>
              Mark summary sent
            </button>
          </>
        )}
        {(approval.state === 'sent' || approval.state === 'revoked') && (
          <>
            {dayField('Approved on')}
            <button type="button" className="primary" disabled={dayUnread} onClick={step((version) => call('approveSummary', { id: interview.id, version, date: day }))}>
              Mark approved
            </button>
          </>
        )}
        {changed && (
          <>
            {dayField('Sent again on')}
            <button type="button" className="primary" disabled={dayUnread} onClick={step((version) => call('askApprovalAgain', { id: interview.id, version, date: day }))}>
              Summary changed since approval — ask again
            </button>
          </>
        )}
        {approval.state === 'approved' && (
          <button type="button" className="danger" onClick={step((version) => call('revokeApproval', { id: interview.id, version }))}>
            Revoke approval
          </button>
        )}
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
