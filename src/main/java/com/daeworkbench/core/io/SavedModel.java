package com.daeworkbench.core.io;

import com.daeworkbench.core.model.DenoisingModel;

/** A model read from a file, with what the file says about it. */
public record SavedModel(DenoisingModel model, ModelInfo info) { }
