import { randomUUID } from 'node:crypto';
import type { Document, Extension, Hocuspocus, afterUnloadDocumentPayload, beforeSyncPayload, onLoadDocumentPayload } from '@hocuspocus/server';
import type { MaskedViewEpochMessage } from '../../model/collaborationMessages.ts';
import { householdIdentityFrom, redactionFor, type MemberIdentity, type Redaction } from '../../model/access/masking.ts';
import { renderMaskedView } from '../../model/access/maskedViews.ts';
import { caseDocumentName, formatCaseDocumentName, parseCaseDocumentName, type CaseDocumentName } from '../../model/documentNames.ts';
import { readSection } from '../../model/sections/sectionRegistry.ts';
import type { Logger } from '../logger.ts';
import { serverOrigin } from './serverOrigin.ts';

const RENDER_AFTER_MS = 150;
// y-protocols' message type for the first sync step (the client's state vector).
const SYNC_STEP_1 = 0;

type SourceConnection = Awaited<ReturnType<Hocuspocus['openDirectConnection']>>;

/**
 * What a view is masked with beyond the identity section itself: every member it ever held
 * (from its update log) and the redactions a coordinator approved.
 */
export type MaskingInputs = (caseId: string) => Promise<{ former: MemberIdentity[]; approved?: Redaction['approved'] }>;

interface LiveView {
  /** Names this derivation; a view loaded again is another document with another epoch. */
  epoch: string;
  document: Document;
  sources: SourceConnection[];
  detach: () => void;
}

/**
 * Masked views (`case/<id>/<section>/masked`): read-only documents the server derives from the
 * section's source and the household's identity section, with identifiers replaced by the
 * masking rules in model/. They exist only in memory while someone has them open, follow their
 * sources as these change, and are never stored. Their readers never subscribe to a source.
 *
 * Each load derives an unrelated Y.Doc, so a reader that kept its Y.Doc from an earlier load
 * would merge the two. Every connection is told the view's epoch before the server answers its
 * first sync step; the client starts from a fresh Y.Doc when the epoch is not the one its
 * document came from (app/collab/sectionConnection.ts).
 */
export class MaskedViewExtension implements Extension {
  extensionName = 'kasane-masked-views';
  private readonly logger: Logger;
  private readonly maskingInputs: MaskingInputs;
  private readonly views = new Map<string, LiveView>();
  private readonly releasing = new Set<Promise<void>>();

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
    // A view loaded again before the old one's unload hook ran: the old one is done.
    const previous = this.views.get(documentName);
    if (previous) this.releaseLater(previous);
    this.views.set(documentName, {
      epoch: randomUUID(),
      document,
      sources,
      detach: () => {
        clearTimeout(timer);
        for (const source of sources) source.document?.off('update', schedule);
      },
    });
  }

  /**
   * Before the reply to the client's state vector: the epoch must reach the client before any
   * content of this derivation does, or the client would merge it into its old document first.
   */
  async beforeSync({ documentName, document, connection, type }: beforeSyncPayload): Promise<void> {
    if (type !== SYNC_STEP_1) return;
    const view = this.views.get(documentName);
    if (view?.document !== document) return;
    const message: MaskedViewEpochMessage = { type: 'masked-view-epoch', epoch: view.epoch };
    connection.sendStateless(JSON.stringify(message));
  }

  /**
   * Does not wait for the sources to be let go (each may be stored first): while this hook runs,
   * Hocuspocus counts the name as unloading, and a view loaded again meanwhile would then never
   * be unloaded (its unload joins the old one's, which has already decided).
   */
  async afterUnloadDocument({ documentName, instance }: afterUnloadDocumentPayload): Promise<void> {
    const view = this.views.get(documentName);
    // Already loaded again: that entry belongs to the new document.
    if (!view || instance.documents.get(documentName) === view.document) return;
    this.releaseLater(view);
  }

  /** Sources still being let go are, before the database closes. */
  async onDestroy(): Promise<void> {
    await Promise.all(this.releasing);
  }

  private releaseLater(view: LiveView): void {
    const releasing = this.release(view)
      .catch((error: unknown) => this.logger.warn({ err: error, documentName: view.document.name }, 'masked view sources not released'))
      .finally(() => this.releasing.delete(releasing));
    this.releasing.add(releasing);
  }

  private async release(view: LiveView): Promise<void> {
    if (this.views.get(view.document.name) === view) this.views.delete(view.document.name);
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
