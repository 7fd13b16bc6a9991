import type { Document } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { caseSections, parseCaseDocumentName, type CaseSection } from '../../model/documentNames.ts';
import { RECORDS_ROOT, type EcomapRecords } from '../../model/ecomap/ecomapDocument.ts';
import { ecomapRecordProblems, migrateEcomapDocument } from '../../model/ecomap/ecomapSchema.ts';
import { minutesKindOf } from '../../model/richText/minutesSchema.ts';
import type { RichTextProblem } from '../../model/richText/richTextProblems.ts';
import { minutesUpdateProblems } from '../collaboration/minutesShadow.ts';
import { projectMembers, projectOverview, projectPlan, projectProgressLog, type SectionProjection } from '../store/sectionProjections.ts';

/**
 * What the server adds to a section's spec (model/sections/sectionRegistry.ts): what needs
 * PostgreSQL or a library only the server loads (tldraw's schema).
 */
export interface SectionServerSpec {
  /** The read models (case list, search, task counts) this section feeds; null when none. */
  readonly project: SectionProjection | null;
  /** Run on every load, after the document schema migrations: the section's own (library) migrations. */
  readonly migrateOnLoad?: (doc: Y.Doc) => boolean;
  /**
   * Checks of the section's JSON that need a library only the server loads. On a keystroke it
   * is given the records the update added, by root: what was stored before was checked then.
   */
  readonly contentProblems?: (json: Record<string, unknown>) => string[];
  /**
   * Sections that are not maps of entries check a keystroke their own way (the minutes against
   * their ProseMirror schema); the others are checked by the map-section copy.
   */
  readonly updateProblems?: UpdateProblems;
}

/** A refusal's reason: a Japanese sentence, or a rich-text problem with its code. */
export type Problem = string | RichTextProblem;
export type UpdateProblems = (document: Document, update: Uint8Array, connection: unknown) => Problem[];

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
  minutes: {
    project: null,
    // Rich text is checked against the ProseMirror schema every editor of its kind is built
    // from (model/richText/): a node, mark or attribute no editor knows would be deleted by the
    // next browser that binds the document. Only the blocks the update changes are read.
    updateProblems: (document, update, connection) => {
      const name = parseCaseDocumentName(document.name);
      return name ? minutesUpdateProblems(document, update, minutesKindOf(name), connection) : [`この文書にない項目です: ${document.name}`];
    },
  },
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
