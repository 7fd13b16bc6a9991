import type { Document, Extension, Hocuspocus, afterUnloadDocumentPayload, onLoadDocumentPayload } from '@hocuspocus/server';
import { householdIdentityFrom, redactionFor } from '../../model/access/masking.ts';
import { renderMaskedView } from '../../model/access/maskedViews.ts';
import { caseDocumentName, formatCaseDocumentName, parseCaseDocumentName, type CaseDocumentName } from '../../model/documentNames.ts';
import { readSection } from '../../model/sections/sectionRegistry.ts';
import type { Logger } from '../logger.ts';
import { serverOrigin } from './serverOrigin.ts';

const RENDER_AFTER_MS = 150;

type SourceConnection = Awaited<ReturnType<Hocuspocus['openDirectConnection']>>;

interface LiveView {
  sources: SourceConnection[];
  detach: () => void;
}

/**
 * Masked views (`case/<id>/<section>/masked`): read-only documents the server derives from the
 * section's source and the household's identity section, with identifiers replaced by the
 * masking rules in model/. They exist only in memory while someone has them open, follow their
 * sources as these change, and are never stored. Their readers never subscribe to a source.
 */
export class MaskedViewExtension implements Extension {
  extensionName = 'kasane-masked-views';
  // Before the storage extensions, which have nothing to load for a view.
  priority = 150;
  private readonly logger: Logger;
  private readonly views = new Map<string, LiveView>();

  constructor(logger: Logger) {
    this.logger = logger;
  }

  async onLoadDocument({ documentName, document, instance }: onLoadDocumentPayload): Promise<void> {
    const parsed = parseCaseDocumentName(documentName);
    if (!parsed || parsed.view !== 'masked') return;
    const sourceNames = [...new Set([formatCaseDocumentName({ ...parsed, view: 'source' }), caseDocumentName(parsed.caseId, 'members')])];
    const sources = await Promise.all(sourceNames.map((name) => instance.openDirectConnection(name, { server: true })));
    const render = () => this.render(document, parsed, sources);
    let timer: NodeJS.Timeout | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(render, RENDER_AFTER_MS);
    };
    for (const source of sources) source.document?.on('update', schedule);
    render();
    this.views.set(documentName, {
      sources,
      detach: () => {
        clearTimeout(timer);
        for (const source of sources) source.document?.off('update', schedule);
      },
    });
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    const view = this.views.get(documentName);
    if (!view) return;
    this.views.delete(documentName);
    view.detach();
    await Promise.all(view.sources.map((source) => source.disconnect()));
  }

  private render(view: Document, name: CaseDocumentName, sources: SourceConnection[]): void {
    try {
      const source = sources[0]?.document;
      const members = sources.at(-1)?.document;
      if (!source || !members) return;
      const redaction = redactionFor(householdIdentityFrom(readSection(members, 'members')));
      renderMaskedView(view, name.section, source, redaction, new Date(), serverOrigin);
    } catch (error) {
      this.logger.error({ err: error, documentName: view.name }, 'masked view not rendered');
    }
  }
}
