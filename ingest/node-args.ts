/**
 * Node flags the worker runs with (npm start, benchmarks, tests; package.json's start:ingest
 * repeats them). Its live data is a few MB (at most 3 batches pending, the device and series
 * caches), but under load V8 lets garbage pile up to some 300 MB before a full collection;
 * a 128 MB old space keeps the process near 200 MB at no cost in throughput (bench:ingest).
 * Journal replay reads one segment at a time, so it needs no more.
 */
export const INGEST_NODE_ARGS = ["--max-old-space-size=128"];
