import { useId } from 'react';
import type { CurrentUser } from '../../model/api.ts';
import type { CaseId } from '../../model/documentNames.ts';
import { ConnectionStatus } from '../collab/ConnectionStatus.tsx';
import { PresenceList } from '../collab/PresenceList.tsx';
import { useCaseDocument } from '../collab/useCaseDocument.ts';
import { ja } from '../i18n/ja.ts';
import { MinutesEditor } from './MinutesEditor.tsx';

interface MinutesSectionProps {
  readonly caseId: CaseId;
  readonly user: CurrentUser;
}

export function MinutesSection({ caseId, user }: MinutesSectionProps) {
  const { connection, snapshot } = useCaseDocument(caseId, user);
  const headingId = useId();
  const helpId = useId();

  return (
    <div className="case-workspace">
      <section className="minutes" aria-labelledby={headingId}>
        <div className="minutes__header">
          <h2 id={headingId} className="minutes__heading">
            {ja.minutes.heading}
          </h2>
          <ConnectionStatus status={snapshot.saveStatus} />
        </div>
        {snapshot.accessDenied && (
          <p role="alert" className="message message--error">
            {ja.minutes.accessDenied}
          </p>
        )}
        <p id={helpId} className="minutes__help">
          {ja.minutes.help}
        </p>
        {connection ? (
          <MinutesEditor
            // A new connection is a new Y.Doc: the editor must bind to it from scratch.
            key={connection.doc.guid}
            document={connection.doc}
            provider={connection.provider}
            user={connection.user}
            describedBy={helpId}
            editable={snapshot.loaded && !snapshot.accessDenied}
          />
        ) : (
          <div className="minutes-editor minutes-editor--pending" aria-hidden="true" />
        )}
      </section>
      <aside className="case-workspace__aside">
        <PresenceList people={snapshot.people} />
      </aside>
    </div>
  );
}
