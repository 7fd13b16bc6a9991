import { TldrawImage, type TLStoreSnapshot } from 'tldraw';
import type * as Y from 'yjs';
import { ecomapRecordsArray, readEcomapRecords } from '../../model/ecomap/ecomapDocument.ts';
import { ecomapSchema, storedTldrawSchema } from '../../model/ecomap/ecomapSchema.ts';
import { useCaseContext } from '../collab/CaseContext.tsx';
import { useSectionConnection } from '../collab/useSectionConnection.ts';
import { MaskedNotice } from '../fields/MaskedNotice.tsx';
import { ja } from '../i18n/ja.ts';
import { ecomapShapeUtils } from './shapes/ecomapShapeUtils.ts';
import { tldrawAssetUrls } from './tldrawAssets.ts';
import { useHouseholdOnMap } from './useHouseholdOnMap.ts';

/** A past state of the map, drawn as a picture (履歴). Members are named as this agency sees them now. */
export function EcomapRevision({ doc, masked }: { readonly doc: Y.Doc; readonly masked: boolean }) {
  const { user } = useCaseContext();
  useHouseholdOnMap(useSectionConnection('members'), user.agencyId);
  const snapshot = {
    store: readEcomapRecords(ecomapRecordsArray(doc) as Y.Array<unknown>) as unknown as TLStoreSnapshot['store'],
    // A masked view carries no schema stamp of its own: it is written in the current one.
    schema: (storedTldrawSchema(doc) ?? ecomapSchema.serialize()) as TLStoreSnapshot['schema'],
  } satisfies TLStoreSnapshot;
  return (
    <div className="ecomap-compare__image">
      {masked && <MaskedNotice label={ja.sectionLabels.ecomap} />}
      <TldrawImage snapshot={snapshot} shapeUtils={ecomapShapeUtils} assetUrls={tldrawAssetUrls} background padding={24} />
    </div>
  );
}
