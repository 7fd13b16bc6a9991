import { useId, useState } from 'react';
import { useValue, type Editor } from 'tldraw';
import type { AgencySummary } from '../../model/api.ts';
import { familyTieKinds, familyTieLabels, type FamilyTieKind } from '../../model/ecomap/shapes/familyTieShape.ts';
import { HOUSEHOLD_MEMBER_SHAPE } from '../../model/ecomap/shapes/householdMemberShape.ts';
import { resourceKinds, SOCIAL_RESOURCE_SHAPE, type ResourceKind } from '../../model/ecomap/shapes/socialResourceShape.ts';
import {
  supportDirectionLabels,
  supportDirections,
  tieStrengthLabels,
  tieStrengths,
  type SupportDirection,
  type TieStrength,
} from '../../model/ecomap/shapes/supportTieShape.ts';
import { ja } from '../i18n/ja.ts';
import { LabeledSelect } from '../layout/FormControls.tsx';
import { drawFamilyTie, drawSupportTie, placeHousehold, placeMember, placeResource } from './ecomapActions.ts';
import type { PlacedMember } from './useHouseholdOnMap.ts';

const t = ja.ecomap.palette;

interface EcomapPaletteProps {
  readonly editor: Editor;
  readonly members: readonly PlacedMember[];
  readonly membersHidden: boolean;
  readonly agencies: readonly AgencySummary[];
}

/** 図形を追加: domain shapes by button, each with a visible label, so no drawing skill is needed. */
export function EcomapPalette({ editor, members, membersHidden, agencies }: EcomapPaletteProps) {
  const nameId = useId();
  const [kind, setKind] = useState<ResourceKind>('医療');
  const [name, setName] = useState('');
  const [strength, setStrength] = useState<TieStrength>('normal');
  const [direction, setDirection] = useState<SupportDirection>('none');
  const [note, setNote] = useState('');
  const [familyKind, setFamilyKind] = useState<FamilyTieKind>('marriage');
  const [message, setMessage] = useState<string | null>(null);
  const noteId = useId();

  // Ids of what is on the map, as one string: moving a shape leaves it equal, so a drag does
  // not re-render the palette on every frame.
  const placedIds = useValue(
    'placed ids',
    () =>
      [...editor.getCurrentPageShapeIds()]
        .map((id) => editor.getShape(id)!)
        .map((shape) => (shape.type === HOUSEHOLD_MEMBER_SHAPE ? `m:${(shape.props as { memberId: string }).memberId}` : shape.type === SOCIAL_RESOURCE_SHAPE ? `a:${(shape.props as { agencyId: string | null }).agencyId}` : ''))
        .filter(Boolean)
        .sort()
        .join('\n'),
    [editor],
  );
  const placed = new Set(placedIds.split('\n'));
  const unplaced = members.filter((member) => !placed.has(`m:${member.id}`));
  const agenciesToPlace = agencies.filter((agency) => !placed.has(`a:${agency.id}`));

  return (
    <div className="ecomap-palette">
      <h3 className="ecomap-panel__heading">{t.heading}</h3>
      {message && (
        <p role="alert" className="message message--error">
          {message}
        </p>
      )}
      <fieldset className="ecomap-palette__group">
        <legend>{t.members}</legend>
        {membersHidden ? (
          <p className="ecomap-palette__note">{t.membersHidden}</p>
        ) : unplaced.length === 0 ? (
          <p className="ecomap-palette__note">{t.allMembersPlaced}</p>
        ) : (
          unplaced.map((member) => (
            <button key={member.id} type="button" className="button button--secondary button--small" onClick={() => placeMember(editor, member.id)}>
              {t.addMember(member.view.label)}
            </button>
          ))
        )}
        <button type="button" className="button button--secondary button--small" onClick={() => placeHousehold(editor)}>
          {t.household}
        </button>
      </fieldset>

      <fieldset className="ecomap-palette__group">
        <legend>{t.resources}</legend>
        {agenciesToPlace.map((agency) => (
          <button key={agency.id} type="button" className="button button--secondary button--small" onClick={() => placeResource(editor, '行政', agency.name, agency.id)}>
            {t.addAgency(agency.name)}
          </button>
        ))}
        <LabeledSelect label={t.resourceKind} value={kind} options={resourceKinds} onChange={setKind} />
        <div className="field">
          <label htmlFor={nameId} className="field__label">
            {t.resourceName}
          </label>
          <input id={nameId} className="field__input" value={name} maxLength={200} placeholder={t.resourceNameHint} onChange={(event) => setName(event.target.value)} />
        </div>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            if (!name.trim()) return setMessage(t.nameRequired);
            placeResource(editor, kind, name.trim(), null);
            setName('');
            setMessage(null);
          }}
        >
          {t.addResource}
        </button>
      </fieldset>

      <fieldset className="ecomap-palette__group">
        <legend>{t.ties}</legend>
        <LabeledSelect label={t.strength} value={strength} options={tieStrengths} optionLabels={tieStrengthLabels} onChange={setStrength} />
        <LabeledSelect label={t.direction} value={direction} options={supportDirections} optionLabels={supportDirectionLabels} onChange={setDirection} />
        <div className="field">
          <label htmlFor={noteId} className="field__label">
            {t.note}
          </label>
          <input id={noteId} className="field__input" value={note} maxLength={200} onChange={(event) => setNote(event.target.value)} />
        </div>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            const drawn = drawSupportTie(editor, strength, direction, note.trim());
            setMessage(drawn ? null : t.selectTwo);
            if (drawn) setNote('');
          }}
        >
          {t.drawTie}
        </button>
      </fieldset>

      <fieldset className="ecomap-palette__group">
        <legend>{t.family}</legend>
        <LabeledSelect label={t.familyKind} value={familyKind} options={familyTieKinds} optionLabels={familyTieLabels} onChange={setFamilyKind} />
        <button type="button" className="button button--secondary button--small" onClick={() => setMessage(drawFamilyTie(editor, familyKind) ? null : t.selectTwoMembers)}>
          {t.drawFamilyTie}
        </button>
      </fieldset>
    </div>
  );
}
