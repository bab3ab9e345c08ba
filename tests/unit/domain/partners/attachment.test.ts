import { describe, expect, it } from 'vitest';
import {
  MAX_ATTACHMENT_BYTES,
  checkAttachment,
  checkPaperMeta,
  formatFileSize,
  paperKindLabel,
} from '../../../../src/renderer/src/domain/partners/attachment';
import { applicationPapersOf } from '../../../../src/renderer/src/domain/dossier/dossier-model';

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);

describe('checkAttachment', () => {
  it.each([
    ['convention signée.pdf', 'application/pdf', PDF, 'application/pdf'],
    ['scan.PNG', '', PNG, 'image/png'],
    ['photo.jpeg', 'image/jpeg', JPEG, 'image/jpeg'],
    ['photo.jpg', undefined, JPEG, 'image/jpeg'],
  ])('accepts %s', (fileName, declaredType, head, mimeType) => {
    expect(checkAttachment({ fileName, declaredType, head, size: 12_000 })).toEqual({ ok: true, mimeType });
  });

  it.each([
    [
      'a program renamed .pdf',
      { fileName: 'convention.pdf', declaredType: 'application/pdf', head: EXE, size: 5000 },
      '« convention.pdf »\u00a0: le contenu n’est pas celui d’un fichier PDF, malgré son nom. Il n’a pas été joint.',
    ],
    [
      'an .exe',
      { fileName: 'setup.exe', declaredType: 'application/x-msdownload', head: EXE, size: 5000 },
      '« setup.exe »\u00a0: type de fichier refusé (.exe) — seuls les PDF et les images JPEG ou PNG sont acceptés.',
    ],
    [
      'a Word file',
      { fileName: 'convention.docx', head: PDF, size: 5000 },
      '« convention.docx »\u00a0: type de fichier refusé (.docx) — seuls les PDF et les images JPEG ou PNG sont acceptés.',
    ],
    [
      'a PNG announced as a PDF',
      { fileName: 'scan.pdf', declaredType: 'image/png', head: PNG, size: 5000 },
      '« scan.pdf »\u00a0: le type annoncé (image/png) ne correspond pas à l’extension .pdf — seuls les PDF et les images JPEG ou PNG sont acceptés.',
    ],
    ['an empty file', { fileName: 'vide.pdf', head: new Uint8Array(), size: 0 }, '« vide.pdf »\u00a0: le fichier est vide.'],
    [
      'a file over 10 Mo',
      { fileName: 'gros.pdf', head: PDF, size: MAX_ATTACHMENT_BYTES + 1 },
      '« gros.pdf »\u00a0: le fichier pèse 10\u00a0Mo, la limite est de 10\u00a0Mo. Réduisez sa taille (numérisation en 150 ou 200 dpi) ou gardez-le dans un dossier partagé.',
    ],
  ])('refuses %s', (_label, candidate, problem) => {
    expect(checkAttachment(candidate)).toEqual({ ok: false, problem });
  });

  it('accepts exactly the limit', () => {
    expect(checkAttachment({ fileName: 'a.pdf', head: PDF, size: MAX_ATTACHMENT_BYTES }).ok).toBe(true);
  });

  it('formats sizes', () => {
    expect(formatFileSize(200)).toBe('1\u00a0Ko');
    expect(formatFileSize(250_000)).toBe('244\u00a0Ko');
    expect(formatFileSize(2.5 * 1024 * 1024)).toBe('2,5\u00a0Mo');
  });
});

describe('papers of every record (issue 19)', () => {
  it('accepts a grant’s convention with its validity date, and refuses a kind of another record or an unreadable date', () => {
    expect(checkPaperMeta('grant-application', { paperKind: 'convention', validUntil: '2027-12-31' })).toEqual({
      ok: true,
      value: { paperKind: 'convention', validUntil: '2027-12-31' },
    });
    expect(checkPaperMeta('grant-application', { paperKind: 'signed-contract' })).toEqual({
      ok: false,
      problem: 'Type de pièce\u00a0: choisissez dans la liste.',
    });
    expect(checkPaperMeta('contract', { validUntil: '2027-02-31' })).toMatchObject({ ok: false });
    expect(checkPaperMeta('contract', { paperKind: '', validUntil: '' })).toEqual({ ok: true, value: {} });
  });

  it('names each kind in French', () => {
    expect(paperKindLabel('grant-application', 'refusal-letter')).toBe('Lettre de refus');
    expect(paperKindLabel('aided-post', 'aid-convention')).toBe('Convention de l’aide (PEC, adulte-relais, FONJEP)');
    expect(paperKindLabel('grant-application', undefined)).toBeUndefined();
  });

  it('lists the papers of the dossier’s applications, expired the day after their last valid day', () => {
    const apps = [{ id: 'a1', title: 'Fête de quartier 2027' }];
    const papers = [
      { ownerId: 'a1', fileName: 'convention.pdf', paperKind: 'convention', validUntil: '2026-11-24' },
      { ownerId: 'a1', fileName: 'notification.pdf', paperKind: 'notification' },
      { ownerId: 'other', fileName: 'x.pdf', paperKind: 'convention' },
    ];
    expect(applicationPapersOf(apps, papers, '2026-11-24').map((p) => [p.label, p.status])).toEqual([
      ['Convention — Fête de quartier 2027', 'attached'],
      ['Notification — Fête de quartier 2027', 'attached'],
    ]);
    expect(applicationPapersOf(apps, papers, '2026-11-25')[0]).toMatchObject({ status: 'expired', validUntil: '2026-11-24' });
  });
});
