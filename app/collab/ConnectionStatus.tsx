import { ja } from '../i18n/ja.ts';
import type { SaveStatus } from './types.ts';

interface ConnectionStatusProps {
  readonly status: SaveStatus;
}

/** The only role="status" on the page, so that assistive technology announces saving state. */
export function ConnectionStatus({ status }: ConnectionStatusProps) {
  return (
    <p role="status" className={`connection-status connection-status--${status}`}>
      <span className="connection-status__mark" aria-hidden="true" />
      {ja.saveStatus[status]}
    </p>
  );
}
