import type * as PdfMakeModule from 'pdfmake/build/pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

// The only module that loads pdfmake: it weighs about 2 MB with its fonts, so it is fetched on the first
// PDF, never at start-up (DESIGN.md decision 10). The builders beside it produce the definitions.

type PdfMake = typeof PdfMakeModule;

let loading: Promise<PdfMake> | null = null;

async function loadPdfMake(): Promise<PdfMake> {
  const [pdfMakeModule, vfsModule] = await Promise.all([import('pdfmake/build/pdfmake'), import('pdfmake/build/vfs_fonts')]);
  const pdfMake = ((pdfMakeModule as { default?: PdfMake }).default ?? pdfMakeModule) as PdfMake;
  const vfs = (vfsModule as { default?: Record<string, string> }).default ?? (vfsModule as unknown as Record<string, string>);
  pdfMake.addVirtualFileSystem(vfs);
  return pdfMake;
}

function pdfMakeLoaded(): Promise<PdfMake> {
  loading ??= loadPdfMake().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/**
 * Starts fetching pdfmake and its fonts in the background (a screen that will produce a PDF calls it when
 * it opens), so that the first PDF does not wait for the download. Failures surface at render time.
 */
export function preloadPdfRenderer(): void {
  pdfMakeLoaded().catch(() => undefined);
}

/** Renders a definition to PDF bytes. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Uint8Array> {
  const pdfMake = await pdfMakeLoaded();
  const buffer = await pdfMake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer);
}
