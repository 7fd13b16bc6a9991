import type { Document, Extension, Hocuspocus, afterUnloadDocumentPayload, onLoadDocumentPayload } from '@hocuspocus/server';
import { householdIdentityFrom, redactionFor, type MemberIdentity, type Redaction } from '../../model/access/masking.ts';
import { renderMaskedView } from '../../model/access/maskedViews.ts';
import { caseDocumentName, formatCaseDocumentName, parseCaseDocumentName, type CaseDocumentName } from '../../model/documentNames.ts';
import { readSection } from '../../model/sections/sectionRegistry.ts';
import type { Logger } from '../logger.ts';
import { serverOrigin } from './serverOrigin.ts';

const RENDER_AFTER_MS = 150;

type SourceConnection = Awaited<ReturnType<Hocuspocus['openDirectConnection']>>;

/**
 * What a view is masked with beyond the identity section itself: every member it ever held
 * (from its update log) and the redactions a coordinator approved.
 */
export type MaskingInputs = (caseId: string) => Promise<{ former: MemberIdentity[]; approved?: Redaction['approved'] }>;

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
  private readonly maskingInputs: MaskingInputs;
  private readonly views = new Map<string, LiveView>();

  constructor(logger: Logger, maskingInputs: MaskingInputs = async () => ({ former: [] })) {
    this.logger = logger;
    this.maskingInputs = maskingInputs;
  }

  async onLoadDocument({ documentName, document, instance }: onLoadDocumentPayload): Promise<void> {
    const parsed = parseCaseDocumentName(documentName);
    if (!parsed || parsed.view !== 'masked') return;
    const sourceNames = [...new Set([formatCaseDocumentName({ ...parsed, view: 'source' }), caseDocumentName(parsed.caseId, 'members')])];
    const sources = await Promise.all(sourceNames.map((name) => instance.openDirectConnection(name, { server: true })));
    // A member deleted before or while the view is open stays a candidate: their name may still be in the text.
    const inputs = await this.maskingInputs(parsed.caseId);
    const known: MemberIdentity[] = inputs.former;
    const render = () => this.render(document, parsed, sources, known, inputs.approved);
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

  private render(view: Document, name: CaseDocumentName, sources: SourceConnection[], known: MemberIdentity[], approved: Redaction['approved']): void {
    try {
      const source = sources[0]?.document;
      const members = sources.at(-1)?.document;
      if (!source || !members) return;
      const current = householdIdentityFrom(readSection(members, 'members'));
      for (const member of current.members) {
        if (!known.some((seen) => seen.id === member.id && seen.name === member.name && seen.kana === member.kana && seen.phone === member.phone && seen.address === member.address && seen.birthDate === member.birthDate)) known.push(member);
      }
      const redaction = { ...redactionFor(current, known), ...(approved ? { approved } : {}) };
      renderMaskedView(view, name.section, source, redaction, new Date(), serverOrigin);
    } catch (error) {
      this.logger.error({ err: error, documentName: view.name }, 'masked view not rendered');
    }
  }
}
