import type * as Y from 'yjs';
import { caseSections, type CaseSection } from '../../model/documentNames.ts';
import { RECORDS_ROOT, type EcomapRecords } from '../../model/ecomap/ecomapDocument.ts';
import { ecomapRecordProblems, migrateEcomapDocument } from '../../model/ecomap/ecomapSchema.ts';
import { projectMembers, projectOverview, projectPlan, projectProgressLog, type SectionProjection } from '../projections/sectionProjections.ts';

/**
 * What the server adds to a section's spec (model/sections/sectionRegistry.ts): what needs
 * PostgreSQL or a library only the server loads (tldraw's schema).
 */
export interface SectionServerSpec {
  /** The read models (case list, search, task counts) this section feeds; null when none. */
  readonly project: SectionProjection | null;
  /** Run on every load, after the document schema migrations: the section's own (library) migrations. */
  readonly migrateOnLoad?: (doc: Y.Doc) => boolean;
  /** Checks of the section's JSON that need a library only the server loads. */
  readonly contentProblems?: (json: Record<string, unknown>) => string[];
}

const none: SectionServerSpec = { project: null };

export const sectionServer = {
  overview: { project: projectOverview },
  members: { project: projectMembers },
  'member-history': none,
  'member-health': none,
  'member-finance': none,
  'member-work': none,
  'member-nationality': none,
  'progress-log': { project: projectProgressLog },
  plan: { project: projectPlan },
  minutes: none,
  ecomap: {
    project: null,
    // The map's records follow tldraw's own schema versions, migrated with tldraw's migrations.
    migrateOnLoad: migrateEcomapDocument,
    // A record tldraw cannot read would break the map in every other browser that receives it.
    contentProblems: (json) => ecomapRecordProblems(json[RECORDS_ROOT] as EcomapRecords),
  },
} satisfies Record<CaseSection, SectionServerSpec>;

export const sectionServerSpecs: Readonly<Record<CaseSection, SectionServerSpec>> = sectionServer;

/** Sections whose content feeds the case list, search or task counts. */
export const projectedSections: ReadonlySet<CaseSection> = new Set(caseSections.filter((section) => sectionServerSpecs[section].project !== null));
