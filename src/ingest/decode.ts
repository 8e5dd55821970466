import chardet from 'chardet';

export interface Decoded {
  text: string;
  /** The encoding the bytes were read as (a WHATWG label). */
  encoding: string;
  /** Set when the bytes were not what they claimed or seemed to be: how they were read instead. */
  note?: string;
}

const SAMPLE_BYTES = 64 * 1024;

/** chardet's names mapped to the WHATWG labels TextDecoder knows; anything else falls back to windows-1252. */
const LABELS: Record<string, string> = {
  'ISO-8859-1': 'windows-1252', // a superset in practice: pages labelled latin-1 use 0x80–0x9F as cp1252
  'windows-1252': 'windows-1252',
  'ISO-8859-2': 'iso-8859-2',
  'ISO-8859-5': 'iso-8859-5',
  'ISO-8859-6': 'iso-8859-6',
  'ISO-8859-7': 'iso-8859-7',
  'ISO-8859-8': 'iso-8859-8',
  'ISO-8859-9': 'windows-1254',
  'windows-1250': 'windows-1250',
  'windows-1251': 'windows-1251',
  'windows-1253': 'windows-1253',
  'windows-1254': 'windows-1254',
  'windows-1255': 'windows-1255',
  'windows-1256': 'windows-1256',
  'KOI8-R': 'koi8-r',
  GB18030: 'gb18030',
  Big5: 'big5',
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  'ISO-2022-JP': 'iso-2022-jp',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
};

function decoderFor(label: string): InstanceType<typeof TextDecoder> | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

/**
 * Bytes to text. A BOM wins; then valid UTF-8; then an encoding the page declares (`declared`, e.g. from
 * <meta charset>); then the statistical guess of chardet (windows-1252, KOI8-R, GB18030, Shift_JIS…);
 * windows-1252 when nothing fits. Never throws: every byte sequence decodes to something.
 */
export function decodeText(bytes: Uint8Array, declared?: string): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: look further
  }
  const { multibyte, malformed } = utf8Census(bytes);
  if (multibyte > 0 && malformed <= multibyte) {
    // Mostly UTF-8 with some broken sequences: keep UTF-8 and say what was lost.
    return {
      text: new TextDecoder('utf-8').decode(bytes),
      encoding: 'utf-8',
      note: `invalid UTF-8: ${malformed} malformed byte sequence${malformed === 1 ? '' : 's'} replaced with U+FFFD`,
    };
  }
  const declaredLabel = declared?.trim().toLowerCase();
  if (declaredLabel && !declaredLabel.startsWith('utf')) {
    const decoder = decoderFor(declaredLabel);
    if (decoder) return { text: decoder.decode(bytes), encoding: decoder.encoding };
  }
  const guess = chardet.detect(bytes.subarray(0, SAMPLE_BYTES));
  const label = (guess && LABELS[guess]) || 'windows-1252';
  const decoder = decoderFor(label) ?? new TextDecoder('windows-1252');
  const note = declaredLabel?.startsWith('utf')
    ? `declared ${declaredLabel} but is not: read as ${decoder.encoding}`
    : `not UTF-8: read as ${decoder.encoding}${guess && LABELS[guess] ? ' (detected)' : ' (fallback)'}`;
  return { text: decoder.decode(bytes), encoding: decoder.encoding, note };
}

/** Counts well-formed multi-byte UTF-8 sequences and malformed bytes. */
function utf8Census(bytes: Uint8Array): { multibyte: number; malformed: number } {
  let multibyte = 0;
  let malformed = 0;
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= n;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      multibyte++;
      i += len;
    } else {
      malformed++;
      i++;
    }
  }
  return { multibyte, malformed };
}

/** Why bytes cannot be a text document, or undefined when they can. */
export function binaryReason(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return undefined;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return undefined;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return 'binary content (NUL bytes), not a text document';
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (n > 0 && control / n > 0.1) return 'binary content (control characters), not a text document';
  return undefined;
}

/** Line endings as \n, and no NUL or other C0 controls but tab and newline (they break FTS and terminals). */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '');
}
