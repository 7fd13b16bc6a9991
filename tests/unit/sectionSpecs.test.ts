import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sectionViews } from '../../app/casePage/sectionViews.tsx';
import { caseTabSections } from '../../app/casePage/caseRoutes.ts';
import { projectedSections } from '../../collab-server/projections/caseProjection.ts';
import { fillDemoSection } from '../../collab-server/seed/demoCaseRecord.ts';
import { fillDemoEcomap } from '../../collab-server/seed/demoEcomap.ts';
import { demoMinutesDocument } from '../../collab-server/store/seedDemoData.ts';
import { sectionServerSpecs } from '../../collab-server/sections/sectionServer.ts';
import { householdIdentityFrom, redactionFor } from '../../model/access/masking.ts';
import { renderMaskedView } from '../../model/access/maskedViews.ts';
import { caseSections, type CaseSection } from '../../model/documentNames.ts';
import { META_ROOT } from '../../model/documentSchema.ts';
import { printableSections, printRequestSchema } from '../../model/print.ts';
import { createSectionDocument } from '../../model/sectionDocuments.ts';
import { sectionReaders } from '../../model/sections/sectionReaders.ts';
import { readSection, sectionDefinitions, sectionProblems } from '../../model/sections/sectionRegistry.ts';

/** The seeded 山田 record's section, as the demo database has it. */
function demoDocument(section: CaseSection): Y.Doc {
  if (section === 'minutes') return demoMinutesDocument();
  const doc = createSectionDocument(section);
  fillDemoSection(doc, section);
  if (section === 'ecomap') fillDemoEcomap(doc);
  return doc;
}

const identity = householdIdentityFrom(readSection(demoDocument('members'), 'members'));
const redaction = redactionFor(identity);
const today = new Date('2026-12-04T03:00:00Z');

describe('the section registry', () => {
  it('has a spec for every section on the model, server and app side', () => {
    for (const section of caseSections) {
      expect(sectionDefinitions[section].label, section).not.toBe('');
      expect(Object.keys(sectionDefinitions[section].roots).length, section).toBeGreaterThan(0);
      expect(sectionReaders[section].renderMasked, section).toBeTypeOf('function');
      expect(sectionServerSpecs[section], section).toBeDefined();
      expect(sectionViews[section].Revision, section).toBeTypeOf('function');
    }
  });

  it('is what decides the tabs, the print layouts, the read models and the meetings’ own documents', () => {
    const withTab = caseSections.filter((section) => sectionViews[section].Tab !== null);
    expect(withTab.sort()).toEqual([...Object.values(caseTabSections)].sort());
    const withPrint = caseSections.filter((section) => sectionViews[section].Print !== null);
    expect(withPrint.sort()).toEqual([...printableSections].sort());
    expect([...projectedSections].sort()).toEqual(caseSections.filter((section) => sectionServerSpecs[section].project !== null).sort());
    const meetingId = '6f1d2b9e-3c4a-4f5b-8a7c-9d0e1f2a3b4c';
    for (const section of printableSections) {
      expect(printRequestSchema.safeParse({ section, meetingId }).success, section).toBe(sectionDefinitions[section].perMeeting);
    }
  });
});

it('masks something: the seeded record names the household in its identity, overview and minutes', () => {
  const surname = (identity.members[0]?.name ?? '').split(/[\s\u3000]/)[0] ?? '';
  expect(surname).not.toBe('');
  for (const section of ['members', 'overview', 'minutes'] as const) {
    expect(JSON.stringify(sectionReaders[section].read(demoDocument(section), null, today)), section).toContain(surname);
  }
});

describe.each(caseSections)('the spec of %s', (section) => {
  const spec = sectionDefinitions[section];
  const reader = sectionReaders[section];

  it('creates a valid first state and accepts the seeded record', () => {
    expect(sectionProblems(createSectionDocument(section), section)).toEqual([]);
    expect(sectionProblems(demoDocument(section), section)).toEqual([]);
  });

  it('restores a past state into the live document exactly', () => {
    const past = demoDocument(section);
    const live = createSectionDocument(section);
    live.transact(() => reader.restore(live, past));
    const comparison = reader.compare(reader.read(live, null, today), reader.read(past, null, today));
    if (comparison.kind === 'fields') expect(comparison.changes).toEqual([]);
    else expect(comparison.parts.every((part) => part.kind === 'same')).toBe(true);
  });

  it('gives a masked reader its own roots only, with no member named, in the view and in the history alike', () => {
    const source = demoDocument(section);
    const view = new Y.Doc();
    renderMaskedView(view, section, source, redaction, today, null);
    expect([...view.share.keys()].every((root) => root === META_ROOT || root in spec.roots)).toBe(true);
    const seen = JSON.stringify([readSection(view, section), reader.read(source, redaction, today)]);
    for (const name of identity.members.map((member) => member.name ?? '').filter((name) => name !== '')) {
      expect(seen, name).not.toContain(name);
      expect(seen, name).not.toContain(name.replace(/[\s\u3000]/g, ''));
      expect(seen, name).not.toContain(name.split(/[\s\u3000]/)[0]);
    }
  });

  it('summarizes a change for the timeline', () => {
    const summary = reader.summarize(spec.label, reader.read(createSectionDocument(section), null, today), reader.read(demoDocument(section), null, today));
    expect(summary).toMatch(/\S/);
  });
});
