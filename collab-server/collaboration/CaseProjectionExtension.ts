import type { Document, Extension, afterLoadDocumentPayload, onChangePayload } from '@hocuspocus/server';
import { parseCaseDocumentName } from '../../model/documentNames.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { projectSection, projectedSections } from '../projections/caseProjection.ts';

const PROJECT_AFTER_MS = 300;

/**
 * Keeps the relational read models (case list, member search, tasks) in step with the case
 * documents: after a burst of edits settles, and whenever a document is loaded (so that a
 * crash between storing an update and projecting it heals on the next open).
 */
export class CaseProjectionExtension implements Extension {
  extensionName = 'kasane-case-projection';
  private readonly database: Database;
  private readonly logger: Logger;
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(database: Database, logger: Logger) {
    this.database = database;
    this.logger = logger;
  }

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    await this.project(documentName, document);
  }

  async onChange({ documentName, document }: onChangePayload): Promise<void> {
    const parsed = parseCaseDocumentName(documentName);
    if (!parsed || parsed.view === 'masked' || !projectedSections.has(parsed.section)) return;
    clearTimeout(this.timers.get(documentName));
    this.timers.set(
      documentName,
      setTimeout(() => {
        this.timers.delete(documentName);
        void this.project(documentName, document);
      }, PROJECT_AFTER_MS),
    );
  }

  async onDestroy(): Promise<void> {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async project(documentName: string, document: Document): Promise<void> {
    try {
      await this.database.transaction((tx) => projectSection(tx, documentName, document));
    } catch (error) {
      this.logger.warn({ err: error, documentName }, 'projection failed');
    }
  }
}
