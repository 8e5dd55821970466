export { admiraltyGrade, type GradeInput, type RatedSource, type DocumentStanding } from './grade.js';
export { loadRatings, ratingsFrom, CredibilityRatings, CREDIBILITY_DATA_DIR, type Rating, type RatingsData } from './ratings.js';
export { gradeClaims, credibilityStage, CREDIBILITY_RATINGS, ClaimContext } from './component.js';
