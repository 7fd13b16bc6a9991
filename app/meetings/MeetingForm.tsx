import { useId, useState, type FormEvent } from 'react';
import type { CaseId } from '../../model/documentNames.ts';
import { meetingLegalBases, type Meeting, type MeetingCandidates, type MeetingLegalBasis, type OutsideAttendee } from '../../model/meetings.ts';
import { errorMessage } from '../http/errorMessage.ts';
import { createMeeting } from '../http/meetingsApi.ts';
import { ja } from '../i18n/ja.ts';

const t = ja.meetings.form;

interface MeetingFormProps {
  readonly caseId: CaseId;
  readonly agencies: MeetingCandidates;
  readonly onCreated: (meeting: Meeting) => void;
}

function TextInput({ label, value, onChange, type = 'text', required = false, hint }: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: 'text' | 'date' | 'time';
  readonly required?: boolean;
  readonly hint?: string;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input id={id} type={type} className="field__input" value={value} required={required} aria-describedby={hint ? hintId : undefined} onChange={(event) => onChange(event.target.value)} />
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** 支援会議を登録: when, where, on what basis, who attends. */
export function MeetingForm({ caseId, agencies, onCreated }: MeetingFormProps) {
  const headingId = useId();
  const onlineId = useId();
  const agendaId = useId();
  const basisHintId = useId();
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [startTime, setStartTime] = useState('');
  const [endTime, setEndTime] = useState('');
  const [place, setPlace] = useState('');
  const [online, setOnline] = useState(false);
  const [legalBasis, setLegalBasis] = useState<MeetingLegalBasis>(meetingLegalBases[0]);
  const [attendees, setAttendees] = useState<ReadonlySet<string>>(new Set());
  const [outside, setOutside] = useState<readonly OutsideAttendee[]>([]);
  const [agenda, setAgenda] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const toggleAttendee = (userId: string, checked: boolean) =>
    setAttendees((current) => {
      const next = new Set(current);
      if (checked) next.add(userId);
      else next.delete(userId);
      return next;
    });
  const setOutsideAt = (index: number, change: Partial<OutsideAttendee>) =>
    setOutside((current) => current.map((person, at) => (at === index ? { ...person, ...change } : person)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const created = await createMeeting(caseId, {
        ...(title.trim() ? { title: title.trim() } : {}),
        date,
        startTime,
        endTime: endTime || null,
        place: place.trim() || null,
        online,
        legalBasis,
        attendeeUserIds: [...attendees],
        outsideAttendees: outside.filter((person) => person.name.trim() && person.role.trim()),
        agenda,
      });
      onCreated(created);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack meeting-form" aria-labelledby={headingId} onSubmit={(event) => void submit(event)}>
      <h3 id={headingId}>{t.heading}</h3>
      <TextInput label={t.title} value={title} onChange={setTitle} hint={t.titleHint} />
      <div className="field-row">
        <TextInput label={t.date} type="date" value={date} onChange={setDate} required />
        <TextInput label={t.startTime} type="time" value={startTime} onChange={setStartTime} required />
        <TextInput label={t.endTime} type="time" value={endTime} onChange={setEndTime} />
      </div>
      <TextInput label={t.place} value={place} onChange={setPlace} />
      <div className="field field--checkbox">
        <input id={onlineId} type="checkbox" checked={online} onChange={(event) => setOnline(event.target.checked)} />
        <label htmlFor={onlineId}>{t.online}</label>
      </div>
      <fieldset className="field-group" aria-describedby={basisHintId}>
        <legend className="field__label">{t.legalBasis}</legend>
        {meetingLegalBases.map((basis) => (
          <label key={basis} className="choice">
            <input type="radio" name={`${headingId}-basis`} value={basis} checked={legalBasis === basis} onChange={() => setLegalBasis(basis)} />
            {basis}
          </label>
        ))}
        <p id={basisHintId} className="field__hint">
          {t.legalBasisHint}
        </p>
      </fieldset>
      <fieldset className="field-group">
        <legend className="field__label">{t.attendees}</legend>
        {agencies.map((agency) => (
          <fieldset key={agency.id} className="field-group meeting-form__agency">
            <legend>{agency.name}</legend>
            {agency.users.map((person) => (
              <label key={person.id} className="choice">
                <input type="checkbox" checked={attendees.has(person.id)} onChange={(event) => toggleAttendee(person.id, event.target.checked)} />
                {person.name}
              </label>
            ))}
          </fieldset>
        ))}
      </fieldset>
      <fieldset className="field-group">
        <legend className="field__label">{t.outsideAttendees}</legend>
        {outside.map((person, index) => (
          <div key={index} className="field-row">
            <TextInput label={t.outsideName} value={person.name} onChange={(name) => setOutsideAt(index, { name })} />
            <TextInput label={t.outsideRole} value={person.role} onChange={(role) => setOutsideAt(index, { role })} />
            <button type="button" className="button button--secondary button--small" onClick={() => setOutside((current) => current.filter((_, at) => at !== index))}>
              {t.removeOutside(person.name)}
            </button>
          </div>
        ))}
        <button type="button" className="button button--secondary button--small" onClick={() => setOutside((current) => [...current, { name: '', role: '' }])}>
          {t.addOutside}
        </button>
      </fieldset>
      <div className="field">
        <label htmlFor={agendaId} className="field__label">
          {t.agenda}
        </label>
        <textarea id={agendaId} className="field__input field__textarea" value={agenda} onChange={(event) => setAgenda(event.target.value)} />
      </div>
      {failure && (
        <p role="alert" className="message message--error">
          {failure}
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
