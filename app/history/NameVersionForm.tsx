import { useId, useState, type FormEvent } from 'react';
import type { CaseId } from '../../model/documentNames.ts';
import { nameVersionRequestSchema, type NamedVersion } from '../../model/history/historyApi.ts';
import { errorMessage } from '../http/errorMessage.ts';
import { nameVersion } from '../http/historyApi.ts';
import { jaHistory } from '../i18n/ja.history.ts';

interface NameVersionFormProps {
  readonly caseId: CaseId;
  /** Every named version of the case after the save, and the name just given. */
  readonly onSaved: (versions: NamedVersion[], name: string) => void;
}

/** 「版として名前を付ける」: marks the current state of every section, e.g. at the end of a meeting. */
export function NameVersionForm({ caseId, onSaved }: NameVersionFormProps) {
  const ids = { heading: useId(), input: useId(), hint: useId(), error: useId() };
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (pending) return;
    const parsed = nameVersionRequestSchema.safeParse({ name });
    if (!parsed.success) {
      setError(jaHistory.nameVersion.invalid);
      return;
    }
    setPending(true);
    setError(null);
    try {
      const versions = await nameVersion(caseId, parsed.data.name);
      setName('');
      onSaved(versions, parsed.data.name);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="panel history-name" aria-labelledby={ids.heading}>
      <h3 id={ids.heading} className="panel__heading">
        {jaHistory.nameVersion.heading}
      </h3>
      <form className="form form--inline" onSubmit={(event) => void handleSubmit(event)} noValidate>
        {error && (
          <p id={ids.error} role="alert" className="message message--error">
            {error}
          </p>
        )}
        <div className="field field--grow">
          <label htmlFor={ids.input} className="field__label">
            {jaHistory.nameVersion.name}
          </label>
          <p id={ids.hint} className="field__hint">
            {jaHistory.nameVersion.hint}
          </p>
          <input
            id={ids.input}
            type="text"
            className="field__input"
            maxLength={100}
            value={name}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${ids.hint} ${ids.error}` : ids.hint}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
            {jaHistory.nameVersion.submit}
          </button>
        </div>
      </form>
    </section>
  );
}
