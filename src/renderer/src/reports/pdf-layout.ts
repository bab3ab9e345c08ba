import type { Content, DynamicContent, Node, NodeQueries, TableCell, TDocumentDefinitions, Watermark } from 'pdfmake/interfaces';
import { normalizeIdentifier } from '../domain/identifiers';

// Pieces both Cerfa documents share: the running header and footer, titles, label/value tables that break
// cleanly across pages, and the BROUILLON watermark. Everything here is data → pdfmake definition.

export const NOT_FILLED = 'Non renseigné';

export function orDash(value: string | number | undefined): string {
  return value === undefined || value === '' ? NOT_FILLED : String(value);
}

/** `84213975000017` → `842 139 750 00017` (SIREN in threes, then the NIC), with no-break spaces. */
export function formatSiret(siret: string | undefined): string {
  if (siret === undefined) return NOT_FILLED;
  const digits = normalizeIdentifier(siret);
  if (!/^\d{14}$/.test(digits)) return siret;
  return `${digits.slice(0, 3)}\u00a0${digits.slice(3, 6)}\u00a0${digits.slice(6, 9)}\u00a0${digits.slice(9)}`;
}

function runningHeader(associationName: string, documentTitle: string): DynamicContent {
  return () => ({
    margin: [40, 20, 40, 0],
    columns: [
      { text: associationName, bold: true, fontSize: 8, color: '#333333' },
      { text: documentTitle, alignment: 'right', fontSize: 8, color: '#555555' },
    ],
  });
}

/** « page 3 / 12 » at the foot of every page. */
function pageFooter(form: string): DynamicContent {
  return (currentPage: number, pageCount: number) => ({
    margin: [40, 10, 40, 0],
    columns: [
      { text: form, fontSize: 7, color: '#666666' },
      { text: `page ${currentPage} / ${pageCount}`, alignment: 'right', fontSize: 8 },
    ],
  });
}

function draftWatermark(draft: boolean): Watermark | undefined {
  return draft ? { text: 'BROUILLON', color: '#c62828', opacity: 0.15, bold: true, angle: -45 } : undefined;
}

/** Titles carry a headline level so that keepTitlesWithContent can move one that would end a page. */
const TITLE_LEVEL = 1;

export function sectionTitle(text: string, pageBreak = false): Content {
  return { text, style: 'section', headlineLevel: TITLE_LEVEL, ...(pageBreak ? { pageBreak: 'before' as const } : {}) };
}

export function subTitle(text: string): Content {
  return { text, style: 'subsection', headlineLevel: TITLE_LEVEL };
}

/**
 * Sections flow one after another; a title left alone at the foot of a page (nothing but other titles
 * after it there) goes to the next page with its content.
 */
function keepTitlesWithContent(currentNode: Node, nodes: NodeQueries): boolean {
  if (currentNode.headlineLevel !== TITLE_LEVEL) return false;
  return nodes.getFollowingNodesOnPage().every((node) => node.headlineLevel === TITLE_LEVEL);
}

export function paragraph(text: string | undefined): Content {
  return { text: orDash(text), style: 'body', ...(text === undefined ? { italics: true, color: '#777777' } : {}) };
}

/** A two-column table: label, value. Rows never split across two pages. */
export function labelValueTable(rows: readonly (readonly [string, string])[]): Content {
  return {
    table: {
      widths: [170, '*'],
      dontBreakRows: true,
      body: rows.map(([label, value]) => [
        { text: label, style: 'label' },
        { text: value, style: 'value', ...(value === NOT_FILLED ? { italics: true, color: '#777777' } : {}) },
      ]),
    },
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0 : 0.5),
      vLineWidth: () => 0,
      hLineColor: () => '#c8ced8',
    },
    margin: [0, 1, 0, 5],
  };
}

/** A data table whose header row repeats on each page and whose rows never split. */
export function dataTable(header: readonly string[], rows: readonly TableCell[][], widths: (string | number)[]): Content {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths,
      body: [header.map((text) => ({ text, style: 'tableHeader' })), ...rows],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 8],
  };
}

const documentStyles: TDocumentDefinitions['styles'] = {
  title: { fontSize: 18, bold: true, margin: [0, 0, 0, 6] },
  subtitle: { fontSize: 11, color: '#333333', margin: [0, 0, 0, 14] },
  section: { fontSize: 12, bold: true, color: '#1a3d6d', margin: [0, 9, 0, 4] },
  subsection: { fontSize: 10, bold: true, margin: [0, 5, 0, 3] },
  body: { fontSize: 9, lineHeight: 1.15, margin: [0, 0, 0, 4] },
  label: { fontSize: 8.5, color: '#333333' },
  value: { fontSize: 9 },
  tableHeader: { fontSize: 9, bold: true, fillColor: '#e8eef6' },
  small: { fontSize: 8, color: '#555555' },
};

const pageSetup = {
  pageSize: 'A4' as const,
  pageMargins: [40, 50, 40, 45] as [number, number, number, number],
  defaultStyle: { font: 'Roboto', fontSize: 9.5 },
};

/**
 * The frame both Cerfa documents share: A4 and its margins, the association and the document's title above
 * every page (« — BROUILLON » on a draft, with the watermark), the form's number and the page count below,
 * titles kept with what follows them, the styles.
 */
export function cerfaDocument(frame: {
  /** The Cerfa's number, e.g. « 12156*06 ». */
  form: string;
  /** The PDF's title in its properties. */
  title: string;
  associationName: string;
  /** The title at the top right of every page. */
  runningTitle: string;
  draft: boolean;
  content: Content[];
}): TDocumentDefinitions {
  const watermark = draftWatermark(frame.draft);
  return {
    ...pageSetup,
    info: { title: frame.title, author: frame.associationName, subject: `Cerfa ${frame.form}` },
    header: runningHeader(frame.associationName, `${frame.runningTitle}${frame.draft ? ' — BROUILLON' : ''}`),
    footer: pageFooter(`Structure du formulaire Cerfa n° ${frame.form}`),
    ...(watermark ? { watermark } : {}),
    pageBreakBefore: keepTitlesWithContent,
    content: frame.content,
    styles: documentStyles,
  };
}
