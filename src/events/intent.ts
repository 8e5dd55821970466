/**
 * CAMEO codes a stated intention apart from the act: "will provide aid" is 0331 (express intent to
 * provide economic aid), "would boycott" 133 (threaten with dissent). PLOVER follows: AGREE and THREATEN.
 * This maps an act's code to its intent code when the trigger stands under "will", "would", "ready to"…
 */
import type { SentenceView } from './sentence-view.js';

const MODALS = new Set(['will', 'would', 'shall', "'ll"]);
const INTENT_VERBS = new Set([
  'ready', 'willing', 'prepared', 'plan', 'plans', 'planned', 'planning', 'offer', 'offers', 'offered', 'promise', 'promises',
  'promised', 'pledge', 'pledges', 'pledged', 'vow', 'vows', 'vowed', 'agree', 'agrees', 'agreed', 'decided', 'intend',
  'intends', 'intended', 'threaten', 'threatens', 'threatened',
]);

/** Modals that state an intention only for force and pressure: "may halt mediation" is a threat, "may send aid" no promise. */
const THREAT_MODALS = new Set(['may', 'might', 'could']);

/** Does the trigger at i state an intention ("will send", "would never allow", "is ready to contribute")? */
export function statesIntent(view: SentenceView, i: number, code = ''): boolean {
  let k = i - 1;
  while (k >= 0 && (view.words[k] === 'not' || view.words[k] === 'also' || view.words[k] === 'soon' || view.words[k] === 'be' || view.words[k].endsWith('ly'))) k--;
  if (k < 0) return false;
  if (MODALS.has(view.words[k])) return true;
  if (THREAT_MODALS.has(view.words[k]) && CONFLICTUAL.some(([prefix]) => code.startsWith(prefix))) return true;
  return view.words[k] === 'to' && k > 0 && INTENT_VERBS.has(view.words[k - 1]);
}

const COOPERATIVE: [string, string][] = [
  ['061', '0311'], ['062', '0312'], ['063', '0313'], ['064', '0314'], ['06', '031'],
  ['071', '0331'], ['072', '0332'], ['073', '0333'], ['074', '0334'], ['07', '033'],
  ['081', '0351'], ['082', '0352'], ['083', '034'], ['084', '0353'], ['085', '0354'], ['086', '0355'], ['087', '0356'], ['08', '035'],
  ['04', '036'], ['05', '032'],
];
const CONFLICTUAL: [string, string][] = [
  ['14', '133'], ['15', '138'],
  ['161', '1313'], ['162', '1311'], ['163', '1312'], ['164', '134'], ['165', '135'], ['166', '136'], ['16', '131'],
  ['1723', '1323'], ['1724', '1324'], ['172', '132'], ['17', '130'],
  ['18', '138'], ['19', '138'], ['20', '138'],
];

/** The intent code for an act's code, or the code itself when it has none (statements, appeals, accusations…). */
export function intentCode(code: string): string {
  for (const [prefix, intent] of COOPERATIVE) if (code.startsWith(prefix)) return intent;
  for (const [prefix, intent] of CONFLICTUAL) if (code.startsWith(prefix)) return intent;
  return code;
}
