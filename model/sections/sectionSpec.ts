import type * as Y from 'yjs';
import type { z } from 'zod';
import type { Redaction } from '../access/masking.ts';
import type { Comparison } from '../history/historyApi.ts';

/** Y.Map, Y.XmlFragment (rich text), or a Y.Array of `{ key, val }` records (the ecomap's tldraw store). */
export type RootKind = 'map' | 'xml' | 'records';

/** A state of a section as the history reads it: fields as JSON, rich text as plain text. */
export type SectionReading = { kind: 'json'; json: Record<string, unknown> } | { kind: 'text'; text: string; paragraphs: number };

/** The person an update comes from, as the verified token says. */
export interface SectionWriter {
  readonly id: string;
  readonly name: string;
  readonly agencyId: string;
  readonly agencyName: string;
}

/**
 * What the shared model knows about one case section, in one object (one file per section
 * beside this one, assembled in sectionRegistry.ts). How a section is masked and read in the
 * history is its reader (sectionReaders.ts), kept apart so that the app's first bundle does not
 * carry the masking and diff code and tldraw's validators. The server adds what needs
 * PostgreSQL or tldraw (collab-server/sections/sectionServer.ts), the app its views
 * (app/casePage/sectionViews.tsx); each table is a `Record<CaseSection, …>`, so a new section
 * does not compile until every side says how it behaves.
 */
export interface SectionSpec {
  /** Shown on screen (tabs, history, print). */
  readonly label: string;
  readonly roots: Readonly<Record<string, RootKind>>;
  /** Validates the JSON of the roots (Y.Text read as string); null for rich text. */
  readonly schema: z.ZodType | null;
  /**
   * The shape rule of every section: an object value is a nested Y.Map (so concurrent edits
   * of different keys merge); a key listed here holds a Y.Text (merged character by
   * character); any other value is a plain JSON primitive (choices, dates, ids, numbers,
   * booleans), last writer wins.
   */
  readonly textKeys: ReadonlySet<string>;
  /** Each 支援会議 also has a document of this section of its own. */
  readonly perMeeting: boolean;
  /**
   * Texts at fixed places (root → keys), created by the server with the document: if two
   * clients each created one when they started typing at the same moment, one of the two
   * Y.Texts, with what was typed into it, would lose.
   */
  readonly fixedTexts?: Readonly<Record<string, readonly string[]>>;
  /** Content the server writes when it creates the section, besides the fixed texts. */
  readonly initialize?: (doc: Y.Doc) => void;
  /** This section's part of the document schema migrations, by the version each step starts from. */
  readonly migrations?: Readonly<Partial<Record<number, (doc: Y.Doc) => void>>>;
  /**
   * Rules beyond the schema that depend on who writes (the progress log's authorship). On a
   * keystroke the server passes documents holding only the entries the update changed (their
   * maps' `toJSON()`), so a rule must judge entries one by one, not the section as a whole.
   */
  readonly validate?: (before: Y.Doc, after: Y.Doc, writer: SectionWriter) => string[];
}

/** How a section is masked, read for the history, compared and restored (server side and tests). */
export interface SectionReader {
  /** Writes the section as a masked reader may see it into `view` (inside the caller's transaction). */
  readonly renderMasked: (view: Y.Doc, source: Y.Doc, redaction: Redaction, today: Date) => void;
  /** The state as the history shows it, masked when a redaction is given. */
  readonly read: (doc: Y.Doc, redaction: Redaction | null, today: Date) => SectionReading;
  /** One line for the timeline: what a burst of edits changed. */
  readonly summarize: (label: string, before: SectionReading, after: SectionReading) => string;
  /** 比較: what changed between two states. */
  readonly compare: (before: SectionReading | undefined, after: SectionReading | undefined) => Comparison;
  /** 復元: writes the content of `past` into `document` (server-owned roots are left alone). */
  readonly restore: (document: Y.Doc, past: Y.Doc) => void;
}
