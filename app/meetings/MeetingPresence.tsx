import type { MeetingAttendee } from '../../model/meetings.ts';
import { ja } from '../i18n/ja.ts';

/** 出席者 as the server sees them connected (not as browsers describe themselves). */
export function MeetingPresence({ present }: { readonly present: readonly MeetingAttendee[] | null }) {
  return (
    <section className="meeting-presence" aria-labelledby="meeting-presence-heading">
      <h3 id="meeting-presence-heading">{ja.meetings.presence.heading}</h3>
      <p className="field__hint">{ja.meetings.presence.help}</p>
      {present === null ? (
        <p className="message">{ja.loading}</p>
      ) : present.length === 0 ? (
        <p className="message">{ja.meetings.presence.none}</p>
      ) : (
        <ul aria-labelledby="meeting-presence-heading" className="meeting-presence__list">
          {present.map((person) => (
            <li key={person.userId}>{ja.meetings.page.outsidePerson(person.name, person.agencyName)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
