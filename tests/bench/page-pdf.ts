import * as pdfMake from 'pdfmake/build/pdfmake';
import vfs from 'pdfmake/build/vfs_fonts';

// The reference one-page document of the bench: what pdfmake costs for almost nothing, beside the dossiers.

let ready = false;

export async function renderOnePage(): Promise<number> {
  if (!ready) {
    pdfMake.addVirtualFileSystem(vfs);
    ready = true;
  }
  const buffer = await pdfMake
    .createPdf({
      info: { title: 'Page de référence' },
      content: [
        { text: 'Les Amis du Quartier', fontSize: 16, bold: true },
        { text: 'Une page de référence pour mesurer pdfmake seul.', margin: [0, 8, 0, 8] },
        {
          table: {
            body: [
              ['Compte', 'Montant'],
              ['64 – Rémunération des personnels', '128 077 €'],
              ['74 – Subventions', '167 500 €'],
            ],
          },
        },
      ],
    })
    .getBuffer();
  return buffer.byteLength;
}
