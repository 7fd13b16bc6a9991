import { useEffect } from 'react';
import { ja } from '../i18n/ja.ts';

/** Each screen names itself in the tab title, so that screen-reader users know where they landed. */
export function useDocumentTitle(page: string): void {
  useEffect(() => {
    document.title = ja.documentTitle(page);
  }, [page]);
}
