import { useId, useState } from 'react';
import type { AccessLevel } from '../../model/access/accessLevels.ts';
import type { Sharing } from '../../model/access/sharingApi.ts';
import { sectionDefinitions } from '../../model/sections/sectionRegistry.ts';
import { jaSharing } from '../i18n/ja.sharing.ts';

type Change = Sharing['changes'][number];

const levelText = (level: AccessLevel | null) => (level === null ? jaSharing.changes.unset : jaSharing.levels[level]);

/** A row without a section records an agency joining or leaving, not a level (sharingRepository). */
function describe(change: Change): { section: string; change: string } {
  if (change.section === null) {
    return {
      section: jaSharing.changes.membership,
      change: change.newLevel === null ? jaSharing.changes.left : jaSharing.changes.joined,
    };
  }
  return {
    section: sectionDefinitions[change.section].label,
    change: jaSharing.changes.arrow(levelText(change.oldLevel), levelText(change.newLevel)),
  };
}

// Enough to see what was just changed; the whole log (up to 200 rows) is one press away.
const RECENT_ROWS = 20;

export function SharingChanges({ changes }: { readonly changes: Sharing['changes'] }) {
  const headingId = useId();
  const tableId = useId();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? changes : changes.slice(0, RECENT_ROWS);
  return (
    <section className="sharing__block" aria-labelledby={headingId}>
      <h3 id={headingId} className="sharing__subheading">
        {jaSharing.changes.heading}
      </h3>
      {changes.length === 0 ? (
        <p className="field__hint">{jaSharing.changes.empty}</p>
      ) : (
        <div className="table-scroll">
          <table id={tableId} className="table table--compact">
            <caption className="visually-hidden">{jaSharing.changes.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{jaSharing.changes.at}</th>
                <th scope="col">{jaSharing.changes.agency}</th>
                <th scope="col">{jaSharing.changes.section}</th>
                <th scope="col">{jaSharing.changes.change}</th>
                <th scope="col">{jaSharing.changes.changedBy}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((change, index) => {
                const described = describe(change);
                return (
                  // Display-only rows without an id of their own: nothing in them keeps state.
                  <tr key={index}>
                    <td>
                      <time dateTime={change.changedAt}>{jaSharing.formatDateTime(change.changedAt)}</time>
                    </td>
                    <td>{change.agencyName}</td>
                    <td>{described.section}</td>
                    <td>{described.change}</td>
                    <td>{change.changedBy ?? jaSharing.changes.unknownUser}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {changes.length > RECENT_ROWS && (
        <div>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-controls={tableId}
            aria-expanded={showAll}
            onClick={() => setShowAll((current) => !current)}
          >
            {showAll ? jaSharing.changes.showRecent(RECENT_ROWS) : jaSharing.changes.showAll(changes.length)}
          </button>
        </div>
      )}
    </section>
  );
}
