export { provenanceStage, readProvenance } from './component.js';
export { sameDocument, sameAuthor, mergeSignature, signatureKey } from './signature.js';
export * from './credibility/index.js';
