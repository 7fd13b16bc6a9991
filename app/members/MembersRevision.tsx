import { useId, useState, type ComponentType, type ReactNode } from 'react';
import { MEMBER_TAB_ROOT, type MemberTabSection } from '../../model/sections/memberTabs.ts';
import { useSection } from '../fields/SectionScope.tsx';
import { useYJson } from '../fields/yStore.ts';
import { ja } from '../i18n/ja.ts';
import { useHouseholdMembers, useMemberNames } from './householdMembers.ts';
import { MemberBasic } from './MemberBasic.tsx';
import { MemberFinance } from './MemberFinance.tsx';
import { MemberHealth } from './MemberHealth.tsx';
import { HouseholdFields } from './MembersTab.tsx';
import { MemberHistory, MemberNationality } from './MemberSimpleTabs.tsx';
import { MemberWork } from './MemberWork.tsx';

/*
 * Past states of 世帯・世帯員 and of the member tabs (履歴). The live tabs choose a member by
 * URL; a past state is shown inside the history tab, so a picker chooses instead and the
 * live page stays where it is.
 */

interface PickerOption {
  readonly id: string;
  readonly label: string;
}

interface MemberPickerProps {
  readonly options: readonly PickerOption[];
  readonly value: string;
  readonly onChange: (memberId: string) => void;
}

function MemberPicker({ options, value, onChange }: MemberPickerProps) {
  const id = useId();
  return (
    <div className="field revision-member-picker">
      <label htmlFor={id} className="field__label">
        {ja.members.revisionMember}
      </label>
      <select id={id} className="field__input field__select" value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The chosen member, or the first one while none (or one no longer there) is chosen. */
function useChosenMember(options: readonly PickerOption[]): [PickerOption | null, (memberId: string) => void] {
  const [chosen, setChosen] = useState<string | null>(null);
  return [options.find((option) => option.id === chosen) ?? options[0] ?? null, setChosen];
}

interface MemberChoiceProps {
  readonly options: readonly PickerOption[];
  readonly render: (memberId: string) => ReactNode;
}

function MemberChoice({ options, render }: MemberChoiceProps) {
  const headingId = useId();
  const [selected, choose] = useChosenMember(options);
  return (
    <section className="form-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="form-section__heading">
        {ja.members.listHeading}
      </h3>
      {selected === null ? (
        <p className="message">{ja.members.revisionNoMembers}</p>
      ) : (
        <div className="stack stack--tight">
          <MemberPicker options={options} value={selected.id} onChange={choose} />
          <div key={selected.id} className="member-detail">
            <h4 className="member-detail__name">{selected.label}</h4>
            {render(selected.id)}
          </div>
        </div>
      )}
    </section>
  );
}

/** 世帯・世帯員 as it was: household, the members then, and the chosen one's 基本情報. */
export function MembersRevision() {
  const { doc } = useSection();
  const members = useMemberNames(doc);
  const options = members.map((member) => ({ id: member.id, label: member.name.trim() || ja.members.unnamed }));
  return (
    <div className="stack">
      <HouseholdFields />
      <MemberChoice options={options} render={(memberId) => <MemberBasic memberId={memberId} />} />
    </div>
  );
}

const memberTabViews = {
  'member-history': MemberHistory,
  'member-health': MemberHealth,
  'member-finance': MemberFinance,
  'member-work': MemberWork,
  'member-nationality': MemberNationality,
} as const satisfies Record<MemberTabSection, ComponentType<{ readonly memberId: string }>>;

/**
 * A member tab's document as it was. It holds member ids only; their names come from the live
 * 世帯・世帯員 (as this agency may see it), in the order of its list.
 */
export function MemberTabRevision({ section }: { readonly section: MemberTabSection }) {
  const { doc } = useSection();
  const ids = Object.keys(useYJson(doc, [MEMBER_TAB_ROOT]));
  const household = useHouseholdMembers();
  const known = household.filter((member) => ids.includes(member.id));
  const unknown = ids.filter((id) => !known.some((member) => member.id === id));
  const options = [
    ...known.map((member) => ({ id: member.id, label: member.name.trim() || ja.members.unnamed })),
    ...unknown.map((id, index) => ({ id, label: ja.members.revisionMemberFallback(known.length + index + 1) })),
  ];
  const View = memberTabViews[section];
  return <MemberChoice options={options} render={(memberId) => <View memberId={memberId} />} />;
}
