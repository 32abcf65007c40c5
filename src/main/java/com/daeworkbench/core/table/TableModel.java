package com.daeworkbench.core.table;

import com.daeworkbench.core.data.TableSchema;
import com.daeworkbench.core.io.Json;
import com.daeworkbench.core.io.SavedModel;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A dense denoiser of table rows. Callers speak scaled units with NaN for a missing cell; the
 * network behind speaks (0,1), the range of its sigmoid output, so this class maps between them:
 * a missing (or masked) input cell is fed as its column's mean, a standardised value z travels as
 * sigmoid(z/2) (smooth, invertible, no clamping of outliers), a min-max or one-hot value as it is.
 *
 * <p>Missing cells are kept out of the loss without touching the engine: their target is set to
 * the network's own output for them, so with the MSE loss they add zero to the loss and to the
 * gradient (one extra forward pass per batch, cheap for rows of tens of features).
 */
public final class TableModel implements DenoisingModel {
    public static final String SCHEMA_ENTRY = "table.json";
    private final DenoisingModel net;
    private final TableSchema schema;
    private final float[] neutral;
    private final boolean[] unbounded;

    public TableModel(DenoisingModel net, TableSchema schema) {
        if (net.spec().kind() != ArchitectureSpec.Kind.DENSE || net.spec().inputHeight() != 1
                || net.spec().inputWidth() != schema.features()) {
            throw new IllegalArgumentException("a table of " + schema.features() + " features needs a dense network of 1x"
                    + schema.features() + " inputs, got " + net.spec().kind().name().toLowerCase() + " "
                    + net.spec().inputHeight() + "x" + net.spec().inputWidth());
        }
        this.net = net;
        this.schema = schema;
        this.neutral = schema.neutral();
        this.unbounded = schema.unbounded();
    }

    /** {@code net} as it trains on {@code data}: wrapped to speak scaled cells with missing ones when the data is a table. */
    public static DenoisingModel forData(com.daeworkbench.core.data.Dataset data, DenoisingModel net) {
        return data.table() == null ? net : new TableModel(net, data.table());
    }

    /** True when the model file was trained on a table (it carries the column schema). */
    public static boolean isTable(SavedModel saved) {
        return saved.extras().containsKey(SCHEMA_ENTRY);
    }

    /** The table model in a model file, or null when the file holds an image model. */
    public static TableModel of(SavedModel saved) throws IOException {
        byte[] json = saved.extras().get(SCHEMA_ENTRY);
        if (json == null) return null;
        try {
            return new TableModel(saved.model(), Json.MAPPER.readValue(json, TableSchema.class));
        } catch (JsonProcessingException e) {
            throw new IOException(SCHEMA_ENTRY + " is damaged: " + e.getOriginalMessage(), e);
        }
    }

    public TableSchema schema() { return schema; }

    /** Network units for a batch of scaled rows; missing cells become their column's mean. */
    float[] toUnits(float[] scaled, int count) {
        int f = neutral.length;
        float[] u = new float[count * f];
        for (int i = 0; i < u.length; i++) {
            float v = scaled[i];
            if (Float.isNaN(v)) v = neutral[i % f];
            u[i] = unbounded[i % f] ? (float) (1 / (1 + Math.exp(-v / 2))) : Math.min(1f, Math.max(0f, v));
        }
        return u;
    }

    float[] fromUnits(float[] u) {
        int f = neutral.length;
        float[] out = new float[u.length];
        for (int i = 0; i < u.length; i++) {
            if (unbounded[i % f]) {
                double p = Math.min(1 - 1e-6, Math.max(1e-6, u[i]));
                out[i] = (float) (2 * Math.log(p / (1 - p)));
            } else {
                out[i] = u[i];
            }
        }
        return out;
    }

    /** Targets in network units; a missing cell's target is the network's output, so it adds nothing to loss or gradient. */
    private Target targets(float[] in, float[] clean, int count) {
        int n = count * neutral.length;
        float[] target = toUnits(clean, count);
        float[] own = null;
        int present = n;
        for (int i = 0; i < n; i++) {
            if (!Float.isNaN(clean[i])) continue;
            if (own == null) own = net.denoise(in, count, 1, neutral.length);
            target[i] = own[i];
            present--;
        }
        return new Target(target, present == 0 ? 0 : (double) n / present);
    }

    private record Target(float[] values, double lossScale) { }

    @Override public ArchitectureSpec spec() { return net.spec(); }

    @Override public long parameterCount() { return net.parameterCount(); }

    @Override
    public double fit(float[] noisy, float[] clean, int count) {
        float[] in = toUnits(noisy, count);
        Target t = targets(in, clean, count);
        return net.fit(in, t.values(), count) * t.lossScale();
    }

    @Override
    public double loss(float[] noisy, float[] clean, int count) {
        float[] in = toUnits(noisy, count);
        Target t = targets(in, clean, count);
        return net.loss(in, t.values(), count) * t.lossScale();
    }

    /** Reconstructed rows in scaled units, every cell (the caller keeps the present ones it trusts). */
    @Override
    public float[] denoise(float[] noisy, int count, int height, int width) {
        return fromUnits(net.denoise(toUnits(noisy, count), count, height, width));
    }

    @Override
    public float[] encode(float[] input, int count, int height, int width) {
        return net.encode(toUnits(input, count), count, height, width);
    }

    @Override public int codeSize(int height, int width) { return net.codeSize(height, width); }

    @Override public byte[] toBytes() { return net.toBytes(); }

    @Override
    public Map<String, byte[]> extraEntries() {
        try {
            return Map.of(SCHEMA_ENTRY, Json.MAPPER.writeValueAsBytes(schema));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public void close() { net.close(); }
}
