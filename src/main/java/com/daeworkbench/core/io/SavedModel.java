package com.daeworkbench.core.io;

import com.daeworkbench.core.model.DenoisingModel;
import java.util.Map;

/**
 * A model read from a file, with what the file says about it, and the file's further entries
 * (see {@link DenoisingModel#extraEntries()}): a table model's schema, read by core.table.
 */
public record SavedModel(DenoisingModel model, ModelInfo info, Map<String, byte[]> extras) {

    public SavedModel {
        extras = extras == null ? Map.of() : Map.copyOf(extras);
    }

    public SavedModel(DenoisingModel model, ModelInfo info) {
        this(model, info, Map.of());
    }
}
