import { useState } from 'react';
import type { Editor } from 'tldraw';
import type { CaseId } from '../../model/documentNames.ts';
import { errorMessage } from '../http/errorMessage.ts';
import { ja } from '../i18n/ja.ts';
import { exportEcomap, printEcomap } from './ecomapExport.ts';

const t = ja.ecomap.exporting;

export function EcomapExport({ editor, caseId, caseTitle }: { readonly editor: Editor; readonly caseId: CaseId; readonly caseTitle: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const run = (action: () => Promise<boolean>) => {
    setMessage(null);
    action().then(
      (done) => setMessage(done ? null : t.empty),
      (error: unknown) => setMessage(errorMessage(error)),
    );
  };
  return (
    <div className="ecomap-export">
      <h3 className="ecomap-panel__heading">{t.heading}</h3>
      {message && (
        <p role="alert" className="message message--error">
          {message}
        </p>
      )}
      <div className="ecomap-export__buttons">
        <button type="button" className="button button--secondary button--small" onClick={() => run(() => exportEcomap(editor, caseId, caseTitle, 'svg'))}>
          {t.svg}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => run(() => exportEcomap(editor, caseId, caseTitle, 'png'))}>
          {t.png}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => run(() => printEcomap(editor, caseId, caseTitle))}>
          {t.print}
        </button>
      </div>
    </div>
  );
}
