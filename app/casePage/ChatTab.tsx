import type { onStatelessParameters } from '@hocuspocus/provider';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { chatStatelessSchema, type ChatMessage } from '../../model/chat.ts';
import type { CaseId } from '../../model/documentNames.ts';
import { useCaseContext } from '../collab/CaseContext.tsx';
import { useSectionConnection } from '../collab/useSectionConnection.ts';
import { formatWarekiDateTime } from '../../model/time/tokyoClock.ts';
import { isApiRequestError } from '../http/apiClient.ts';
import { getChat, markChatRead, postChat } from '../http/chatApi.ts';
import { errorMessage } from '../http/errorMessage.ts';
import { ja } from '../i18n/ja.ts';
import { useSessionState } from '../session/useSessionState.ts';

/** A fallback for when no document of the case is open (e.g. 事案概要 not shared): history is read again. */
const POLL_INTERVAL_MS = 5_000;

type ChatState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly messages: readonly ChatMessage[] }
  | { readonly kind: 'failed'; readonly message: string };

/** New messages merged into the known ones: each once (by id), oldest first. */
function merge(current: readonly ChatMessage[], incoming: readonly ChatMessage[]): readonly ChatMessage[] {
  const byId = new Map(current.map((message) => [message.id, message]));
  let changed = false;
  for (const message of incoming) {
    if (byId.has(message.id)) continue;
    byId.set(message.id, message);
    changed = true;
  }
  if (!changed) return current;
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

function readQuietly(caseId: CaseId): void {
  // Unread counts are a convenience: a failure here must not disturb the conversation.
  markChatRead(caseId).catch(() => undefined);
}

/**
 * チャット of the case. Live messages arrive as stateless messages on the case's open documents;
 * this tab keeps 事案概要 (or its masked view) open for that, and reads the history again now and
 * then in case no document could be opened.
 */
export function ChatTab() {
  const { summary, user } = useCaseContext();
  const caseId = summary.id;
  const accessToken = useSessionState().session?.accessToken;
  const [state, setState] = useState<ChatState>({ kind: 'loading' });
  const section = useSectionConnection('overview');
  const provider = section.kind === 'open' ? section.snapshot.provider : null;

  const receive = (incoming: readonly ChatMessage[]): void =>
    setState((current) => {
      if (current.kind !== 'loaded') return { kind: 'loaded', messages: merge([], incoming) };
      const messages = merge(current.messages, incoming);
      return messages === current.messages ? current : { kind: 'loaded', messages };
    });

  // History, on opening and every few seconds; read marks follow what was shown.
  useEffect(() => {
    if (accessToken === undefined) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let first = true;
    const load = (): void => {
      getChat(caseId, controller.signal).then(
        (history) => {
          receive(history.messages);
          if (first || history.unread > 0) readQuietly(caseId);
          first = false;
          timer = setTimeout(load, POLL_INTERVAL_MS);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          if (!(isApiRequestError(error) && error.status === 401)) {
            setState((current) => (current.kind === 'loaded' ? current : { kind: 'failed', message: errorMessage(error) }));
          }
          timer = setTimeout(load, POLL_INTERVAL_MS);
        },
      );
    };
    load();
    return () => {
      controller.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [caseId, accessToken]);

  // Live messages on the open document.
  useEffect(() => {
    if (provider === null) return;
    const onStateless = ({ payload }: onStatelessParameters): void => {
      let data: unknown;
      try {
        data = JSON.parse(payload);
      } catch {
        return;
      }
      const parsed = chatStatelessSchema.safeParse(data);
      if (!parsed.success || parsed.data.message.caseId !== caseId) return;
      receive([parsed.data.message]);
      if (parsed.data.message.userId !== user.id) readQuietly(caseId);
    };
    provider.on('stateless', onStateless);
    return () => {
      provider.off('stateless', onStateless);
    };
  }, [provider, caseId, user.id]);

  const agencyNames = new Map(summary.agencies.map((agency) => [agency.id, agency.name]));

  return (
    <section className="stack chat" aria-labelledby="chat-heading">
      <h2 id="chat-heading" className="tab-heading">
        {ja.chat.heading}
      </h2>
      {state.kind === 'loading' && <p className="message">{ja.chat.loading}</p>}
      {state.kind === 'failed' && (
        <p role="alert" className="message message--error">
          {state.message}
        </p>
      )}
      {state.kind === 'loaded' &&
        (state.messages.length === 0 ? (
          <p className="message">{ja.chat.empty}</p>
        ) : (
          <ol className="chat__messages" aria-label={ja.chat.listLabel}>
            {state.messages.map((message) => (
              <li key={message.id} className="chat__message">
                <p className="chat__meta">
                  <span className="chat__author">{ja.chat.author(message.userName, message.agencyName)}</span>{' '}
                  <time dateTime={message.createdAt}>
                    {formatWarekiDateTime(message.createdAt) ?? ja.formatDateTime(message.createdAt)}
                  </time>
                </p>
                <p className="chat__body">{message.body}</p>
                {message.visibleAgencyIds !== null && (
                  <p className="chat__audience">
                    {ja.chat.limitedTo(message.visibleAgencyIds.map((id) => agencyNames.get(id) ?? ja.chat.unknownAgency))}
                  </p>
                )}
              </li>
            ))}
          </ol>
        ))}
      <ChatForm
        caseId={caseId}
        agencies={summary.agencies.filter((agency) => agency.id !== user.agencyId)}
        onSent={(message) => receive([message])}
      />
    </section>
  );
}

interface ChatFormProps {
  readonly caseId: CaseId;
  /** The other participating agencies, which a message can be limited to. */
  readonly agencies: readonly { readonly id: string; readonly name: string }[];
  readonly onSent: (message: ChatMessage) => void;
}

function ChatForm({ caseId, agencies, onSent }: ChatFormProps) {
  const ids = { body: useId(), hint: useId(), error: useId(), limitHint: useId() };
  const [body, setBody] = useState('');
  const [limited, setLimited] = useState<ReadonlySet<string>>(new Set());
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function toggle(agencyId: string, checked: boolean): void {
    setLimited((current) => {
      const next = new Set(current);
      if (checked) next.add(agencyId);
      else next.delete(agencyId);
      return next;
    });
  }

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (sending) return;
    const text = body.trim();
    if (text === '') {
      setError(ja.chat.empty_body);
      return;
    }
    setSending(true);
    setError(null);
    postChat(caseId, text, limited.size > 0 ? [...limited] : undefined).then(
      (message) => {
        setSending(false);
        setBody('');
        setLimited(new Set());
        onSent(message);
      },
      (failure: unknown) => {
        setSending(false);
        setError(errorMessage(failure));
      },
    );
  }

  return (
    <form className="form chat__form" onSubmit={submit} noValidate>
      <div className="field field--wide">
        <label htmlFor={ids.body} className="field__label">
          {ja.chat.message}
        </label>
        <textarea
          id={ids.body}
          className="field__input field__textarea"
          rows={3}
          maxLength={4_000}
          value={body}
          aria-invalid={error !== null || undefined}
          aria-describedby={error !== null ? `${ids.hint} ${ids.error}` : ids.hint}
          onChange={(event) => setBody(event.target.value)}
        />
        <p id={ids.hint} className="field__hint">
          {ja.chat.messageHint}
        </p>
      </div>
      {agencies.length > 0 && (
        <fieldset className="fieldset field--wide" aria-describedby={ids.limitHint}>
          <legend>{ja.chat.limit}</legend>
          <p id={ids.limitHint} className="field__hint">
            {ja.chat.limitHint}
          </p>
          <div className="checkbox-grid">
            {agencies.map((agency) => (
              <label key={agency.id} className="checkbox">
                <input
                  type="checkbox"
                  className="checkbox__input"
                  checked={limited.has(agency.id)}
                  onChange={(event) => toggle(agency.id, event.target.checked)}
                />
                <span className="checkbox__label">{agency.name}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div className="form__actions field--wide">
        <button type="submit" className="button button--primary" aria-disabled={sending || undefined}>
          {sending ? ja.chat.sending : ja.chat.send}
        </button>
        <p id={ids.error} className="form__note" role={error !== null ? 'alert' : undefined}>
          {error ?? ''}
        </p>
      </div>
    </form>
  );
}
