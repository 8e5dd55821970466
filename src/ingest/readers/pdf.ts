import type { DocumentDraft } from '../../model/index.js';
import { cleanText } from '../decode.js';
import { toIsoDate } from '../dates.js';
import { rejected, single, type Reader } from './reader.js';

/** Pages read from one PDF at most: reports are long, but a 5,000-page dump is not one document. */
const MAX_PAGES = 2000;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
/** pdf.js is large: loaded on the first PDF, not at start-up. */
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

interface TextItem {
  str: string;
  hasEOL: boolean;
}

/** Reads the text layer of a PDF with pdf.js (no OCR: a scanned PDF without text is rejected as such). */
export const pdfReader: Reader = {
  format: 'pdf',
  async read(bytes, ref) {
    const { getDocument } = await loadPdfJs();
    // pdf.js detaches the buffer it is given: hand it a copy.
    const task = getDocument({
      data: new Uint8Array(bytes),
      verbosity: 0,
      isEvalSupported: false,
      disableFontFace: true,
      stopAtErrors: false,
      useWorkerFetch: false,
    });
    try {
      const pdf = await task.promise;
      const pages: string[] = [];
      const pageCount = Math.min(pdf.numPages, MAX_PAGES);
      for (let n = 1; n <= pageCount; n++) {
        try {
          const page = await pdf.getPage(n);
          const content = await page.getTextContent();
          pages.push(pageText(content.items as TextItem[]));
          page.cleanup();
        } catch {
          pages.push(''); // one unreadable page does not lose the others
        }
      }
      const text = cleanText(pages.join('\n\n')).replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
      if (!text) return rejected(ref, 'PDF has no text layer (scanned or empty pages; OCR is not supported)');
      const info = ((await pdf.getMetadata().catch(() => undefined))?.info ?? {}) as Record<string, unknown>;
      const draft: DocumentDraft = {
        text,
        format: 'pdf',
        title: infoString(info.Title),
        byline: infoString(info.Author),
        publishedAt: toIsoDate(infoString(info.CreationDate)),
        language: typeof info.Language === 'string' ? info.Language.toLowerCase().split('-')[0] || undefined : undefined,
      };
      if (pdf.numPages > MAX_PAGES) draft.extra = { truncated: `first ${MAX_PAGES} of ${pdf.numPages} pages` };
      return single(ref, draft);
    } catch (err) {
      const e = err as Error;
      if (e.name === 'PasswordException') return rejected(ref, 'PDF is encrypted with a password');
      if (e.name === 'InvalidPDFException') return rejected(ref, `invalid PDF: ${e.message}`);
      return rejected(ref, `unreadable PDF: ${e.message}`);
    } finally {
      await task.destroy().catch(() => undefined);
    }
  },
};

function pageText(items: TextItem[]): string {
  let out = '';
  for (const item of items) {
    if (typeof item.str !== 'string') continue; // marked-content entries carry no text
    out += item.str;
    if (item.hasEOL) out += '\n';
    else if (item.str && !out.endsWith(' ')) out += ' ';
  }
  return out;
}

function infoString(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
