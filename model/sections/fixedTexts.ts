import type * as Y from 'yjs';
import type { CaseSection } from '../documentNames.ts';
import { sectionDefinitions } from './sectionRegistry.ts';
import { ensureText } from './yjsValues.ts';

/** Creates the section's texts at fixed places (its spec's `fixedTexts`) where they are missing. */
export function createFixedTexts(doc: Y.Doc, section: CaseSection): void {
  for (const [root, keys] of Object.entries(sectionDefinitions[section].fixedTexts ?? {})) {
    for (const key of keys) ensureText(doc.getMap<unknown>(root), key);
  }
}
