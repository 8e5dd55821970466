import type { AddressObject } from 'mailparser';
import type { DocumentDraft } from '../../model/index.js';
import { cleanText } from '../decode.js';
import { rejected, single, type Reader } from './reader.js';
import { htmlToText } from './html-text.js';

/** `Name <address>` for each address of a header, comma-separated. */
const addresses = (v: AddressObject | AddressObject[] | undefined): string | undefined => {
  const text = [v ?? []]
    .flat()
    .flatMap((a) => a.value ?? [])
    .map((m) => (m.name && m.address ? `${m.name} <${m.address}>` : m.name || m.address || ''))
    .filter(Boolean)
    .join(', ');
  return text || undefined;
};

/** mailparser loads on the first message, not at start-up. */
let mailparser: Promise<typeof import('mailparser')> | undefined;

/** Reads an RFC 5322 message (.eml): Subject as title, From as byline, Date as publication date, the text body. */
export const emailReader: Reader = {
  format: 'email',
  async read(bytes, ref) {
    const { simpleParser } = await (mailparser ??= import('mailparser'));
    let mail;
    try {
      mail = await simpleParser(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
        skipHtmlToText: true,
        skipImageLinks: true,
        skipTextToHtml: true,
        skipTextLinks: true,
        keepCidLinks: true,
        checksumAlgo: false,
        maxHtmlLengthToParse: 4 * 1024 * 1024,
      });
    } catch (err) {
      return rejected(ref, `invalid e-mail: ${(err as Error).message}`);
    }
    const body = mail.text?.trim() ? mail.text : typeof mail.html === 'string' ? htmlToText(mail.html) : '';
    const text = cleanText(body).trim();
    if (!text) return rejected(ref, 'e-mail has no text body');
    if (!mail.headerLines.length) return rejected(ref, 'not an e-mail: no headers');
    const extra: Record<string, unknown> = {};
    const to = addresses(mail.to);
    if (to) extra.to = to;
    const cc = addresses(mail.cc);
    if (cc) extra.cc = cc;
    if (mail.messageId) extra.messageId = mail.messageId;
    if (mail.attachments.length) extra.attachments = mail.attachments.map((a) => a.filename ?? a.contentType).slice(0, 100);
    const draft: DocumentDraft = {
      text,
      format: 'email',
      title: mail.subject?.trim() || undefined,
      byline: addresses(mail.from),
      publishedAt: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : undefined,
      extra: Object.keys(extra).length ? extra : undefined,
    };
    return single(ref, draft);
  },
};
