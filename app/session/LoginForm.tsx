import { useId, useState, type FormEvent } from 'react';
import { loginRequestSchema, type LoginRequest } from '../../model/api.ts';
import { ja } from '../i18n/ja.ts';

interface LoginFormProps {
  readonly initialLoginId?: string;
  /** Resolves to an error message to show, or null when the form's job is done. */
  readonly onSubmit: (credentials: LoginRequest) => Promise<string | null>;
  /** Off inside a dialog, which moves focus itself once it is open. */
  readonly autoFocus?: boolean;
}

/** The same labelled fields on the login page and in the re-login dialog. */
export function LoginForm({ initialLoginId = '', onSubmit, autoFocus = false }: LoginFormProps) {
  const [loginId, setLoginId] = useState(initialLoginId);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const loginIdId = useId();
  const passwordId = useId();
  const errorId = useId();

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (pending) return;
    const credentials = loginRequestSchema.safeParse({ loginId, password });
    if (!credentials.success) {
      setError(ja.login.missingFields);
      return;
    }
    setPending(true);
    setError(null);
    try {
      const message = await onSubmit(credentials.data);
      if (message !== null) {
        setError(message);
        setPassword('');
      }
    } finally {
      setPending(false);
    }
  }

  const describedBy = error ? errorId : undefined;

  return (
    <form className="form" onSubmit={(event) => void handleSubmit(event)} noValidate>
      {error && (
        <p id={errorId} role="alert" className="message message--error">
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor={loginIdId} className="field__label">
          {ja.login.loginId}
        </label>
        <input
          id={loginIdId}
          className="field__input"
          name="loginId"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={loginId}
          onChange={(event) => setLoginId(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          autoFocus={autoFocus}
        />
      </div>
      <div className="field">
        <label htmlFor={passwordId} className="field__label">
          {ja.login.password}
        </label>
        <input
          id={passwordId}
          className="field__input"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
          {ja.login.submit}
        </button>
      </div>
    </form>
  );
}
