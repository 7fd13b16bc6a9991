import { useId, useState } from 'react';
import { accessLevels, accessLevelSchema, grantedLevel, levelOf, type AccessLevel, type AgencyAccess } from '../../model/access/accessLevels.ts';
import type { Sharing } from '../../model/access/sharingApi.ts';
import { caseSections, type CaseId, type CaseSection } from '../../model/documentNames.ts';
import { sectionDefinitions } from '../../model/sections/sectionRegistry.ts';
import { setAgencyLevels } from '../http/sharingApi.ts';
import { jaSharing } from '../i18n/ja.sharing.ts';
import { SharingFeedback } from './SharingFeedback.tsx';
import type { SharingMutation, SharingOutcome } from './types.ts';

type SharingAgency = Sharing['agencies'][number];

interface SharingMatrixProps {
  readonly caseId: CaseId;
  readonly sharing: Sharing;
  readonly mutate: SharingMutation;
  readonly outcome: SharingOutcome | null;
}

const SCOPE = 'matrix';

const pendingKey = (agencyId: string, section: CaseSection) => `${agencyId}/${section}`;

/** Agencies × sections, one select per cell, and the masking the screen proposes where no basis exists. */
export function SharingMatrix({ caseId, sharing, mutate, outcome }: SharingMatrixProps) {
  const headingId = useId();
  const legendId = useId();
  // The choice stays on screen while the server is asked; without it the select would jump
  // back to the old level until the answer arrives.
  const [pending, setPending] = useState<ReadonlyMap<string, AccessLevel>>(new Map());

  function change(agency: SharingAgency, levels: AgencyAccess): void {
    const keys = Object.keys(levels).map((section) => pendingKey(agency.id, section as CaseSection));
    setPending((current) => {
      const next = new Map(current);
      for (const [section, level] of Object.entries(levels)) next.set(pendingKey(agency.id, section as CaseSection), level);
      return next;
    });
    void mutate(() => setAgencyLevels(caseId, agency.id, levels), jaSharing.saved, SCOPE).finally(() =>
      setPending((current) => {
        const next = new Map(current);
        for (const key of keys) next.delete(key);
        return next;
      }),
    );
  }

  const proposals = sharing.agencies.filter((agency) => agency.proposedMasking.length > 0);
  // What the server will send differs from what is set: say so, rather than let the cell mislead.
  const capped = sharing.agencies.filter((agency) => caseSections.some((section) => grantedLevel(agency.levels, section) !== levelOf(agency.levels, section)));

  return (
    <section className="sharing__block" aria-labelledby={headingId}>
      <h3 id={headingId} className="sharing__subheading">
        {jaSharing.matrix.heading}
      </h3>
      <p id={legendId} className="field__hint">
        {jaSharing.matrix.legend}
      </p>
      <SharingFeedback outcome={outcome} scope={SCOPE} />
      <div className="table-scroll">
        <table className="table table--compact sharing-matrix" aria-describedby={legendId}>
          <caption className="visually-hidden">{jaSharing.matrix.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{jaSharing.matrix.agency}</th>
              <th scope="col">{jaSharing.matrix.basis}</th>
              {caseSections.map((section) => (
                <th key={section} scope="col" className="sharing-matrix__section">
                  {sectionDefinitions[section].label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sharing.agencies.map((agency) => (
              <MatrixRow
                key={agency.id}
                agency={agency}
                levelOf={(section) => pending.get(pendingKey(agency.id, section)) ?? levelOf(agency.levels, section)}
                onChange={(section, level) => change(agency, { [section]: level })}
              />
            ))}
          </tbody>
        </table>
      </div>
      {capped.map((agency) => (
        <p key={agency.id} className="message message--info">
          {jaSharing.matrix.identityCap(agency.name)}
        </p>
      ))}
      {proposals.map((agency) => (
        <MaskingProposal
          key={agency.id}
          agency={agency}
          onApply={() => change(agency, Object.fromEntries(agency.proposedMasking.map((section) => [section, 'masked'])))}
        />
      ))}
    </section>
  );
}

interface MatrixRowProps {
  readonly agency: SharingAgency;
  readonly levelOf: (section: CaseSection) => AccessLevel;
  readonly onChange: (section: CaseSection, level: AccessLevel) => void;
}

function MatrixRow({ agency, levelOf: shownLevel, onChange }: MatrixRowProps) {
  const idPrefix = useId();
  return (
    <tr>
      <th scope="row" className="sharing-matrix__agency">
        {agency.name}
      </th>
      <td>
        <span className={`sharing-basis sharing-basis--${agency.basis}`}>{jaSharing.basis[agency.basis]}</span>
      </td>
      {caseSections.map((section) => {
        const id = `${idPrefix}-${section}`;
        const level = shownLevel(section);
        return (
          <td key={section}>
            {/* The row and column headers are the visible label; this one gives the select its full name. */}
            <label htmlFor={id} className="visually-hidden">
              {jaSharing.matrix.cellLabel(agency.name, sectionDefinitions[section].label)}
            </label>
            <select
              id={id}
              className={`field__input field__input--compact sharing-level sharing-level--${level}`}
              value={level}
              onChange={(event) => {
                const parsed = accessLevelSchema.safeParse(event.target.value);
                if (parsed.success) onChange(section, parsed.data);
              }}
            >
              {accessLevels.map((option) => (
                <option key={option} value={option}>
                  {jaSharing.levels[option]}
                </option>
              ))}
            </select>
          </td>
        );
      })}
    </tr>
  );
}

function MaskingProposal({ agency, onApply }: { readonly agency: SharingAgency; readonly onApply: () => void }) {
  const nameId = useId();
  const sections = agency.proposedMasking.map((section) => sectionDefinitions[section].label).join(jaSharing.listSeparator);
  return (
    <div role="group" aria-labelledby={nameId} className="sharing-proposal">
      <p id={nameId} className="sharing-proposal__agency">
        {agency.name}
      </p>
      <p className="sharing-proposal__text">{jaSharing.matrix.proposal}</p>
      <p className="sharing-proposal__sections">{jaSharing.matrix.proposalSections(sections)}</p>
      <div>
        <button type="button" className="button button--secondary button--small" onClick={onApply}>
          {jaSharing.matrix.applyProposal}
        </button>
      </div>
    </div>
  );
}
