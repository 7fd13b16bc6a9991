import type { ReactNode } from 'react';
import type * as Y from 'yjs';
import { caseStatuses, concernCategories, OVERVIEW_ROOT, riskKinds } from '../../model/sections/overview.ts';
import { PLAN_ROOT, ROLES_ROOT } from '../../model/sections/plan.ts';
import { PROGRESS_ROOT } from '../../model/sections/progressLog.ts';
import { useCaseContext } from '../collab/CaseContext.tsx';
import { orderedItems } from '../fields/collections.ts';
import { formatWareki } from '../../model/time/wareki.ts';
import { formatWarekiDateTime } from '../../model/time/tokyoClock.ts';
import { useYJson } from '../fields/yStore.ts';
import { ja } from '../i18n/ja.ts';
import { filterAndSort, noFilters, progressRows } from '../progress/progressEntries.ts';

// The documents are read leniently, as the tabs do: the server validated them, but a sheet
// should print whatever is there rather than fail on one odd value.
function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function date(value: unknown): string {
  return typeof value === 'string' ? (formatWareki(value) ?? value) : '';
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function useAgencyName(): (id: unknown) => string {
  const { summary } = useCaseContext();
  return (id) => summary.agencies.find((agency) => agency.id === id)?.name ?? '';
}

/** One labelled value; empty ones say so, so that a blank on paper is not mistaken for a gap. */
function Item({ label, children, long = false }: { readonly label: string; readonly children: ReactNode; readonly long?: boolean }) {
  const empty = children === '' || children === null || children === undefined;
  return (
    <div className={`print-item${long ? ' print-item--long' : ''}`}>
      <dt className="print-item__label">{label}</dt>
      <dd className={`print-item__value${empty ? ' print-item__value--empty' : ''}`}>{empty ? ja.print.empty : children}</dd>
    </div>
  );
}

function Part({ heading, children }: { readonly heading: string; readonly children: ReactNode }) {
  return (
    <section className="print-part">
      <h2 className="print-part__heading">{heading}</h2>
      {children}
    </section>
  );
}

export function OverviewPrint({ doc }: { readonly doc: Y.Doc }) {
  const overview = useYJson(doc, [OVERVIEW_ROOT]);
  const agencyName = useAgencyName();
  const statusDates = record(overview['statusDates']);
  const concerns = record(overview['concerns']);
  const risks = record(overview['risks']);
  const checked = concernCategories.filter((category) => concerns[category] === 'yes');
  const main = checked.find((category) => overview['mainConcern'] === category);
  const reached = caseStatuses.filter((status) => typeof statusDates[status] === 'string');
  return (
    <div className="print-body">
      <Part heading={ja.overview.basicsHeading}>
        <dl className="print-items">
          <Item label={ja.overview.title}>{text(overview['title'])}</Item>
          <Item label={ja.overview.status}>{text(overview['status'])}</Item>
          <Item label={ja.overview.statusSteps}>
            {reached.map((status) => `${status} ${date(statusDates[status])}`).join(ja.listSeparator)}
          </Item>
          <Item label={ja.overview.intakeDate}>{date(overview['intakeDate'])}</Item>
          <Item label={ja.overview.referralRoute}>{text(overview['referralRoute'])}</Item>
          <Item label={ja.overview.leadAgency}>{agencyName(overview['leadAgencyId'])}</Item>
        </dl>
      </Part>
      <Part heading={ja.overview.consultationHeading}>
        <dl className="print-items">
          <Item label={ja.overview.chiefComplaint} long>{text(overview['chiefComplaint'])}</Item>
          <Item label={ja.overview.concerns}>
            {checked.map((category) => (category === main ? `${ja.overview.mainMark}${category}` : category)).join(ja.listSeparator)}
          </Item>
          <Item label={ja.overview.concernDetail} long>{text(overview['concernDetail'])}</Item>
        </dl>
      </Part>
      <Part heading={ja.overview.risksHeading}>
        <dl className="print-items">
          <Item label={ja.overview.risks}>{riskKinds.filter((kind) => risks[kind] === true).join(ja.listSeparator) || ja.print.none}</Item>
          <Item label={ja.overview.riskNote} long>{text(overview['riskNote'])}</Item>
        </dl>
      </Part>
      <Part heading={ja.overview.backgroundHeading}>
        <dl className="print-items">
          <Item label={ja.overview.medicalHistory} long>{text(overview['medicalHistory'])}</Item>
          <Item label={ja.overview.economicSummary} long>{text(overview['economicSummary'])}</Item>
        </dl>
      </Part>
    </div>
  );
}

export function PlanPrint({ doc }: { readonly doc: Y.Doc }) {
  const plan = useYJson(doc, [PLAN_ROOT]);
  const roles = orderedItems(useYJson(doc, [ROLES_ROOT]));
  const agencyName = useAgencyName();
  return (
    <div className="print-body">
      <dl className="print-items">
        <Item label={ja.plan.issues} long>{text(plan['issues'])}</Item>
        <Item label={ja.plan.goals} long>{text(plan['goals'])}</Item>
        <Item label={ja.plan.goalsInOwnWords} long>{text(plan['goalsInOwnWords'])}</Item>
        <Item label={ja.plan.reviewDate}>{date(plan['reviewDate'])}</Item>
        <Item label={ja.plan.leadAgencyAfterClosure}>{agencyName(plan['leadAgencyAfterClosure'])}</Item>
      </dl>
      <Part heading={ja.plan.rolesHeading}>
        {roles.length === 0 ? (
          <p>{ja.plan.noRoles}</p>
        ) : (
          <table className="print-table">
            <thead>
              <tr>
                <th scope="col" className="print-table__narrow">{ja.plan.agency}</th>
                <th scope="col">{ja.plan.task}</th>
                <th scope="col" className="print-table__narrow">{ja.plan.dueDate}</th>
                <th scope="col" className="print-table__narrow">{ja.plan.status}</th>
              </tr>
            </thead>
            <tbody>
              {roles.map(({ id, data: role }) => {
                return (
                  <tr key={id}>
                    <td>{agencyName(role['agencyId'])}</td>
                    <td className="print-table__text">{text(role['task'])}</td>
                    <td>{date(role['dueDate'])}</td>
                    <td>{text(role['status'])}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Part>
    </div>
  );
}

/** 支援経過: every entry, oldest first, as a meeting reads it; the screen's filters stay on screen. */
export function ProgressPrint({ doc }: { readonly doc: Y.Doc }) {
  const entries = useYJson(doc, [PROGRESS_ROOT]);
  const rows = filterAndSort(progressRows(entries), noFilters, 'ascending');
  return (
    <div className="print-body">
      <p className="print-count">{ja.print.progressCount(rows.length)}</p>
      {rows.length === 0 ? (
        <p>{ja.progress.empty}</p>
      ) : (
        <table className="print-table">
          <caption className="visually-hidden">{ja.progress.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col" className="print-table__narrow">{ja.progress.occurredAt}</th>
              <th scope="col" className="print-table__narrow">{`${ja.progress.agency}・${ja.progress.author}`}</th>
              <th scope="col" className="print-table__narrow">{`${ja.progress.kind}・${ja.progress.method}`}</th>
              <th scope="col">{ja.progress.text}</th>
              <th scope="col" className="print-table__narrow">{ja.progress.status}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{formatWarekiDateTime(row.occurredAt) ?? row.occurredAt}</td>
                <td>
                  {row.agencyName}
                  <br />
                  {row.authorName}
                </td>
                <td>
                  {row.kind ?? ''}
                  <br />
                  {row.contactMethod ?? ja.progress.notApplicable}
                </td>
                <td className="print-table__text">{row.text}</td>
                <td>
                  {row.taskStatus ?? ja.progress.notApplicable}
                  {row.dueDate !== null && (
                    <>
                      <br />
                      {ja.progress.dueOn(formatWareki(row.dueDate) ?? row.dueDate)}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
