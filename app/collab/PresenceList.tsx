import { useId } from 'react';
import { ja } from '../i18n/ja.ts';
import type { PresenceEntry } from './types.ts';

interface PresenceListProps {
  readonly people: readonly PresenceEntry[];
}

export function PresenceList({ people }: PresenceListProps) {
  const headingId = useId();
  return (
    <aside className="presence" aria-labelledby={headingId}>
      <h2 id={headingId} className="presence__heading">
        {ja.presence.heading}
      </h2>
      <ul className="presence__list">
        {people.map((person) => (
          <li key={person.id} className="presence__person">
            <span className="presence__swatch" style={{ backgroundColor: person.color }} aria-hidden="true" />
            {ja.personLabel(person.name, person.agencyName)}
          </li>
        ))}
      </ul>
    </aside>
  );
}
