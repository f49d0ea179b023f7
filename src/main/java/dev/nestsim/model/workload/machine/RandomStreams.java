package dev.nestsim.model.workload.machine;

import java.util.EnumMap;
import java.util.Map;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.rng.RandomStream;

/**
 * Creates every random stream of a run from the run's seed: one MRG32k3a stream per {@link Source}, seeded
 * explicitly (never from MRG32k3a's class-wide seed, which is shared and unsynchronized), and advanced to
 * substream {@code r} for replication {@code r}. The same seed gives the same draws for every path, which is
 * what makes the native counterpart and the configurations of one request use common random numbers.
 */
public final class RandomStreams {

    private static final long M1 = 4294967087L;
    private static final long M2 = 4294944443L;

    private final Map<Source, MRG32k3a> streams = new EnumMap<>(Source.class);

    /** The streams of replication {@code replication} (0-based) of a run seeded with {@code seed}. */
    public RandomStreams(long seed, int replication) {
        for (Source source : Source.values()) {
            MRG32k3a stream = newStream();
            stream.setSeed(seedOf(seed, source.ordinal()));
            for (int r = 0; r < replication; r++) {
                stream.resetNextSubstream();
            }
            streams.put(source, stream);
        }
    }

    public RandomStream stream(Source source) {
        return streams.get(source);
    }

    /**
     * MRG32k3a's constructor reads and advances a class-wide seed without synchronization; the instance's own
     * seed is overwritten at once, but the constructor is serialized so concurrent runs never race on it.
     */
    private static MRG32k3a newStream() {
        synchronized (MRG32k3a.class) {
            return new MRG32k3a();
        }
    }

    /** Six seed components in MRG32k3a's valid ranges, from the run seed and the source (SplitMix64). */
    static long[] seedOf(long seed, int source) {
        long state = seed * 0x9E3779B97F4A7C15L + (source + 1) * 0xD1B54A32D192ED03L;
        long[] s = new long[6];
        for (int i = 0; i < 6; i++) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            long modulus = i < 3 ? M1 : M2;
            s[i] = 1 + Math.floorMod(z, modulus - 1);
        }
        return s;
    }
}
