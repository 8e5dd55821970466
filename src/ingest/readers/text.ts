import { cleanText, decodeText } from '../decode.js';
import { single, type Reader } from './reader.js';

/** Plain text in any common encoding (see decodeText). */
export const textReader: Reader = {
  format: 'text',
  read(bytes, ref) {
    const { text, note } = decodeText(bytes);
    return single(ref, { text: cleanText(text), format: 'text', extra: note ? { encoding: note } : undefined });
  },
};
