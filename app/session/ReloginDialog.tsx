import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { CurrentUser, LoginRequest } from '../../model/api.ts';
import { login, logout } from '../http/apiClient.ts';
import { errorMessage } from '../http/errorMessage.ts';
import { ja } from '../i18n/ja.ts';
import { LoginForm } from './LoginForm.tsx';
import { clearSession, setSession, type ReloginReason } from './sessionStore.ts';

interface ReloginDialogProps {
  readonly reason: ReloginReason;
  readonly user: CurrentUser;
}

/**
 * Shown over the page, which stays mounted underneath: the editor and its Y.Doc keep what
 * was typed while the token was dead, and the provider reconnects once the session is renewed.
 */
export function ReloginDialog({ reason, user }: ReloginDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const descriptionId = useId();
  const navigate = useNavigate();
  // Captured before the dialog takes focus, to give it back to the editor afterwards.
  const [returnFocusTo] = useState(() => document.activeElement);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLInputElement>('input[type="password"]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (returnFocusTo instanceof HTMLElement && returnFocusTo.isConnected) returnFocusTo.focus();
    };
  }, [returnFocusTo]);

  async function handleSubmit(credentials: LoginRequest): Promise<string | null> {
    try {
      const session = await login(credentials);
      if (session.user.id !== user.id) {
        // Text typed by one person must not be saved under another person's name.
        void logout(session.accessToken).catch(() => undefined);
        return ja.relogin.differentUser(user.name);
      }
      setSession(session);
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }

  function abandon(): void {
    clearSession();
    void navigate('/login', { replace: true });
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={headingId}
      aria-describedby={descriptionId}
      // Escape must not drop the user back into a page whose changes cannot be saved.
      onCancel={(event) => event.preventDefault()}
      onClose={() => {
        const dialog = dialogRef.current;
        if (dialog?.isConnected && !dialog.open) dialog.showModal();
      }}
    >
      <h2 id={headingId} className="dialog__heading">
        {ja.relogin.heading}
      </h2>
      <div id={descriptionId}>
        <p>{ja.relogin.reason[reason]}</p>
        <p>{ja.relogin.keepWorking}</p>
      </div>
      <LoginForm initialLoginId={user.loginId} onSubmit={handleSubmit} />
      <div className="dialog__secondary">
        <p className="dialog__note">{ja.relogin.abandonNote}</p>
        <button type="button" className="button button--secondary" onClick={abandon}>
          {ja.relogin.abandon}
        </button>
      </div>
    </dialog>
  );
}
