import type { Extension, onLoadDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { parseCaseDocumentName } from '../../model/documentNames.ts';
import { migrateSectionDocument } from '../../model/sections/migrations.ts';
import { createSectionDocument, schemaVersionOf } from '../../model/sectionDocuments.ts';
import { sectionServerSpecs } from '../sections/sectionServer.ts';
import type { ServerWriter } from './serverOrigin.ts';

/**
 * After the stored state is loaded: gives a section that has never been written its initial
 * state (cases created before the section existed), and migrates documents of an older schema
 * version. Both are stored like any update before the document is served.
 */
export class SectionInitializationExtension implements Extension {
  extensionName = 'kasane-section-initialization';
  private readonly writer: ServerWriter;

  constructor(writer: ServerWriter) {
    this.writer = writer;
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const parsed = parseCaseDocumentName(documentName);
    if (!parsed || parsed.view === 'masked') return;
    if (schemaVersionOf(document) === undefined) {
      const initial = createSectionDocument(parsed.section);
      await this.writer.write(document, null, () => Y.applyUpdate(document, Y.encodeStateAsUpdate(initial)));
      initial.destroy();
    }
    await this.writer.write(document, null, () => migrateSectionDocument(document, parsed.section));
    const { migrateOnLoad } = sectionServerSpecs[parsed.section];
    if (migrateOnLoad) await this.writer.write(document, null, () => migrateOnLoad(document));
  }
}
