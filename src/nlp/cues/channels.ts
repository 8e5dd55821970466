import type { Channel } from '../../model/index.js';

/** Channel phrases, strongest first within each channel. Matched case-insensitively on word bounds. */
export const CHANNEL_PATTERNS: readonly (readonly [Channel, string])[] = [
  ['anonymous-source',
    'on\\s+(?:the\\s+)?condition\\s+of\\s+anonymity|spoke\\s+anonymously|speaking\\s+anonymously|declined\\s+to\\s+be\\s+(?:named|identified)|' +
    'not\\s+authori[sz]ed\\s+to\\s+speak|(?:people|persons|sources?)\\s+(?:familiar|close)\\s+(?:with|to)|' +
    '(?:unnamed|anonymous)\\s+(?:officials?|sources?|diplomats?)|sources\\s+(?:say|said|told)|a\\s+source\\s+(?:said|told)'],
  ['intelligence-assessment',
    'intelligence\\s+(?:agencies|agency|services|officials|community|analysts)\\s+(?:have\\s+)?(?:assessed|assess|assesses|believe|believes|concluded|conclude|estimate|estimated|judge|judged)|' +
    'intelligence\\s+assessments?|authenticated\\s+by\\s+(?:[a-z]+\\s+){0,2}intelligence|according\\s+to\\s+(?:[a-z]+\\s+){0,2}intelligence|' +
    '(?:[a-z]+\\s+)?intelligence\\s+(?:agencies|services)\\s+(?:say|said)'],
  ['leaked-document',
    'leaked\\s+(?:[a-z]+\\s+){0,4}(?:memo|memorandum|documents?|cables?|dossier|letter|e-?mails?|files?|papers?|report|minutes)|' +
    '(?:memo|memorandum|documents?|cables?|dossier|letter|e-?mails?|files?|papers?|report)\\s+(?:was\\s+|were\\s+)?leaked|' +
    'leaks?\\s+platform|published\\s+by\\s+(?:[a-z]+\\s+){0,2}leaks|' +
    '(?:memo|memorandum|documents?|cables?|dossier|letter|e-?mails?|files?|papers?|report)[^.;]{0,60}?(?:obtained|acquired|seen)\\s+by'],
  ['private-document',
    '(?:confidential|classified|internal|secret|private)\\s+(?:[a-z]+\\s+){0,4}(?:memo|memorandum|documents?|cables?|dossier|letter|e-?mails?|files?|papers?|report|assessment|briefing)|' +
    '(?:the\\s+)?(?:memo|memorandum|cable|dossier)\\s+(?:warns|warned|says|said|states|stated|notes|noted|describes|described|brands|branded|labels|labeled|calls|called|reveals|revealed|underscores|underscored)'],
  ['public-statement',
    'at\\s+a\\s+(?:joint\\s+)?(?:press|news)\\s+conference|told\\s+(?:reporters|journalists|the\\s+press)|in\\s+a\\s+(?:joint\\s+)?(?:written\\s+)?statement|' +
    'in\\s+a\\s+(?:televised\\s+)?(?:speech|address|interview)|joint\\s+statement|press\\s+release|publicly|public\\s+(?:professions?|statements?|remarks|unity)|' +
    'on\\s+state\\s+(?:television|tv|media)|(?:posted|wrote)\\s+on\\s+(?:x|twitter|telegram|social\\s+media)|tweeted|' +
    'touts?|touted|proclaim(?:s|ed)?|(?:diplomatic\\s+)?summits?|state\\s+visit|news\\s+briefing|briefed\\s+reporters|' +
    'joint\\s+(?:military\\s+|naval\\s+|air\\s+)?(?:drills|exercises|patrols)'],
];
