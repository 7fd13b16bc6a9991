import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';

/**
 * tldraw's fonts, icons and translations, bundled by Vite and served by kasane itself: without
 * this tldraw fetches them from its CDN, which a closed municipal network cannot reach.
 */
export const tldrawAssetUrls = getAssetUrlsByImport();
