import { useId } from 'react';
import type { History, NamedVersion, RevisionGroup } from '../../model/history/historyApi.ts';
import { jaHistory } from '../i18n/ja.history.ts';
import { groupKey, sameGroup } from './revisionGroups.ts';

interface HistoryTimelineProps {
  readonly history: History;
  readonly filtered: boolean;
  /** The period filter (YYYY-MM-DD), applied to the named versions here; the server filters the groups. */
  readonly from: string | undefined;
  readonly to: string | undefined;
  /** The group chosen as 比較の起点, if any. */
  readonly origin: RevisionGroup | null;
  readonly onShow: (group: RevisionGroup) => void;
  readonly onCompare: (group: RevisionGroup) => void;
  readonly onRestore: (group: RevisionGroup) => void;
  /** Restoring is editing the section: offered only where this agency may. */
  readonly mayRestore: (group: RevisionGroup) => boolean;
}

type Entry =
  | { readonly kind: 'group'; readonly at: string; readonly group: RevisionGroup }
  | { readonly kind: 'version'; readonly at: string; readonly version: NamedVersion };

/** YYYY-MM-DD of an instant in Japan, the calendar the period filter is in. */
const tokyoDate = (iso: string) => new Date(new Date(iso).getTime() + 9 * 3_600_000).toISOString().slice(0, 10);

function entriesOf(history: History, from: string | undefined, to: string | undefined): Entry[] {
  const versions = history.versions.filter((version) => {
    const day = tokyoDate(version.createdAt);
    return (!from || day >= from) && (!to || day <= to);
  });
  const entries: Entry[] = [
    ...history.groups.map((group) => ({ kind: 'group' as const, at: group.endedAt, group })),
    ...versions.map((version) => ({ kind: 'version' as const, at: version.createdAt, version })),
  ];
  // Newest first; a version named right after an edit sits above that edit, as it marks the state after it.
  return entries.sort((a, b) => b.at.localeCompare(a.at) || (a.kind === b.kind ? 0 : a.kind === 'version' ? -1 : 1));
}

export function HistoryTimeline({ history, filtered, from, to, origin, onShow, onCompare, onRestore, mayRestore }: HistoryTimelineProps) {
  const entries = entriesOf(history, from, to);
  const count = history.groups.length;
  return (
    <div className="history-timeline">
      <p className="result-count" aria-live="polite">
        {jaHistory.timeline.count(count)}
      </p>
      {count === 0 && <p className="message message--info">{filtered ? jaHistory.timeline.noMatch : jaHistory.timeline.empty}</p>}
      {entries.length > 0 && (
        <ol className="history-timeline__list" aria-label={jaHistory.timeline.caption}>
          {entries.map((entry) =>
            entry.kind === 'version' ? (
              <VersionMarker key={`version/${entry.version.id}`} version={entry.version} />
            ) : (
              <GroupItem
                key={groupKey(entry.group)}
                group={entry.group}
                origin={origin}
                onShow={onShow}
                onCompare={onCompare}
                onRestore={onRestore}
                mayRestore={mayRestore}
              />
            ),
          )}
        </ol>
      )}
    </div>
  );
}

function VersionMarker({ version }: { readonly version: NamedVersion }) {
  return (
    <li className="history-version">
      <p className="history-version__name">{jaHistory.timeline.version(version.name)}</p>
      <p className="history-version__meta">
        <time dateTime={version.createdAt}>{jaHistory.timeline.versionMeta(jaHistory.formatDateTime(version.createdAt), version.createdBy)}</time>
      </p>
    </li>
  );
}

interface GroupItemProps {
  readonly group: RevisionGroup;
  readonly origin: RevisionGroup | null;
  readonly onShow: (group: RevisionGroup) => void;
  readonly onCompare: (group: RevisionGroup) => void;
  readonly onRestore: (group: RevisionGroup) => void;
  readonly mayRestore: (group: RevisionGroup) => boolean;
}

function GroupItem({ group, origin, onShow, onCompare, onRestore, mayRestore }: GroupItemProps) {
  const ids = { person: useId(), time: useId(), section: useId(), masked: useId() };
  const isOrigin = origin !== null && sameGroup(origin, group);
  const compareLabel = isOrigin
    ? jaHistory.actions.compareCancelOrigin
    : origin !== null && origin.section === group.section
      ? jaHistory.actions.compareTo
      : jaHistory.actions.compareFrom;
  return (
    <li className={`history-group${isOrigin ? ' history-group--origin' : ''}`}>
      <article aria-labelledby={`${ids.person} ${ids.time} ${ids.section}`} aria-describedby={group.masked ? ids.masked : undefined}>
        <div className="history-group__head">
          <p id={ids.person} className="history-group__person">
            {jaHistory.personLabel(group.userName, group.agencyName)}
          </p>
          <time id={ids.time} dateTime={group.endedAt} className="history-group__time">
            {jaHistory.formatDateTime(group.endedAt)}
          </time>
        </div>
        <p className="history-group__tags">
          <span id={ids.section} className="history-group__section">
            {group.sectionLabel}
          </span>
          {group.masked && (
            <span className="history-badge history-badge--masked">
              {jaHistory.timeline.masked}
            </span>
          )}
          {group.meeting && <span className="history-badge history-badge--meeting">{jaHistory.timeline.meeting(group.meeting.title)}</span>}
          {isOrigin && <span className="history-badge history-badge--origin">{jaHistory.timeline.compareOrigin}</span>}
          {group.updates > 1 && <span className="history-group__updates">{jaHistory.timeline.updates(group.updates)}</span>}
        </p>
        {group.masked && (
          <p id={ids.masked} className="visually-hidden">
            {jaHistory.timeline.maskedHint}
          </p>
        )}
        <p className="history-group__summary">{group.summary}</p>
        <div className="history-group__actions">
          <button type="button" className="button button--secondary button--small" onClick={() => onShow(group)}>
            {jaHistory.actions.show}
          </button>
          {/* A meeting's own minutes are the meeting's record: read here, not compared or restored. */}
          {group.minutesOfMeeting === null && (
            <>
              <button type="button" className="button button--secondary button--small" onClick={() => onCompare(group)}>
                {compareLabel}
              </button>
              {mayRestore(group) && (
                <button type="button" className="button button--secondary button--small" onClick={() => onRestore(group)}>
                  {jaHistory.actions.restore}
                </button>
              )}
            </>
          )}
        </div>
      </article>
    </li>
  );
}
