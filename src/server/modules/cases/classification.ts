// Classification moved to the tracing module; the testing module still imports this type from here.
export type { ClassificationRuleSets } from '../tracing/classification';
