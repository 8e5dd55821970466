export { relationshipsStage, relationshipsStageDefinition, type RelationshipsStageOptions } from './corpus-stage.js';
export { RelationshipsStage, type RelationshipsOptions, type UpdateSummary, type CatchUpProgress } from './stage.js';
export { fingerprintIdentity, type EventIdentity } from './identity.js';
export { channelOf } from './channels.js';
export { dyadSeries, dyadReport, normalizeKey, DyadQueryError, type DyadQuery, type DyadReport, type DyadSeriesReport } from './report.js';
export { riftOf, crosses, DEFAULT_RIFT, DEFAULT_ALERT_RULE, type RiftParameters, type AlertRule } from './rift.js';
export { renderDyad, renderAlerts, sparkline } from './render.js';
export { pairBrief, type PairBrief } from './brief.js';
