import { useId } from 'react';
import { useCaseContext } from '../collab/CaseContext.tsx';
import { useSectionConnection } from '../collab/useSectionConnection.ts';
import { MaskedNotice } from '../fields/MaskedNotice.tsx';
import { ja } from '../i18n/ja.ts';
import { MinutesEditor } from './MinutesEditor.tsx';

export function MinutesSection() {
  const { collaboration } = useCaseContext();
  const state = useSectionConnection('minutes');
  const helpId = useId();
  const snapshot = state.kind === 'open' && !state.snapshot.accessChanged ? state.snapshot : null;

  if (state.kind === 'hidden') return <p className="message message--info">{ja.section.hidden(ja.minutes.heading)}</p>;

  return (
    <section className="minutes">
      {snapshot?.accessDenied && (
        <p role="alert" className="message message--error">
          {ja.minutes.accessDenied}
        </p>
      )}
      {state.kind === 'open' && state.level === 'masked' ? (
        <MaskedNotice label={ja.minutes.heading} />
      ) : (
        snapshot?.readOnly && <p className="message message--info">{ja.section.viewOnly(ja.minutes.heading)}</p>
      )}
      <p id={helpId} className="minutes__help">
        {ja.minutes.help}
      </p>
      {snapshot && collaboration ? (
        <MinutesEditor
          // A new document or provider means binding the editor from scratch.
          key={`${snapshot.doc.guid}:${snapshot.provider.sessionId}`}
          document={snapshot.doc}
          provider={snapshot.provider}
          user={collaboration.user}
          describedBy={helpId}
          editable={snapshot.loaded && !snapshot.accessDenied && !snapshot.readOnly}
          kind="case-minutes"
        />
      ) : (
        <div className="minutes-editor minutes-editor--pending" aria-hidden="true" />
      )}
    </section>
  );
}
