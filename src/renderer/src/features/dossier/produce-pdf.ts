import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { currentPlatform } from '../../platform/current-platform';
import { renderPdf } from '../../reports/pdf-renderer';

export { preloadPdfRenderer } from '../../reports/pdf-renderer';

export const PDF_FILTERS = [{ name: 'Document PDF', extensions: ['pdf'] }];

export interface ProducedPdf {
  status: 'saved' | 'cancelled';
  renderMs: number;
  bytes: number;
}

/** Renders a definition (pdfmake is loaded on first use) and hands the file to the platform to save. */
export async function producePdf(definition: TDocumentDefinitions, fileName: string): Promise<ProducedPdf> {
  const started = performance.now();
  const bytes = await renderPdf(definition);
  const renderMs = Math.round(performance.now() - started);
  const status = await currentPlatform().saveFile(fileName, bytes, PDF_FILTERS);
  return { status, renderMs, bytes: bytes.byteLength };
}
