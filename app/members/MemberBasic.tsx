import { useState } from 'react';
import { MEMBERS_ROOT, PRINCIPAL_ROOT, relationships, sexes } from '../../model/sections/members.ts';
import { useCaseContext } from '../collab/CaseContext.tsx';
import { CheckboxField, optionsOf, RadioGroupField, SelectField } from '../fields/ChoiceFields.tsx';
import { DateField } from '../fields/DraftFields.tsx';
import { useSection } from '../fields/SectionScope.tsx';
import { TextField } from '../fields/TextField.tsx';
import { todayInTokyo } from '../../model/time/tokyoClock.ts';
import { deleteAt, writeAt, type FieldPath } from '../fields/yPaths.ts';
import { useYPrimitive } from '../fields/yStore.ts';
import { ja } from '../i18n/ja.ts';

/** 基本情報 of one member, in the members (identity) document. */
export function MemberBasic({ memberId }: { readonly memberId: string }) {
  const { user } = useCaseContext();
  const { doc, textKeys } = useSection();
  const [today] = useState(() => todayInTokyo(new Date()));
  const at = (key: string): FieldPath => [MEMBERS_ROOT, memberId, key];
  const principalPath: FieldPath = [PRINCIPAL_ROOT, user.agencyId];
  const principal = useYPrimitive(doc, principalPath);

  return (
    <div className="form-grid">
      <TextField label={ja.members.name} path={at('name')} />
      <TextField label={ja.members.kana} path={at('kana')} />
      <RadioGroupField legend={ja.members.sex} path={at('sex')} options={optionsOf(sexes)} />
      <DateField label={ja.members.birthDate} path={at('birthDate')} today={today} />
      <SelectField label={ja.members.relationship} path={at('relationship')} options={optionsOf(relationships)} />
      <TextField label={ja.members.memberAddress} path={at('address')} wide />
      <TextField label={ja.members.memberPhone} path={at('phone')} inputMode="tel" />
      <div className="field-group">
        <CheckboxField label={ja.members.livesTogether} path={at('livesTogether')} />
        <CheckboxField label={ja.members.deceasedField} path={at('deceased')} />
      </div>
      <div className="field-group field-group--wide">
        <CheckboxField
          label={ja.members.principal}
          path={principalPath}
          checked={principal === memberId}
          onToggle={(checked) =>
            checked ? writeAt(doc, principalPath, memberId, textKeys) : deleteAt(doc, principalPath)
          }
          after={<span className="checkbox__hint">{ja.members.principalHint(user.agencyName)}</span>}
        />
      </div>
    </div>
  );
}
