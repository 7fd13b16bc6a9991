import { useEffect, useState } from 'react';
import { atom, createTLCurrentUser, Tldraw, type Editor, type TLUiOverrides, type TLUserPreferences } from 'tldraw';
import 'tldraw/tldraw.css';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import type * as Y from 'yjs';
import { useCaseContext } from '../collab/CaseContext.tsx';
import { useSectionConnection } from '../collab/useSectionConnection.ts';
import { MaskedNotice } from '../fields/MaskedNotice.tsx';
import { getClientConfig } from '../http/ecomapApi.ts';
import { ja } from '../i18n/ja.ts';
import { removeDanglingTies } from './ecomapActions.ts';
import { bindEcomapStore, type EcomapBinding } from './ecomapStore.ts';
import { EcomapExport } from './EcomapExport.tsx';
import { EcomapPalette } from './EcomapPalette.tsx';
import { EcomapSelection } from './EcomapSelection.tsx';
import { EcomapSnapshots } from './EcomapSnapshots.tsx';
import { ecomapShapeUtils } from './shapes/ecomapShapeUtils.ts';
import { tldrawAssetUrls } from './tldrawAssets.ts';
import { useHouseholdOnMap } from './useHouseholdOnMap.ts';
import './ecomap.css';

const label = ja.sectionLabels.ecomap;

/**
 * Tools that would put files or web pages on the map are taken out: the server refuses such
 * shapes (a closed network, and no URL a reader's browser would fetch).
 */
const overrides: TLUiOverrides = {
  tools(_editor, tools) {
    const { asset: _asset, embed: _embed, ...rest } = tools;
    return rest;
  },
  actions(_editor, actions) {
    const { 'insert-media': _media, 'insert-embed': _embed, ...rest } = actions;
    return rest;
  },
};

function useLicenseKey(): string | undefined {
  const [key, setKey] = useState<string | undefined>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    getClientConfig(controller.signal).then(
      (config) => setKey(config.tldrawLicenseKey ?? undefined),
      () => undefined,
    );
    return () => controller.abort();
  }, []);
  return key;
}

interface WorkspaceProps {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  readonly readOnly: boolean;
  readonly licenseKey: string | undefined;
}

function EcomapWorkspace({ doc, provider, readOnly, licenseKey }: WorkspaceProps) {
  const { summary, user } = useCaseContext();
  const members = useSectionConnection('members');
  const placed = useHouseholdOnMap(members, user.agencyId);
  const [binding, setBinding] = useState<EcomapBinding | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  // tldraw's own screens in Japanese, whatever the browser's language.
  const [tlUser] = useState(() => {
    const preferences = atom<TLUserPreferences>('preferences', { id: user.id, name: user.name, locale: 'ja', colorScheme: 'light' });
    return createTLCurrentUser({ userPreferences: preferences, setUserPreferences: (next) => preferences.set({ ...next, locale: next.locale ?? 'ja' }) });
  });

  useEffect(() => {
    const bound = bindEcomapStore(doc, provider);
    // The binding holds the document's observers: created and disposed by this effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setBinding(bound);
    return () => {
      bound.dispose();
      setBinding(null);
    };
  }, [doc, provider]);

  const locked = readOnly || (binding?.incompatible ?? false);
  useEffect(() => {
    editor?.updateInstanceState({ isReadonly: locked });
  }, [editor, locked]);

  if (!binding) return <div className="ecomap__canvas ecomap__canvas--pending" aria-hidden="true" />;
  return (
    <>
      {binding.incompatible && (
        <p role="alert" className="message message--error">
          {ja.ecomap.incompatible}
        </p>
      )}
      <div className="ecomap__workspace">
        <div className="ecomap__canvas" role="application" aria-label={ja.ecomap.canvasLabel}>
          <Tldraw
            store={binding.store}
            shapeUtils={ecomapShapeUtils}
            assetUrls={tldrawAssetUrls}
            licenseKey={licenseKey}
            user={tlUser}
            overrides={overrides}
            onMount={(mounted) => {
              mounted.updateInstanceState({ isReadonly: locked });
              // Files, web pages and SVG would become images or embeds the server refuses.
              for (const type of ['files', 'url', 'embed', 'svg-text'] as const) mounted.registerExternalContentHandler(type, async () => undefined);
              const stopCleanup = removeDanglingTies(mounted);
              const detach = binding.attachEditor(mounted);
              setEditor(mounted);
              return () => {
                stopCleanup();
                detach();
                setEditor(null);
              };
            }}
          />
        </div>
        {editor && (
          <aside className="ecomap__side">
            {!locked && <EcomapSelection editor={editor} />}
            {!locked && <EcomapPalette editor={editor} members={placed} membersHidden={members.kind === 'hidden'} agencies={summary.agencies} />}
            <EcomapExport editor={editor} caseId={summary.id} caseTitle={summary.title} />
          </aside>
        )}
      </div>
      {editor && <EcomapSnapshots caseId={summary.id} editor={editor} canSave={!locked} licenseKey={licenseKey} />}
    </>
  );
}

/** エコマップ: the household and its ties, drawn together live; tldraw is loaded only here. */
export function EcomapTab() {
  const state = useSectionConnection('ecomap');
  const licenseKey = useLicenseKey();
  const snapshot = state.kind === 'open' && !state.snapshot.accessChanged ? state.snapshot : null;

  if (state.kind === 'hidden') return <p className="message message--info">{ja.section.hidden(label)}</p>;
  return (
    <section className="ecomap">
      {snapshot?.accessDenied && (
        <p role="alert" className="message message--error">
          {ja.section.accessDenied(label)}
        </p>
      )}
      {state.kind === 'open' && state.level === 'masked' ? (
        <MaskedNotice label={label} />
      ) : (
        snapshot?.readOnly && <p className="message message--info">{ja.section.viewOnly(label)}</p>
      )}
      <p className="ecomap__help">{ja.ecomap.help}</p>
      {snapshot?.loaded ? (
        <EcomapWorkspace
          key={`${snapshot.doc.guid}:${snapshot.provider.sessionId}`}
          doc={snapshot.doc}
          provider={snapshot.provider}
          readOnly={snapshot.readOnly || snapshot.accessDenied}
          licenseKey={licenseKey}
        />
      ) : (
        <div className="ecomap__canvas ecomap__canvas--pending" aria-hidden="true" />
      )}
    </section>
  );
}
