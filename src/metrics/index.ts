/** The metrics module: pure figures for the Metrics panel, the CLI and the benchmark. */
export {
  DEFAULT_LOAD_FACTOR,
  SPAN_BUCKETS,
  computeMetrics,
  loadFactorOf,
  loadedCost,
  spanBucket,
  type ManagerSpan,
  type OrgMetrics,
  type SpanBucket,
  type SpanBucketLabel,
  type TargetCoverage,
} from './metrics.ts';
