import { useId, useState } from 'react';
import type { MaskingReview as Review } from '../../model/access/maskingReviewApi.ts';
import type { CaseId } from '../../model/documentNames.ts';
import { errorMessage } from '../http/errorMessage.ts';
import { approveMasking, previewMasking } from '../http/maskingReviewApi.ts';
import { jaMaskingReview as t } from '../i18n/ja.maskingReview.ts';

/**
 * The coordinator checks what a masked agency will receive for a text, and may approve the
 * proposed redaction of a text that would otherwise be withheld. The server decides both.
 */
export function MaskingReview({ caseId }: { readonly caseId: CaseId }) {
  const headingId = useId();
  const textId = useId();
  const [text, setText] = useState('');
  const [reviewed, setReviewed] = useState<{ text: string; review: Review } | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const run = async (action: 'preview' | 'approve') => {
    if (text.trim() === '') {
      setMessage({ error: true, text: t.empty });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const review = action === 'preview' ? await previewMasking(caseId, text) : await approveMasking(caseId, text);
      setReviewed({ text, review });
      if (action === 'approve') setMessage({ error: false, text: t.approved });
    } catch (error) {
      setMessage({ error: true, text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const current = reviewed && reviewed.text === text ? reviewed.review : null;
  return (
    <section className="stack" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.heading}</h3>
      <p>{t.lead}</p>
      <div className="field">
        <label htmlFor={textId}>{t.textLabel}</label>
        <textarea id={textId} rows={4} value={text} onChange={(event) => setText(event.target.value)} />
      </div>
      <div>
        <button type="button" onClick={() => void run('preview')} disabled={busy}>
          {busy ? t.checking : t.preview}
        </button>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'message message--error' : 'message'}>
          {message.text}
        </p>
      )}
      {current && (
        <dl className="stack stack--tight">
          <dt>{t.sharedLabel}</dt>
          <dd aria-label={t.sharedLabel}>{current.shared}</dd>
          {current.withheld && (
            <>
              <dt>{t.proposedLabel}</dt>
              <dd>{current.proposed}</dd>
              <dt>{t.remainingLabel}</dt>
              <dd>{current.remaining.join('、')}</dd>
            </>
          )}
        </dl>
      )}
      {current && current.approved && !message && <p className="message">{t.alreadyApproved}</p>}
      {current && current.withheld && !current.approved && (
        <div>
          <p>{t.withheld}</p>
          <button type="button" onClick={() => void run('approve')} disabled={busy}>
            {t.approve}
          </button>
        </div>
      )}
    </section>
  );
}
