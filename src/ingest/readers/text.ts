import { decodeText } from '../decode.js';
import { single, type Reader } from './reader.js';

export const textReader: Reader = {
  format: 'text',
  read(bytes, ref) {
    const { text } = decodeText(bytes);
    return single(ref, { text: text.replace(/\r\n?/g, '\n'), format: 'text' });
  },
};
