import { MEMBER_TAB_ROOT, residenceStatuses } from '../../model/sections/memberTabs.ts';
import { optionsOf, SelectField } from '../fields/ChoiceFields.tsx';
import { TextField } from '../fields/TextField.tsx';
import type { FieldPath } from '../fields/yPaths.ts';
import { ja } from '../i18n/ja.ts';

function memberPath(memberId: string, key: string): FieldPath {
  return [MEMBER_TAB_ROOT, memberId, key];
}

/** 相談歴: one long text per member. */
export function MemberHistory({ memberId }: { readonly memberId: string }) {
  return (
    <div className="form-grid">
      <TextField label={ja.members.history} path={memberPath(memberId, 'history')} multiline />
    </div>
  );
}

export function MemberNationality({ memberId }: { readonly memberId: string }) {
  return (
    <div className="form-grid">
      <TextField label={ja.members.nationality} path={memberPath(memberId, 'nationality')} />
      <SelectField label={ja.members.residenceStatus} path={memberPath(memberId, 'residenceStatus')} options={optionsOf(residenceStatuses)} />
      <TextField label={ja.members.note} path={memberPath(memberId, 'note')} multiline />
    </div>
  );
}
