import { useEffect } from 'react';
import { ja } from '../i18n/ja.ts';

/**
 * Each screen names itself in the tab title, so that screen-reader users know where they landed.
 * Null leaves the title to a view inside that names itself.
 */
export function useDocumentTitle(page: string | null): void {
  useEffect(() => {
    if (page === null) return;
    document.title = ja.documentTitle(page);
  }, [page]);
}
