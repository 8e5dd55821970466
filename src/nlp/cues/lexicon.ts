// Cue words for modality, attribution, certainty and channel, as regex sources compiled once
// (see scan.ts). Each family is one alternation; longer phrases come first so they win.

/** What a cue says about the event or claim near it. */
export type CueKind =
  | 'negation' // did not, never, no, failed to
  | 'denial' // denied, rejected claims that
  | 'modal' // could, may, might, would, should
  | 'condition' // if, unless, whether (scope: to the end of its clause)
  | 'future' // will, plans to, is set to
  | 'alleged' // allegedly, accused of, allegations
  | 'reported' // reportedly, "reported changes", according to
  | 'report-verb' // said, told, warns: someone else is speaking
  | 'booster' // confirmed, authenticated, clearly
  | 'hedge'; // possibly, likely, apparently (certainty words)

export const CUE_PATTERNS: Record<CueKind, string> = {
  negation:
    "did\\s+not|does\\s+not|do\\s+not|has\\s+not|have\\s+not|had\\s+not|was\\s+not|were\\s+not|is\\s+not|are\\s+not|" +
    "didn['’]t|doesn['’]t|don['’]t|hasn['’]t|haven['’]t|hadn['’]t|wasn['’]t|weren['’]t|isn['’]t|aren['’]t|" +
    'failed\\s+to|fails\\s+to|refused\\s+to|refuses\\s+to|never|not|no|without|neither|nor',
  denial:
    '(?:rejected|rejects|dismissed|dismisses|refuted|refutes|rebuffed|disputed|disputes)\\s+(?:the\\s+)?(?:claims?|reports?|allegations?|accusations?|suggestions?)|' +
    'denied|denies|deny|denying|denial',
  modal: 'could|may|might|would|should',
  condition: 'if|unless|whether|in\\s+case|in\\s+the\\s+event',
  future:
    "will|shall|['’]ll|(?:is|are|was|were)\\s+(?:set|due|scheduled|poised|expected|going|preparing)\\s+to|" +
    '(?:plans?|planned|planning|intends?|intended|aims?|vowed|vows|pledged|pledges|promised|promises)\\s+to|' +
    'next\\s+(?:week|month|year)',
  alleged:
    'allegedly|purportedly|supposedly|alleged|alleges|allege|allegations?|accused\\s+of|accuses|accusing|accused|' +
    'suspected\\s+of|(?:is|are|was|were)\\s+said\\s+to|accusations?',
  // "reported" as an adjective ("reported changes"), not the verb ("Reuters reported that …").
  reported:
    'reportedly|according\\s+to|reported(?=\\s+(?!(?:that|by|on|in|to|at|from|last|earlier|this|the|a|an|its|their|his|her|it|he|she|they|we|over|after|before|with|for|and|but|as|yesterday|today|late|early|overnight|seeing|being|having)\\b)[a-z])',
  // Not "states", "notes", "labels", "estimated": too often the United States, a noun, an adjective.
  'report-verb':
    'reported|said|says|say|told|tells|stated|announced|announces|noted|added|adds|wrote|writes|' +
    'claimed|claims|claim|insisted|insists|insist|argued|argues|argue|asserted|asserts|assert|contended|contend|warned|warns|warn|' +
    'underscores|underscored|highlights|highlighted|stresses|stressed|emphasizes|emphasized|emphasises|emphasised|' +
    'acknowledged|acknowledges|admitted|admits|revealed|reveals|confirmed|confirms|assessed|assesses|' +
    'concluded|concludes|believes|believe|brands|branded|labeled|labelled|describes|described|' +
    'tout|touts|touted|declared|declares|suggests|suggested|indicates|indicated|implies|implied|shows|showed|details|detailed',
  booster:
    'confirmed|verified|authenticated|proved|proven|clearly|definitely|undoubtedly|certainly|indisputably|' +
    'almost\\s+certainly|beyond\\s+doubt|established',
  hedge:
    'possibly|perhaps|probably|likely|unlikely|apparently|seemingly|potentially|presumably|unconfirmed|' +
    'rumou?red|speculated|it\\s+is\\s+possible|appears\\s+to|appeared\\s+to|seems\\s+to|seemed\\s+to',
};

/** Reporting verbs that commit only the speaker to a charge: the event they carry is alleged, not reported. */
export const ALLEGATION_VERBS: ReadonlySet<string> = new Set([
  'claimed', 'claims', 'claim', 'insisted', 'insists', 'insist', 'contended', 'contend', 'warned', 'warns', 'warn', 'brands', 'branded',
  'labels', 'labeled', 'labelled', 'asserted', 'asserts', 'assert', 'argued', 'argues', 'argue',
]);

/** Reporting verbs that also vouch for what they carry: they raise certainty. */
export const CONFIRMING_VERBS: ReadonlySet<string> = new Set(['confirmed', 'confirms', 'acknowledged', 'acknowledges', 'admitted', 'admits']);

/** Nouns that name a document as a speaker ("the memo warns"); generic heads point back to a specific one. */
export const DOCUMENT_NOUNS: ReadonlySet<string> = new Set([
  'memo', 'memorandum', 'cable', 'dossier', 'letter', 'email', 'e-mail', 'report', 'document', 'paper', 'file',
  'assessment', 'briefing', 'directive', 'order', 'minutes', 'transcript', 'documents', 'files', 'papers',
]);

/** Generic document heads: "the document" refers back to the last specific one ("memo"). */
export const GENERIC_DOCUMENT_NOUNS: ReadonlySet<string> = new Set(['document', 'paper', 'file', 'documents', 'files', 'papers']);

/** Words that make a person-like source anonymous when they are the whole source. */
export const ANONYMOUS_SOURCE_HEADS: ReadonlySet<string> = new Set([
  'sources', 'source', 'officials', 'official', 'insiders', 'insider', 'diplomats', 'diplomat', 'people', 'person',
]);
