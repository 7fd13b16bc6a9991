import { describe, expect, it } from 'vitest';
import { defaultAccess, type AccessLevel, type AgencyAccess } from '../../model/access/accessLevels.ts';
import {
  accountPermissions,
  casePermissions,
  homePath,
  noStanding,
  takesPart,
  type CaseActor,
  type CaseStanding,
} from '../../model/access/casePermissions.ts';
import { caseSections, documentViews, type CaseSection } from '../../model/documentNames.ts';

const agencyId = '00000000-0000-4000-8000-000000000001';
const worker: CaseActor = { role: 'worker', agencyId };
const admin: CaseActor = { role: 'admin', agencyId };

const everywhere = (level: AccessLevel): AgencyAccess =>
  Object.fromEntries(caseSections.map((section) => [section, level])) as AgencyAccess;
const participant = (levels: AgencyAccess, coordinates = false): CaseStanding => ({ participates: true, coordinates, levels });

/** The actions decided for the whole case, by name, that an actor is allowed. */
function allowedCaseActions(actor: CaseActor, standing: CaseStanding): string[] {
  const section: CaseSection = 'minutes';
  const decisions: Record<string, boolean> = {
    list: casePermissions.list(actor, standing),
    open: casePermissions.open(actor, standing, section, 'source') !== null || casePermissions.open(actor, standing, section, 'masked') !== null,
    read: casePermissions.read(actor, standing, section),
    edit: casePermissions.edit(actor, standing, section),
    manageSharing: casePermissions.manageSharing(actor, standing),
    readHistory: casePermissions.readHistory(actor, standing),
    restore: casePermissions.restore(actor, standing, section),
    nameVersions: casePermissions.nameVersions(actor, standing),
    readMeetings: casePermissions.readMeetings(actor, standing),
    manageMeetings: casePermissions.manageMeetings(actor, standing),
    writeDecision: casePermissions.writeDecision(actor, standing, 'plan'),
    print: casePermissions.print(actor, standing, section),
    export: casePermissions.export(actor, standing, 'ecomap'),
    saveEcomapSnapshot: casePermissions.saveEcomapSnapshot(actor, standing),
    readChat: casePermissions.readChat(actor, standing),
    postChat: casePermissions.postChat(actor, standing),
  };
  return Object.keys(decisions).filter((action) => decisions[action]);
}

describe('one permission rule per action', () => {
  const everyAction = ['list', 'open', 'read', 'edit', 'manageSharing', 'readHistory', 'restore', 'nameVersions', 'readMeetings', 'manageMeetings', 'writeDecision', 'print', 'export', 'saveEcomapSnapshot', 'readChat', 'postChat'];
  const participation = ['list', 'readChat', 'postChat'];
  const reading = [...participation, 'open', 'read', 'readHistory', 'readMeetings', 'print', 'export'];

  it.each([
    ['the coordinator (主担当, everything editable)', worker, participant(everywhere('edit'), true), everyAction],
    ['an agency editing everything, not coordinating', worker, participant(everywhere('edit')), everyAction.filter((action) => action !== 'manageSharing')],
    ['an agency reading everything (閲覧のみ)', worker, participant(everywhere('view')), reading],
    ['an agency seeing everything masked', worker, participant(everywhere('masked')), reading],
    ['an agency taking part with everything hidden', worker, participant(everywhere('hidden')), participation],
    ['an agency taking no part', worker, noStanding, []],
    ['the administrator, in the coordinating agency with everything editable', admin, participant(everywhere('edit'), true), []],
    ['the administrator, in no case at all', admin, noStanding, []],
  ] as const)('%s', (_label, actor, standing, allowed) => {
    expect(allowedCaseActions(actor, standing).sort()).toEqual([...allowed].sort());
  });

  it('keeps a masked agency from managing meetings, naming versions or restoring even where it edits', () => {
    // Members masked, the minutes editable: an agency that reads the identity of no one but
    // edits the record (a new participant's default gets the minutes masked, grantedLevel.test.ts).
    const standing = participant({ ...defaultAccess('participant'), members: 'view', overview: 'masked' });
    expect(casePermissions.edit(worker, standing, 'minutes')).toBe(true);
    expect(casePermissions.manageMeetings(worker, standing)).toBe(false);
    expect(casePermissions.nameVersions(worker, standing)).toBe(false);
    expect(casePermissions.restore(worker, standing, 'minutes')).toBe(false);
    // Once nothing is masked, what it edits it may restore, and only that.
    const unmasked = participant({ ...defaultAccess('participant'), members: 'view' });
    expect(casePermissions.restore(worker, unmasked, 'minutes')).toBe(true);
    expect(casePermissions.restore(worker, unmasked, 'members')).toBe(false);
    expect(casePermissions.manageMeetings(worker, unmasked)).toBe(true);
    // A decision written into the plan adds to the meeting's record: not for a masked agency either.
    expect(casePermissions.edit(worker, standing, 'plan')).toBe(true);
    expect(casePermissions.writeDecision(worker, standing, 'plan')).toBe(false);
    expect(casePermissions.writeDecision(worker, unmasked, 'plan')).toBe(true);
  });

  it('opens each document kind at each level exactly as the sharing says, and never for the administrator', () => {
    const expected: Record<AccessLevel, Record<(typeof documentViews)[number], string | null>> = {
      edit: { source: 'read-write', masked: null },
      view: { source: 'read-only', masked: null },
      masked: { source: null, masked: 'read-only' },
      hidden: { source: null, masked: null },
    };
    for (const section of caseSections) {
      for (const level of ['edit', 'view', 'masked', 'hidden'] as const) {
        // With the identity readable: otherwise every other section is at most masked (grantedLevel.test.ts).
        const standing = participant({ members: 'view', [section]: level }, true);
        for (const view of documentViews) {
          expect(casePermissions.open(worker, standing, section, view), `${section} ${level} ${view}`).toBe(expected[level][view]);
          expect(casePermissions.open(admin, standing, section, view), `admin ${section} ${level} ${view}`).toBeNull();
          expect(casePermissions.open(worker, { ...standing, participates: false }, section, view), `not taking part ${section}`).toBeNull();
        }
      }
    }
  });

  it('decides sections one by one: a plan row from a meeting needs the plan, an export the ecomap', () => {
    const standing = participant({ members: 'view', minutes: 'edit', plan: 'view', 'progress-log': 'edit', ecomap: 'hidden' });
    expect(casePermissions.writeDecision(worker, standing, 'plan')).toBe(false);
    expect(casePermissions.writeDecision(worker, standing, 'progress-log')).toBe(true);
    expect(casePermissions.export(worker, standing, 'ecomap')).toBe(false);
    expect(casePermissions.print(worker, standing, 'plan')).toBe(true);
    expect(casePermissions.saveEcomapSnapshot(worker, standing)).toBe(false);
  });

  it('defines taking part once: a participating agency, never the administrator', () => {
    expect(takesPart(worker, participant({}))).toBe(true);
    expect(takesPart(worker, noStanding)).toBe(false);
    expect(takesPart(admin, participant(everywhere('edit'), true))).toBe(false);
  });

  it('gives the administrator the audit and no cases, and workers the reverse', () => {
    expect([accountPermissions.readAudit(admin), accountPermissions.listCases(admin), accountPermissions.createCase(admin)]).toEqual([true, false, false]);
    expect([accountPermissions.readAudit(worker), accountPermissions.listCases(worker), accountPermissions.createCase(worker)]).toEqual([false, true, true]);
    expect(homePath('admin')).toBe('/admin/audit');
    expect(homePath('worker')).toBe('/cases');
  });
});
