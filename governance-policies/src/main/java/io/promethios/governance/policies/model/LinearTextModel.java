package io.promethios.governance.policies.model;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A linear text classifier over hashed word features: logistic regression on the distinct word
 * unigrams and bigrams of a text, each hashed into one of {@value #BUCKETS} buckets, scaled by
 * {@code 1 / sqrt(n + 1)} for {@code n} distinct features. It scores in one pass over the text
 * with one weight lookup per feature (the weight table is 512 KB, so it stays in a core's L2
 * cache), and allocates nothing per call beyond a per-thread scratch buffer, which also keeps the
 * features of the last text scored (up to 64K chars) for the next model that scores the same text.
 *
 * <p>Models are trained by {@link ModelTrainer} from labeled data and stored in a small binary
 * format ({@link #write(OutputStream)}, {@link #read(InputStream)}); the built-in ones ship as
 * resources of this package. A model carries its decision threshold: {@link #flags(String)} is
 * {@code logit(text) >= thresholdLogit}.
 *
 * <p><b>Features.</b> The input is expected to be normalized already (see
 * {@link io.promethios.governance.policies.text.TextNormalizer}). A token is a maximal run of ASCII
 * letters, digits and apostrophes, or of non-ASCII characters outside the punctuation and symbol
 * blocks; tokens are lower-cased. Features are each token and each pair of adjacent tokens. The
 * definition uses no Unicode tables that change between JDK versions, so a model trains to the
 * same bytes on every JDK.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LinearTextModel {

    /** Number of hash buckets (2^17). */
    public static final int BUCKETS = 1 << 17;
    private static final int MAGIC = 0x50474c4d; // "PGLM"
    private static final int VERSION = 1;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final String name;
    private final float[] weights;
    private final double bias;
    private final double thresholdLogit;

    private LinearTextModel(String name, float[] weights, double bias, double thresholdLogit) {
        this.name = name;
        this.weights = weights;
        this.bias = bias;
        this.thresholdLogit = thresholdLogit;
    }

    /**
     * A model from its parts.
     *
     * @param name           a short name, as shown in errors and reports
     * @param weights        {@link #BUCKETS} finite weights (copied)
     * @param bias           the intercept, finite
     * @param thresholdLogit the decision threshold on the logit scale, finite
     * @throws IllegalArgumentException for a wrong length or a non-finite value
     */
    public static LinearTextModel of(String name, float[] weights, double bias, double thresholdLogit) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(weights, "weights");
        if (weights.length != BUCKETS) {
            throw new IllegalArgumentException("model '" + name + "': expected " + BUCKETS + " weights, got " + weights.length);
        }
        for (int i = 0; i < weights.length; i++) {
            if (!Float.isFinite(weights[i])) {
                throw new IllegalArgumentException("model '" + name + "': weight " + i + " is not finite");
            }
        }
        if (!Double.isFinite(bias) || !Double.isFinite(thresholdLogit)) {
            throw new IllegalArgumentException("model '" + name + "': bias and threshold must be finite");
        }
        return new LinearTextModel(name, weights.clone(), bias, thresholdLogit);
    }

    /**
     * This model with another decision threshold (the same weights, shared, not copied).
     *
     * @param probability the new threshold as a probability, strictly between 0 and 1
     * @throws IllegalArgumentException if it is not
     */
    public LinearTextModel withThreshold(double probability) {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("model '" + name + "': threshold must be strictly between 0 and 1, but was " + probability);
        }
        return new LinearTextModel(name, weights, bias, Math.log(probability / (1 - probability)));
    }

    /** The model's name. */
    public String name() {
        return name;
    }

    /** The decision threshold on the logit scale. */
    public double thresholdLogit() {
        return thresholdLogit;
    }

    /** The decision threshold as a probability. */
    public double threshold() {
        return sigmoid(thresholdLogit);
    }

    /**
     * The logit (log-odds) of the positive class for already-normalized text. The features of the
     * last text scored on this thread are kept, so a second model scoring the same text (the
     * injection and harmful detectors in one turn) does not tokenize it again.
     */
    public double logit(String normalized) {
        Scratch s = SCRATCH.get();
        int n = s.featuresOf(normalized, weights);
        double sum = s.sum;
        if (n > 4096) {
            s.trim();
        }
        return bias + sum / Math.sqrt(n + 1.0);
    }

    /** The probability of the positive class for already-normalized text. */
    public double probability(String normalized) {
        return sigmoid(logit(normalized));
    }

    /** Whether the model's decision for already-normalized text is positive. */
    public boolean flags(String normalized) {
        return logit(normalized) >= thresholdLogit;
    }

    /** The logistic function, computed with {@link StrictMath} so results are the same on every JVM. */
    public static double sigmoid(double z) {
        return 1.0 / (1.0 + StrictMath.exp(-z));
    }

    /**
     * The distinct feature buckets of already-normalized text, in order of first occurrence.
     * Training and scoring use exactly these.
     */
    public static int[] features(String normalized) {
        Scratch s = SCRATCH.get();
        int n = features(normalized, s, null);
        int[] out = Arrays.copyOf(s.list, n);
        s.clear(n);
        s.lastText = null; // the list now holds these features, not the cached text's
        s.trim();
        return out;
    }

    /**
     * Collects the distinct features into {@code s.list}; returns how many. The caller clears.
     * With {@code weights}, also sums their weights into {@code s.sum}, in list order as
     * {@link #logit} does over a kept list: the same additions, so the same double, with the
     * additions overlapping the hashing instead of following it.
     */
    private static int features(String t, Scratch s, float[] weights) {
        long[] seen = s.seen;
        int[] list = s.list;
        byte[] ascii = ASCII_TOKEN;
        int n = 0;
        double sum = 0;
        int prev = 0;
        boolean hasPrev = false;
        int len = t.length();
        int i = 0;
        while (i < len) {
            char c = t.charAt(i);
            int lc = c < 0x80 ? ascii[c] : tokenChar(c) ? lower(c) : 0;
            if (lc == 0) {
                i++;
                continue;
            }
            // a token starts at i: hash it up to the first char that is not a token char
            int h = 0x811c9dc5;
            while (true) {
                h = (h ^ lc) * 16777619;
                if (++i == len) {
                    break;
                }
                c = t.charAt(i);
                lc = c < 0x80 ? ascii[c] : tokenChar(c) ? lower(c) : 0;
                if (lc == 0) {
                    break;
                }
            }
            if (n + 2 > list.length) {
                list = s.list = Arrays.copyOf(list, list.length * 2);
            }
            // the unigram, then the bigram with the token before, each unless seen already
            int f = mix(h, 1);
            long bit = 1L << f;
            if ((seen[f >>> 6] & bit) == 0) {
                seen[f >>> 6] |= bit;
                list[n++] = f;
                if (weights != null) {
                    sum += weights[f];
                }
            }
            if (hasPrev) {
                f = mix(prev * 31 + h, 2);
                bit = 1L << f;
                if ((seen[f >>> 6] & bit) == 0) {
                    seen[f >>> 6] |= bit;
                    list[n++] = f;
                    if (weights != null) {
                        sum += weights[f];
                    }
                }
            }
            prev = h;
            hasPrev = true;
        }
        s.sum = sum;
        return n;
    }

    /** Per ASCII char: its lower case if it is a token char, else 0 (which is not one). */
    private static final byte[] ASCII_TOKEN = new byte[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII_TOKEN[c] = (byte) (tokenChar(c) ? lower(c) : 0);
        }
    }

    private static boolean tokenChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'';
        }
        return c >= 0xC0 && c != 0xD7 && c != 0xF7
                && !(c >= 0x2000 && c <= 0x2BFF)   // punctuation, symbols, arrows, box drawing
                && !(c >= 0x3000 && c <= 0x303F)   // CJK punctuation
                && !(c >= 0xD800 && c <= 0xDFFF)   // surrogates (emoji and other supplementary symbols)
                && !(c >= 0xE000 && c <= 0xF8FF)   // private use
                && !(c >= 0xFE00 && c <= 0xFE6F)   // variation selectors, small and vertical forms
                && !(c >= 0xFF00 && c <= 0xFF20)   // fullwidth punctuation
                && c < 0xFFF0;
    }

    private static char lower(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + 32);
        }
        if (c < 0x80) {
            return c;
        }
        return Character.toLowerCase(c);
    }

    private static int mix(int h, int salt) {
        h ^= salt * 0x9E3779B9;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h & (BUCKETS - 1);
    }

    /** Per-thread dedupe bitset and feature list, and the text the list belongs to. */
    private static final class Scratch {
        /** Texts longer than this are not kept after scoring. */
        private static final int KEEP_MAX_CHARS = 1 << 16;

        final long[] seen = new long[BUCKETS / 64];
        int[] list = new int[256];
        String lastText;
        int lastCount;
        /** The sum of the weights of {@link #featuresOf}'s features. */
        double sum;

        /**
         * The features of {@code t} in {@link #list}, and the sum of their {@code weights} in
         * {@link #sum}; reuses the previous call's features when t is the same text.
         */
        int featuresOf(String t, float[] weights) {
            if (lastText != null && (lastText == t || (lastText.length() == t.length() && lastText.equals(t)))) {
                double total = 0;
                for (int i = 0; i < lastCount; i++) {
                    total += weights[list[i]];
                }
                sum = total;
                return lastCount;
            }
            lastText = null;
            int n = features(t, this, weights);
            clear(n);
            lastCount = n;
            lastText = t.length() <= KEEP_MAX_CHARS ? t : null;
            return n;
        }

        void clear(int n) {
            for (int i = 0; i < n; i++) {
                seen[list[i] >>> 6] = 0;
            }
        }

        /** Drops a huge buffer after one huge text, once its features have been used. */
        void trim() {
            if (list.length > 4096) {
                list = new int[256];
                lastText = null;
            }
        }
    }

    /**
     * Writes the model: gzip of magic, version, name, bias, threshold, then the non-zero weights
     * as (index delta, weight) pairs.
     */
    public void write(OutputStream out) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(out);
        DataOutputStream d = new DataOutputStream(gz);
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeUTF(name);
        d.writeDouble(bias);
        d.writeDouble(thresholdLogit);
        int nonZero = 0;
        for (float w : weights) {
            nonZero += w != 0f ? 1 : 0;
        }
        d.writeInt(nonZero);
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] != 0f) {
                d.writeInt(i - last);
                d.writeFloat(weights[i]);
                last = i;
            }
        }
        d.flush();
        gz.finish();
    }

    /** The model's bytes as {@link #write(OutputStream)} writes them. */
    public byte[] toBytes() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /**
     * Reads a model written by {@link #write(OutputStream)}.
     *
     * @throws IOException if the stream cannot be read, or is not a model (the message says what is wrong)
     */
    public static LinearTextModel read(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        DataInputStream d;
        try {
            d = new DataInputStream(new GZIPInputStream(in));
        } catch (IOException e) {
            throw new IOException("not a model file (not gzip): " + e.getMessage(), e);
        }
        try {
            if (d.readInt() != MAGIC) {
                throw new IOException("not a model file (bad magic)");
            }
            int version = d.readInt();
            if (version != VERSION) {
                throw new IOException("unsupported model version " + version + ", this library reads version " + VERSION);
            }
            String name = d.readUTF();
            double bias = d.readDouble();
            double threshold = d.readDouble();
            int nonZero = d.readInt();
            if (nonZero < 0 || nonZero > BUCKETS) {
                throw new IOException("model '" + name + "': bad weight count " + nonZero);
            }
            float[] w = new float[BUCKETS];
            int at = -1;
            for (int k = 0; k < nonZero; k++) {
                int delta = d.readInt();
                at += delta;
                if (delta <= 0 || at >= BUCKETS) {
                    throw new IOException("model '" + name + "': weight index out of range at entry " + k);
                }
                w[at] = d.readFloat();
            }
            try {
                return of(name, w, bias, threshold);
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        } catch (EOFException e) {
            throw new IOException("model file is truncated", e);
        }
    }

    /**
     * Loads a built-in model resource of this package, for example {@code injection.model}.
     *
     * @throws IllegalStateException if the resource is missing or unreadable (a broken build)
     */
    public static LinearTextModel builtIn(String resource) {
        try (InputStream in = LinearTextModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in model " + resource + " is missing from the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException("built-in model " + resource + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Whether {@code other} has the same name, bias, threshold and weights (its file bytes may differ by compressor). */
    public boolean sameAs(LinearTextModel other) {
        return other != null && name.equals(other.name) && Double.compare(bias, other.bias) == 0
                && Double.compare(thresholdLogit, other.thresholdLogit) == 0 && Arrays.equals(weights, other.weights);
    }

    @Override
    public String toString() {
        return "LinearTextModel[" + name + ", threshold " + threshold() + "]";
    }
}
