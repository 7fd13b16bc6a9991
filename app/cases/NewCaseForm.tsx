import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { caseTitleSchema } from '../../model/api.ts';
import { createCase } from '../http/apiClient.ts';
import { errorMessage } from '../http/errorMessage.ts';
import { ja } from '../i18n/ja.ts';

export function NewCaseForm() {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (pending) return;
    const parsed = caseTitleSchema.safeParse(title);
    if (!parsed.success) {
      setError(ja.newCase.invalidTitle);
      return;
    }
    setPending(true);
    setError(null);
    try {
      const created = await createCase(parsed.data);
      void navigate(`/cases/${created.id}`);
    } catch (caught) {
      setError(errorMessage(caught));
      setPending(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__heading">
        {ja.newCase.heading}
      </h2>
      <form className="form form--inline" onSubmit={(event) => void handleSubmit(event)} noValidate>
        {error && (
          <p id={errorId} role="alert" className="message message--error">
            {error}
          </p>
        )}
        <div className="field field--grow">
          <label htmlFor={inputId} className="field__label">
            {ja.newCase.title}
          </label>
          <p id={hintId} className="field__hint">
            {ja.newCase.titleHint}
          </p>
          <input
            id={inputId}
            className="field__input"
            name="title"
            type="text"
            maxLength={200}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
            {ja.newCase.submit}
          </button>
        </div>
      </form>
    </section>
  );
}
