/**
 * Refusing to cooperate is an act of its own: CAMEO codes "would not provide support", "refused to meet" and "will
 * not release the prisoners" as rejections (12x), not as the cooperation they deny. This finds the refusal in front
 * of a cooperative trigger and gives the rejection code; the trigger then spans the refusal ("refused to meet"), so
 * the modality stage reads it as the act it is, not as a negated meeting.
 */
import type { SentenceView } from './sentence-view.js';

const MODALS = new Set(['will', 'would', 'shall', 'can', 'could', 'wo', 'ca']);
const NOT = new Set(['not', "n't", 'never']);
const REFUSING = new Set(['refuse', 'refuses', 'refused', 'refusing', 'decline', 'declines', 'declined', 'declining', 'rejected', 'reject', 'rejects', 'rejecting']);
const WILLING = new Set(['willing', 'ready', 'prepared', 'going', 'planning', 'intend', 'intends']);
/** Words that may stand between the refusal and the trigger: "would not immediately", "refused to even". */
const BETWEEN = new Set(['be', 'immediately', 'even', 'also', 'yet', 'ever', 'again', 'now', 'further', 'directly', 'formally']);

/**
 * Where a refusal in front of the trigger at i starts ("would not", "refused to", "is not willing to"), or -1 when
 * the trigger is not refused. Only intentions are refusals: "did not meet" says a meeting did not happen.
 */
export function refusalBefore(view: SentenceView, i: number): number {
  const words = view.words;
  let k = i - 1;
  while (k >= 0 && BETWEEN.has(words[k])) k--;
  if (k >= 1 && words[k] === 'to') {
    // "refused to meet", "declined to support", "is not willing to provide", "would not be ready to"
    const w = words[k - 1];
    if (REFUSING.has(w)) return k - 1;
    if (WILLING.has(w) && k >= 2) {
      let m = k - 2;
      while (m >= 0 && (words[m] === 'be' || words[m] === 'is' || words[m] === 'are' || words[m] === 'was' || words[m] === 'were')) m--;
      if (m >= 0 && NOT.has(words[m])) return m;
      if (m >= 0 && words[m] === 'un' + w) return m;
    }
    if (w === 'unwilling' || w === 'unprepared') return k - 1;
    return -1;
  }
  // "would not provide", "won't meet" (tokens "wo" "n't"), "will never accept"
  if (k >= 1 && NOT.has(words[k]) && MODALS.has(words[k - 1])) return k - 1;
  return -1;
}

/** The rejection CAMEO codes for refusing what a cooperative code (roots 03–08) describes; undefined for other codes. */
export function rejectionCode(code: string): string | undefined {
  const root = code.slice(0, 2);
  switch (root) {
    case '03': {
      // Intentions: 031 material cooperation, 032 diplomatic, 033 aid, 034 reform, 035 yield, 036 meet, 037 settle, 038/039 mediation.
      const kind = code.charAt(2);
      return ({ '1': '121', '2': '120', '3': '122', '4': '123', '5': '124', '6': '125', '7': '127', '8': '126', '9': '126' } as Record<string, string>)[kind] ?? '120';
    }
    case '04':
      return '125';
    case '05':
      return code.startsWith('057') ? '127' : '120';
    case '06':
      return code.startsWith('061') ? '1211' : code.startsWith('062') ? '1212' : '121';
    case '07':
      return code.startsWith('071') ? '1221' : code.startsWith('072') ? '1222' : code.startsWith('073') ? '1223' : code.startsWith('074') ? '1224' : '122';
    case '08':
      return code.startsWith('084') ? '1243' : code.startsWith('085') ? '1244' : code.startsWith('086') ? '1245' : code.startsWith('087') ? '1246' : '124';
    default:
      return undefined;
  }
}
