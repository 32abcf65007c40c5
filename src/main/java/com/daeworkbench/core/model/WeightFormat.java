package com.daeworkbench.core.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The weights inside a model file: an array count, then (name, ND4J array) pairs, names from
 * {@link ParameterNames}: the network's arrays, then (since 0.2) the optimizer's state. Written by every engine since the first release; the model file's
 * own header carries the format version (ModelStore).
 */
final class WeightFormat {
    private static final int MAX_ARRAYS = 10_000;

    private WeightFormat() { }

    static byte[] write(Map<String, INDArray> state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(state.size());
            for (Map.Entry<String, INDArray> e : state.entrySet()) {
                out.writeUTF(e.getKey());
                Nd4j.write(e.getValue(), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads {@link #write}'s bytes and checks every array the architecture needs is there with its shape. */
    static Map<String, INDArray> read(ArchitectureSpec spec, byte[] bytes) throws IOException {
        Map<String, INDArray> state = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int n = in.readInt();
            if (n < 0 || n > MAX_ARRAYS) throw new IOException("weights: implausible array count " + n);
            for (int i = 0; i < n; i++) state.put(in.readUTF(), Nd4j.read(in));
        } catch (RuntimeException e) {
            throw new IOException("weights are damaged: " + e.getMessage(), e);
        }
        Map<String, INDArray> expected = Weights.initial(NetworkPlan.of(spec));
        Map<String, INDArray> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : expected.entrySet()) {
            INDArray got = state.get(e.getKey());
            if (got == null) throw new IOException("weights: array '" + e.getKey() + "' is missing");
            if (!Arrays.equals(got.shape(), e.getValue().shape())) {
                throw new IOException("weights: array '" + e.getKey() + "' has shape " + Arrays.toString(got.shape())
                        + " but the architecture needs " + Arrays.toString(e.getValue().shape()));
            }
            ordered.put(e.getKey(), got);
        }
        state.forEach((name, value) -> {
            if (ParameterNames.isOptimizerState(name)) ordered.put(name, value);
        });
        return ordered;
    }
}
