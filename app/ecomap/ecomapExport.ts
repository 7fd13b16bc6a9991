import type { Editor } from 'tldraw';
import type { CaseId } from '../../model/documentNames.ts';
import { recordEcomapExport } from '../http/ecomapApi.ts';
import { formatWareki } from '../../model/time/wareki.ts';
import { todayInTokyo } from '../../model/time/tokyoClock.ts';
import { ja } from '../i18n/ja.ts';
import { download } from '../layout/download.ts';

const today = () => todayInTokyo(new Date());

async function mapSvg(editor: Editor): Promise<string | null> {
  const ids = [...editor.getCurrentPageShapeIds()];
  if (ids.length === 0) return null;
  const result = await editor.getSvgString(ids, { background: true, padding: 32 });
  return result?.svg ?? null;
}

/**
 * The file is made in the browser from what this reader already has (masked if masked); the
 * server records the export first, so nothing leaves without a trace in the 監査ログ.
 */
export async function exportEcomap(editor: Editor, caseId: CaseId, caseTitle: string, format: 'svg' | 'png'): Promise<boolean> {
  const ids = [...editor.getCurrentPageShapeIds()];
  if (ids.length === 0) return false;
  await recordEcomapExport(caseId, { format });
  const fileName = ja.ecomap.exporting.fileName(caseTitle, today());
  if (format === 'svg') {
    const svg = await mapSvg(editor);
    if (svg === null) return false;
    download(new Blob([svg], { type: 'image/svg+xml' }), `${fileName}.svg`);
  } else {
    const { blob } = await editor.toImage(ids, { format: 'png', background: true, padding: 32, scale: 2 });
    download(blob, `${fileName}.png`);
  }
  return true;
}

/**
 * A4 landscape with the case, the date in 和暦 and 「取扱注意」 above the map. The sheet is a
 * layer of this page shown only in print, so the browser's own print dialog does the rest.
 */
export async function printEcomap(editor: Editor, caseId: CaseId, caseTitle: string): Promise<boolean> {
  const svg = await mapSvg(editor);
  if (svg === null) return false;
  await recordEcomapExport(caseId, { format: 'print' });
  const sheet = document.createElement('div');
  sheet.className = 'ecomap-print';
  const header = document.createElement('header');
  header.className = 'ecomap-print__header';
  const title = document.createElement('h1');
  title.textContent = ja.ecomap.exporting.printTitle(caseTitle);
  const meta = document.createElement('p');
  meta.textContent = `${formatWareki(today()) ?? today()}\u3000${ja.print.caseId(caseId)}`;
  const mark = document.createElement('p');
  mark.className = 'ecomap-print__confidential';
  mark.textContent = ja.print.confidential;
  header.append(title, meta, mark);
  const figure = document.createElement('div');
  figure.className = 'ecomap-print__map';
  // tldraw's own serialisation of the shapes: text in it is escaped by the SVG serializer.
  figure.innerHTML = svg;
  sheet.append(header, figure);
  document.body.append(sheet);
  document.body.classList.add('printing-ecomap');
  const cleanUp = () => {
    sheet.remove();
    document.body.classList.remove('printing-ecomap');
    window.removeEventListener('afterprint', cleanUp);
  };
  window.addEventListener('afterprint', cleanUp);
  window.print();
  return true;
}
