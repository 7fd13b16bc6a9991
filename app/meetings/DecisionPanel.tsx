import { useEffect, useId, useState, type FormEvent } from 'react';
import type { CaseId } from '../../model/documentNames.ts';
import { decisionTargets, type DecisionTarget, type Meeting, type MeetingCandidates } from '../../model/meetings.ts';
import { errorMessage } from '../http/errorMessage.ts';
import { addDecision } from '../http/meetingsApi.ts';
import { ja } from '../i18n/ja.ts';
import { agencyNamedIn } from './agencyMatch.ts';

const t = ja.meetings.decision;

interface DecisionPanelProps {
  readonly caseId: CaseId;
  readonly meeting: Meeting;
  readonly agencies: MeetingCandidates;
  /** The line selected in the minutes; replaces the text whenever it changes. */
  readonly selectedLine: string;
  readonly onAdded: (meeting: Meeting) => void;
}

/** 決定事項 → 役割分担 or タスク in one step, written by the server into the plan or progress log. */
export function DecisionPanel({ caseId, meeting, agencies, selectedLine, onAdded }: DecisionPanelProps) {
  const headingId = useId();
  const helpId = useId();
  const textId = useId();
  const agencyId = useId();
  const targetId = useId();
  const dueId = useId();
  const [text, setText] = useState(selectedLine);
  const [agency, setAgency] = useState(() => agencyNamedIn(selectedLine, agencies) ?? '');
  const [target, setTarget] = useState<DecisionTarget>('plan');
  const [dueDate, setDueDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);

  // A new selection in the minutes is a new decision to turn into a task.
  useEffect(() => {
    if (selectedLine === '') return;
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setText(selectedLine);
    const named = agencyNamedIn(selectedLine, agencies);
    if (named) setAgency(named);
  }, [selectedLine, agencies]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return setFeedback({ kind: 'error', text: t.needText });
    if (agency === '') return setFeedback({ kind: 'error', text: t.needAgency });
    setBusy(true);
    setFeedback(null);
    try {
      const updated = await addDecision(caseId, meeting.id, { text, target, agencyId: agency, dueDate: dueDate || null });
      onAdded(updated);
      setFeedback({ kind: 'done', text: t.added(t.targets[target], agencies.find((candidate) => candidate.id === agency)?.name ?? '') });
    } catch (error) {
      setFeedback({ kind: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack decision-panel" aria-labelledby={headingId} aria-describedby={helpId} onSubmit={(event) => void submit(event)}>
      <h3 id={headingId}>{t.heading}</h3>
      <p id={helpId} className="field__hint">
        {t.help}
      </p>
      <div className="field">
        <label htmlFor={textId} className="field__label">
          {t.text}
        </label>
        <textarea id={textId} className="field__input field__textarea" value={text} onChange={(event) => setText(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={agencyId} className="field__label">
          {t.agency}
        </label>
        <select id={agencyId} className="field__input field__select" value={agency} onChange={(event) => setAgency(event.target.value)}>
          <option value="">{t.chooseAgency}</option>
          {agencies.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={targetId} className="field__label">
          {t.target}
        </label>
        <select id={targetId} className="field__input field__select" value={target} onChange={(event) => setTarget(event.target.value as DecisionTarget)}>
          {decisionTargets.map((option) => (
            <option key={option} value={option}>
              {t.targets[option]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={dueId} className="field__label">
          {t.dueDate}
        </label>
        <input id={dueId} type="date" className="field__input" value={dueDate} onChange={(event) => setDueDate(event.target.value)} />
      </div>
      {feedback && (
        <p role={feedback.kind === 'error' ? 'alert' : 'status'} className={`message ${feedback.kind === 'error' ? 'message--error' : 'message--info'}`}>
          {feedback.text}
        </p>
      )}
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t.submitting : t.submit}
        </button>
      </div>
    </form>
  );
}
