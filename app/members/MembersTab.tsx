import { useId } from 'react';
import { Link, useNavigate } from 'react-router';
import { HOUSEHOLD_ROOT, MEMBERS_ROOT, PRINCIPAL_ROOT } from '../../model/sections/members.ts';
import { memberTabs, memberTabSections, memberUrl, type MemberTab } from '../casePage/caseRoutes.ts';
import { useCaseContext } from '../collab/CaseContext.tsx';
import { addItem, orderedItems } from '../fields/collections.ts';
import { AddButton, EmptyCollection } from '../fields/ItemFieldset.tsx';
import { SectionScope, useSection } from '../fields/SectionScope.tsx';
import { TextField } from '../fields/TextField.tsx';
import { useYJson, useYPrimitive, useYString } from '../fields/yStore.ts';
import { ja } from '../i18n/ja.ts';
import { Tabs } from '../layout/Tabs.tsx';
import { MemberBasic } from './MemberBasic.tsx';
import { MemberFinance } from './MemberFinance.tsx';
import { MemberHealth } from './MemberHealth.tsx';
import { MemberHistory, MemberNationality } from './MemberSimpleTabs.tsx';
import { MemberWork } from './MemberWork.tsx';

interface MembersTabProps {
  readonly memberId: string | null;
  readonly memberTab: MemberTab;
}

/** 世帯・世帯員: the members document, plus the chosen member tab's own document. */
export function MembersTab({ memberId, memberTab }: MembersTabProps) {
  return (
    <SectionScope section="members">
      <div className="stack">
        <HouseholdFields />
        <div className="members-layout">
          <MemberList selectedId={memberId} memberTab={memberTab} />
          <div className="members-layout__detail">
            {memberId === null ? (
              <p className="message">{ja.members.chooseMember}</p>
            ) : (
              <MemberDetail key={memberId} memberId={memberId} memberTab={memberTab} />
            )}
          </div>
        </div>
      </div>
    </SectionScope>
  );
}

export function HouseholdFields() {
  const headingId = useId();
  return (
    <section className="form-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="form-section__heading">
        {ja.members.householdHeading}
      </h3>
      <div className="form-grid">
        <TextField label={ja.members.householdName} path={[HOUSEHOLD_ROOT, 'name']} hint={ja.members.householdNameHint} />
        <TextField label={ja.members.address} path={[HOUSEHOLD_ROOT, 'address']} autoComplete="off" wide />
        <TextField label={ja.members.phone} path={[HOUSEHOLD_ROOT, 'phone']} inputMode="tel" />
      </div>
    </section>
  );
}

function MemberList({ selectedId, memberTab }: { readonly selectedId: string | null; readonly memberTab: MemberTab }) {
  const { summary, user } = useCaseContext();
  const { doc, textKeys } = useSection();
  const navigate = useNavigate();
  const headingId = useId();
  const members = orderedItems(useYJson(doc, [MEMBERS_ROOT]));
  const principal = useYPrimitive(doc, [PRINCIPAL_ROOT, user.agencyId]);

  function addMember(): void {
    const id = addItem(doc, [MEMBERS_ROOT], { name: '', kana: '', address: '', phone: '' }, textKeys);
    void navigate(memberUrl(summary.id, id, 'basic'));
  }

  return (
    <section className="member-list" aria-labelledby={headingId}>
      <h3 id={headingId} className="form-section__heading">
        {ja.members.listHeading}
      </h3>
      {members.length === 0 ? (
        <EmptyCollection message={ja.members.noMembers} />
      ) : (
        <ul className="member-list__items">
          {members.map(({ id, data }) => {
            const name = typeof data['name'] === 'string' && data['name'].trim() !== '' ? data['name'] : ja.members.unnamed;
            const relationship = typeof data['relationship'] === 'string' ? data['relationship'] : null;
            const selected = id === selectedId;
            return (
              <li key={id} className={selected ? 'member-list__item member-list__item--selected' : 'member-list__item'}>
                <Link to={memberUrl(summary.id, id, selected ? 'basic' : memberTab)} aria-current={selected ? 'page' : undefined} className="member-list__link">
                  <span className="member-list__name">{name}</span>
                  {relationship && <span className="member-list__meta">{relationship}</span>}
                  {data['deceased'] === true && <span className="member-list__meta">{ja.members.deceased}</span>}
                </Link>
                {principal === id && (
                  <span className="badge" title={ja.members.principalBadgeLabel(user.agencyName)}>
                    {ja.members.principalBadge}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <AddButton label={ja.members.add} onAdd={addMember} className="button button--secondary" />
    </section>
  );
}

function MemberDetail({ memberId, memberTab }: { readonly memberId: string; readonly memberTab: MemberTab }) {
  const { summary } = useCaseContext();
  const { doc, loaded } = useSection();
  const members = useYJson(doc, [MEMBERS_ROOT]);
  const storedName = useYString(doc, [MEMBERS_ROOT, memberId, 'name']);
  const name = storedName.trim() !== '' ? storedName : ja.members.unnamed;

  if (!(memberId in members)) return <p className="message">{loaded ? ja.members.notFound : ja.loading}</p>;

  const items = memberTabs.map((tab) => ({ id: tab, label: ja.members.tabs[tab], href: memberUrl(summary.id, memberId, tab) }));
  return (
    <section className="member-detail" aria-label={ja.members.detailTabsLabel(name)}>
      <h3 className="member-detail__name">{name}</h3>
      <Tabs idPrefix="member" label={ja.members.detailTabsLabel(name)} items={items} selected={memberTab} className="member-tabs">
        <MemberTabContent memberId={memberId} memberTab={memberTab} />
      </Tabs>
    </section>
  );
}

function MemberTabContent({ memberId, memberTab }: { readonly memberId: string; readonly memberTab: MemberTab }) {
  if (memberTab === 'basic') return <MemberBasic memberId={memberId} />;
  return (
    <SectionScope section={memberTabSections[memberTab]}>
      {memberTab === 'history' && <MemberHistory memberId={memberId} />}
      {memberTab === 'health' && <MemberHealth memberId={memberId} />}
      {memberTab === 'finance' && <MemberFinance memberId={memberId} />}
      {memberTab === 'work' && <MemberWork memberId={memberId} />}
      {memberTab === 'nationality' && <MemberNationality memberId={memberId} />}
    </SectionScope>
  );
}
