import type { Meeting } from '../../model/meetings.ts';
import { formatWareki } from '../../model/time/wareki.ts';
import { formatWarekiDateTime } from '../../model/time/tokyoClock.ts';
import { ja } from '../i18n/ja.ts';

const t = ja.meetings;

/** When, where, on what basis, who: and once closed, what was decided and who took it on. */
export function MeetingDetails({ meeting }: { readonly meeting: Meeting }) {
  return (
    <section className="stack meeting-details" aria-labelledby="meeting-details-heading">
      <h3 id="meeting-details-heading">{meeting.status === '終了' ? t.record.heading : t.page.details}</h3>
      <dl className="case-meta">
        <div className="case-meta__item">
          <dt>{t.form.date}</dt>
          <dd>{t.when(formatWareki(meeting.date) ?? meeting.date, meeting.startTime, meeting.endTime)}</dd>
        </div>
        <div className="case-meta__item">
          <dt>{t.page.place}</dt>
          <dd>{meeting.online ? t.online : meeting.place}</dd>
        </div>
        <div className="case-meta__item">
          <dt>{t.page.legalBasis}</dt>
          <dd>{meeting.legalBasis}</dd>
        </div>
        <div className="case-meta__item">
          <dt>{t.page.attendees}</dt>
          <dd>{meeting.attendees.map((person) => t.page.outsidePerson(person.name, person.agencyName)).join(ja.listSeparator)}</dd>
        </div>
        {meeting.outsideAttendees.length > 0 && (
          <div className="case-meta__item">
            <dt>{t.page.outside}</dt>
            <dd>{meeting.outsideAttendees.map((person) => t.page.outsidePerson(person.name, person.role)).join(ja.listSeparator)}</dd>
          </div>
        )}
        {meeting.agenda && (
          <div className="case-meta__item">
            <dt>{t.page.agenda}</dt>
            <dd>{meeting.agenda}</dd>
          </div>
        )}
        {meeting.closedAt && (
          <div className="case-meta__item">
            <dt>{t.record.closedAt}</dt>
            <dd>{formatWarekiDateTime(meeting.closedAt) ?? meeting.closedAt}</dd>
          </div>
        )}
        {meeting.versionName && (
          <div className="case-meta__item">
            <dt>{t.record.version}</dt>
            <dd>{meeting.versionName}</dd>
          </div>
        )}
      </dl>
      {meeting.status === '終了' && (
        <>
          <h4 id="meeting-decisions-heading">{t.record.decisions}</h4>
          {meeting.decisions.length === 0 ? (
            <p className="message">{t.record.noDecisions}</p>
          ) : (
            <ul aria-labelledby="meeting-decisions-heading">
              {meeting.decisions.map((decision, index) => (
                <li key={index}>{decision}</li>
              ))}
            </ul>
          )}
        </>
      )}
      <h4 id="meeting-tasks-heading">{t.record.tasks}</h4>
      {meeting.tasks.length === 0 ? (
        <p className="message">{t.record.noTasks}</p>
      ) : (
        <ul aria-labelledby="meeting-tasks-heading">
          {meeting.tasks.map((task) => (
            <li key={task.id}>
              {t.record.task(task.agencyName, task.text, t.decision.targets[task.target])}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
