import type { HocuspocusProvider, onStatelessParameters } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';
import type { CaseId, MeetingId } from '../../model/documentNames.ts';
import { meetingPresenceStatelessSchema, type MeetingAttendee } from '../../model/meetings.ts';
import { getMeetingPresence } from '../http/meetingsApi.ts';

/**
 * Who is connected to the meeting's minutes, as the server sees its connections: read once,
 * then kept current by the server's `meeting-presence` messages on the minutes document.
 */
export function useMeetingPresence(provider: HocuspocusProvider | null, caseId: CaseId, meetingId: MeetingId): readonly MeetingAttendee[] | null {
  const [present, setPresent] = useState<readonly MeetingAttendee[] | null>(null);

  useEffect(() => {
    if (provider === null) return;
    const controller = new AbortController();
    let pushed = false;
    const onStateless = ({ payload }: onStatelessParameters): void => {
      let data: unknown;
      try {
        data = JSON.parse(payload);
      } catch {
        return;
      }
      const parsed = meetingPresenceStatelessSchema.safeParse(data);
      if (!parsed.success) return;
      pushed = true;
      setPresent(parsed.data.present);
    };
    provider.on('stateless', onStateless);
    getMeetingPresence(caseId, meetingId, controller.signal).then(
      // A pushed list is newer than an answer that may have been computed before it.
      (answer) => {
        if (!pushed) setPresent(answer.present);
      },
      () => undefined,
    );
    return () => {
      controller.abort();
      provider.off('stateless', onStateless);
    };
  }, [provider, caseId, meetingId]);

  return present;
}
