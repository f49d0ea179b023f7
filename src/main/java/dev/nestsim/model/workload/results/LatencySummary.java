package dev.nestsim.model.workload.results;

/**
 * What a replication keeps of its latencies: their count, mean and the nearest-rank percentiles the results report,
 * so that a replication's outcome holds a few numbers rather than every sample (a long Memcached replication measures
 * millions of operations; the native memo keeps hundreds of outcomes).
 *
 * @param count  latencies measured in the window
 * @param meanUs their mean, in microseconds (0 without any)
 * @param p50Us  the 0.50-quantile, nearest rank
 * @param p90Us  the 0.90-quantile
 * @param p99Us  the 0.99-quantile
 */
public record LatencySummary(int count, double meanUs, double p50Us, double p90Us, double p99Us) {

    static final LatencySummary NONE = new LatencySummary(0, 0, 0, 0, 0);

    /** The summary of {@code sorted}, ascending latencies in microseconds. */
    static LatencySummary of(double[] sorted) {
        if (sorted.length == 0) {
            return NONE;
        }
        double sum = 0;
        for (double l : sorted) {
            sum += l;
        }
        return new LatencySummary(sorted.length, sum / sorted.length, quantile(sorted, 0.50), quantile(sorted, 0.90),
                quantile(sorted, 0.99));
    }

    private static double quantile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
