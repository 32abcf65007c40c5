package com.daeworkbench.ui;

import com.daeworkbench.core.io.AtomicFiles;
import com.daeworkbench.core.io.Json;
import com.daeworkbench.core.model.ArchitectureSpec.Activation;
import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import com.daeworkbench.core.model.ArchitectureSpec.Loss;
import com.daeworkbench.core.model.ArchitectureSpec.Optimizer;
import com.daeworkbench.ui.train.TrainViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The training settings, kept between sessions in settings.json (written atomically). */
record Settings(String dataset, String noiseType, double noiseLevel, Kind kind, int layers, int width, int bottleneck,
                Activation activation, Optimizer optimizer, double learningRateLog, int batchSize, int epochs, int seed,
                String secondNoiseType, double secondNoiseLevel, Loss loss, double weightDecay) {

    static Settings of(TrainViewModel vm) {
        return new Settings(vm.datasetProperty().get(), vm.noiseTypeProperty().get(), vm.noiseLevelProperty().get(),
                vm.kindProperty().get(), vm.layersProperty().get(), vm.widthProperty().get(), vm.bottleneckProperty().get(),
                vm.activationProperty().get(), vm.optimizerProperty().get(), vm.learningRateLogProperty().get(),
                vm.batchSizeProperty().get(), vm.epochsProperty().get(), vm.seedProperty().get(),
                vm.secondNoiseTypeProperty().get(), vm.secondNoiseLevelProperty().get(), vm.lossProperty().get(), vm.weightDecayProperty().get());
    }

    void applyTo(TrainViewModel vm) {
        if (kind != null) vm.kindProperty().set(kind);
        vm.layersProperty().set(layers);
        vm.widthProperty().set(width);
        vm.bottleneckProperty().set(bottleneck);
        if (noiseType != null && TrainViewModel.NOISE_TYPES.contains(noiseType)) vm.noiseTypeProperty().set(noiseType);
        vm.noiseLevelProperty().set(Math.max(0, Math.min(1, noiseLevel)));
        if (activation != null) vm.activationProperty().set(activation);
        if (optimizer != null) vm.optimizerProperty().set(optimizer);
        vm.learningRateLogProperty().set(Math.max(-5, Math.min(-1, learningRateLog)));
        vm.batchSizeProperty().set(Math.max(1, batchSize));
        vm.epochsProperty().set(Math.max(1, epochs));
        vm.seedProperty().set(seed);
        // fields a settings file of an older version lacks come as null and 0: the defaults stay
        if (secondNoiseType != null && (TrainViewModel.NOISE_TYPES.contains(secondNoiseType) || TrainViewModel.NO_NOISE.equals(secondNoiseType))) {
            vm.secondNoiseTypeProperty().set(secondNoiseType);
            vm.secondNoiseLevelProperty().set(Math.max(0, Math.min(1, secondNoiseLevel)));
        }
        if (loss != null) vm.lossProperty().set(loss);
        vm.weightDecayProperty().set(weightDecay >= 0 && weightDecay < 1 ? weightDecay : 0);
        if (dataset != null) vm.datasetProperty().set(dataset);
    }

    static Settings load(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            return Json.MAPPER.readValue(file.toFile(), Settings.class);
        } catch (IOException | RuntimeException e) {
            return null; // a damaged settings file costs the user their settings, never the start-up
        }
    }

    void save(Path file) throws IOException {
        AtomicFiles.writeBytes(file, Json.MAPPER.writeValueAsBytes(this));
    }
}
