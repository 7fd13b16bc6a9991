import { useId, useState } from 'react';
import type * as Y from 'yjs';
import {
  caseStatuses,
  concernCategories,
  OVERVIEW_ROOT,
  referralRoutes,
  riskKinds,
  type CaseStatus,
  type ConcernCategory,
} from '../../model/sections/overview.ts';
import { HOUSEHOLD_ROOT } from '../../model/sections/members.ts';
import { ensureMap } from '../../model/sections/yjsValues.ts';
import { useCaseContext } from '../collab/CaseContext.tsx';
import { useSectionConnection } from '../collab/useSectionConnection.ts';
import { optionsOf, SelectField } from '../fields/ChoiceFields.tsx';
import { DateField } from '../fields/DraftFields.tsx';
import { FieldActivity, useEditingPresence } from '../fields/FieldFrame.tsx';
import { SectionScope, useSection } from '../fields/SectionScope.tsx';
import { TextField } from '../fields/TextField.tsx';
import { formatWareki } from '../../model/time/wareki.ts';
import { todayInTokyo } from '../../model/time/tokyoClock.ts';
import { pathKey, type FieldPath } from '../fields/yPaths.ts';
import { useYJson, useYPrimitive, useYString } from '../fields/yStore.ts';
import { ja } from '../i18n/ja.ts';

const root = (key: string): FieldPath => [OVERVIEW_ROOT, key];

/** 事案概要: the overview document, with the household's name from the members document. */
export function OverviewTab() {
  return (
    <div className="stack">
      <HouseholdBanner />
      <SectionScope section="overview">
        <OverviewForm />
      </SectionScope>
    </div>
  );
}

function HouseholdBanner() {
  const state = useSectionConnection('members');
  if (state.kind !== 'open' || state.snapshot.accessDenied || state.snapshot.accessChanged) return null;
  return <HouseholdName key={state.snapshot.doc.guid} doc={state.snapshot.doc} />;
}

function HouseholdName({ doc }: { readonly doc: Y.Doc }) {
  const name = useYString(doc, [HOUSEHOLD_ROOT, 'name']);
  return (
    <p className="household-banner">
      <span className="household-banner__label">{ja.overview.household}</span>
      {name.trim() !== '' ? (
        <span className="household-banner__name">{name}</span>
      ) : (
        <span className="household-banner__missing">{ja.overview.householdMissing}</span>
      )}
    </p>
  );
}

/** The overview's fields, for the live section and for a past state of it alike. */
export function OverviewForm() {
  const { summary } = useCaseContext();
  const agencyOptions = summary.agencies.map((agency) => ({ value: agency.id, label: agency.name }));
  const headingIds = { basics: useId(), consultation: useId(), risks: useId(), background: useId() };

  return (
    <div className="stack">
      <section className="form-section" aria-labelledby={headingIds.basics}>
        <h3 id={headingIds.basics} className="form-section__heading">
          {ja.overview.basicsHeading}
        </h3>
        <div className="form-grid">
          <TextField label={ja.overview.title} path={root('title')} wide />
          <StatusField />
          <DateField label={ja.overview.intakeDate} path={root('intakeDate')} />
          <SelectField label={ja.overview.referralRoute} path={root('referralRoute')} options={optionsOf(referralRoutes)} />
          <SelectField label={ja.overview.leadAgency} path={root('leadAgencyId')} options={agencyOptions} />
        </div>
      </section>

      <section className="form-section" aria-labelledby={headingIds.consultation}>
        <h3 id={headingIds.consultation} className="form-section__heading">
          {ja.overview.consultationHeading}
        </h3>
        <div className="form-grid">
          <TextField label={ja.overview.chiefComplaint} path={root('chiefComplaint')} multiline />
          <ConcernsField />
          <TextField label={ja.overview.concernDetail} path={root('concernDetail')} multiline />
        </div>
      </section>

      <section className="form-section" aria-labelledby={headingIds.risks}>
        <h3 id={headingIds.risks} className="form-section__heading">
          {ja.overview.risksHeading}
        </h3>
        <div className="form-grid">
          <RisksField />
          <TextField label={ja.overview.riskNote} path={root('riskNote')} multiline />
        </div>
      </section>

      <section className="form-section" aria-labelledby={headingIds.background}>
        <h3 id={headingIds.background} className="form-section__heading">
          {ja.overview.backgroundHeading}
        </h3>
        <div className="form-grid">
          <TextField label={ja.overview.medicalHistory} path={root('medicalHistory')} multiline />
          <TextField label={ja.overview.economicSummary} path={root('economicSummary')} multiline />
        </div>
      </section>
    </div>
  );
}

/**
 * 状況 and the date each one was reached. Choosing a status dates it today and drops the
 * dates of later statuses (they have not been reached any more), in one transaction.
 */
function StatusField() {
  const { doc } = useSection();
  const [today] = useState(() => todayInTokyo(new Date()));
  const dates = useYJson(doc, root('statusDates'));
  const current = useYPrimitive(doc, root('status'));

  function choose(status: string | null): void {
    if (status === current) return;
    doc.transact(() => {
      const overview = doc.getMap<unknown>(OVERVIEW_ROOT);
      if (status === null) {
        overview.delete('status');
        return;
      }
      const index = caseStatuses.indexOf(status as CaseStatus);
      if (index < 0) return;
      overview.set('status', status);
      const statusDates = ensureMap(overview, 'statusDates');
      statusDates.set(status, today);
      for (const later of caseStatuses.slice(index + 1)) if (statusDates.has(later)) statusDates.delete(later);
    });
  }

  return (
    <div className="field field--wide field--status">
      <SelectField label={ja.overview.status} path={root('status')} options={optionsOf(caseStatuses)} empty={undefined} onSelect={choose} />
      <ol className="status-steps" aria-label={ja.overview.statusSteps}>
        {caseStatuses.map((status) => {
          const date = dates[status];
          const reached = typeof date === 'string';
          return (
            <li
              key={status}
              className={`status-steps__step${reached ? ' status-steps__step--reached' : ''}${current === status ? ' status-steps__step--current' : ''}`}
              aria-current={current === status ? 'step' : undefined}
            >
              <span className="status-steps__name">{status}</span>
              <span className="status-steps__date">{reached ? (formatWareki(date) ?? date) : ja.overview.statusNotReached}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** 相談内容: checkboxes, and among the checked ones the single main concern (◎). */
function ConcernsField() {
  const { doc, editable } = useSection();
  const legendId = useId();
  const hintId = useId();
  const path = root('concerns');
  const key = pathKey(path);
  const presence = useEditingPresence(key);
  const concerns = useYJson(doc, path);
  const overview = useYJson(doc, [OVERVIEW_ROOT]);
  const checked = concernCategories.filter((category) => concerns[category] === 'yes');
  const main = concernCategories.find((category) => overview.mainConcern === category && checked.includes(category)) ?? null;
  const baseId = useId();

  function concernsMap(): Y.Map<unknown> {
    return ensureMap(doc.getMap<unknown>(OVERVIEW_ROOT), 'concerns');
  }

  function toggle(category: ConcernCategory, on: boolean): void {
    doc.transact(() => {
      const map = concernsMap();
      if (on) {
        if (!map.has(category)) map.set(category, 'yes');
      } else {
        map.delete(category);
        const overviewMap = doc.getMap<unknown>(OVERVIEW_ROOT);
        if (overviewMap.get('mainConcern') === category) overviewMap.set('mainConcern', null);
      }
    });
  }

  function chooseMain(category: ConcernCategory): void {
    // ◎ is one last-writer-wins key: two agencies choosing at once end with one ◎.
    doc.transact(() => {
      const map = concernsMap();
      if (!map.has(category)) map.set(category, 'yes');
      doc.getMap<unknown>(OVERVIEW_ROOT).set('mainConcern', category);
    });
  }

  return (
    <fieldset className="field field--wide fieldset" aria-describedby={hintId} onFocus={presence.onFocus} onBlur={presence.onBlur}>
      <legend id={legendId} className="field__label">
        {ja.overview.concerns}
      </legend>
      <p id={hintId} className="field__hint">
        {ja.overview.concernsHint}
      </p>
      <div className="checkbox-grid">
        {concernCategories.map((category, index) => {
          const id = `${baseId}-${index}`;
          return (
            <div key={category} className="checkbox">
              <input
                id={id}
                type="checkbox"
                className="checkbox__input"
                checked={checked.includes(category)}
                disabled={!editable}
                onChange={(event) => toggle(category, event.target.checked)}
              />
              <label htmlFor={id} className="checkbox__label">
                {category}
              </label>
              {/* The radio group below says which one is main; the mark repeats it for the eye. */}
              {main === category && (
                <span className="main-mark" aria-hidden="true">
                  {ja.overview.mainMark}
                </span>
              )}
            </div>
          );
        })}
      </div>
      {checked.length > 0 && (
        <fieldset className="fieldset fieldset--nested">
          <legend className="field__label">{ja.overview.mainConcern}</legend>
          <p className="field__hint">{ja.overview.mainConcernHint}</p>
          <div className="choice-row">
            {checked.map((category) => {
              const id = `${baseId}-main-${concernCategories.indexOf(category)}`;
              return (
                <div key={category} className="radio">
                  <input
                    id={id}
                    type="radio"
                    name={`${baseId}-main`}
                    className="radio__input"
                    checked={main === category}
                    disabled={!editable}
                    onChange={() => chooseMain(category)}
                  />
                  <label htmlFor={id} className="radio__label">
                    {category}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      )}
      <FieldActivity fieldKey={key} group />
    </fieldset>
  );
}

function RisksField() {
  const { doc, editable } = useSection();
  const path = root('risks');
  const key = pathKey(path);
  const presence = useEditingPresence(key);
  const risks = useYJson(doc, path);
  const baseId = useId();

  function toggle(kind: string, on: boolean): void {
    doc.transact(() => {
      const map = ensureMap(doc.getMap<unknown>(OVERVIEW_ROOT), 'risks');
      if (on) map.set(kind, true);
      else map.delete(kind);
    });
  }

  return (
    <fieldset className="field field--wide fieldset" onFocus={presence.onFocus} onBlur={presence.onBlur}>
      <legend className="field__label">{ja.overview.risks}</legend>
      <div className="checkbox-grid">
        {riskKinds.map((kind, index) => {
          const id = `${baseId}-${index}`;
          return (
            <div key={kind} className="checkbox">
              <input
                id={id}
                type="checkbox"
                className="checkbox__input"
                checked={risks[kind] === true}
                disabled={!editable}
                onChange={(event) => toggle(kind, event.target.checked)}
              />
              <label htmlFor={id} className="checkbox__label">
                {kind}
              </label>
            </div>
          );
        })}
      </div>
      <FieldActivity fieldKey={key} group />
    </fieldset>
  );
}
