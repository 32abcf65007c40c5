package com.daeworkbench.ui;

import com.daeworkbench.core.io.AtomicFiles;
import com.daeworkbench.core.io.Json;
import com.daeworkbench.core.model.ArchitectureSpec.Activation;
import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import com.daeworkbench.core.model.ArchitectureSpec.Loss;
import com.daeworkbench.core.model.ArchitectureSpec.Optimizer;
import com.daeworkbench.ui.train.TrainSettings;
import com.daeworkbench.ui.train.TrainViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The training settings, kept between sessions in settings.json (written atomically). */
record Settings(String dataset, String noiseType, double noiseLevel, Kind kind, int layers, int width, int bottleneck,
                Activation activation, Optimizer optimizer, double learningRateLog, int batchSize, int epochs, int seed,
                String secondNoiseType, double secondNoiseLevel, Loss loss, double weightDecay, int dilation) {

    static Settings of(TrainViewModel vm) {
        return new Settings(vm.settings().datasetProperty().get(), vm.settings().noiseTypeProperty().get(), vm.settings().noiseLevelProperty().get(),
                vm.settings().kindProperty().get(), vm.settings().layersProperty().get(), vm.settings().widthProperty().get(), vm.settings().bottleneckProperty().get(),
                vm.settings().activationProperty().get(), vm.settings().optimizerProperty().get(), vm.settings().learningRateLogProperty().get(),
                vm.settings().batchSizeProperty().get(), vm.settings().epochsProperty().get(), vm.settings().seedProperty().get(),
                vm.settings().secondNoiseTypeProperty().get(), vm.settings().secondNoiseLevelProperty().get(), vm.settings().lossProperty().get(), vm.settings().weightDecayProperty().get(),
                vm.settings().dilationProperty().get());
    }

    void applyTo(TrainViewModel vm) {
        if (kind != null) vm.settings().kindProperty().set(kind);
        vm.settings().layersProperty().set(layers);
        vm.settings().widthProperty().set(width);
        vm.settings().bottleneckProperty().set(bottleneck);
        if (noiseType != null && TrainSettings.NOISE_TYPES.contains(noiseType)) vm.settings().noiseTypeProperty().set(noiseType);
        vm.settings().noiseLevelProperty().set(Math.max(0, Math.min(1, noiseLevel)));
        if (activation != null) vm.settings().activationProperty().set(activation);
        if (optimizer != null) vm.settings().optimizerProperty().set(optimizer);
        vm.settings().learningRateLogProperty().set(Math.max(-5, Math.min(-1, learningRateLog)));
        vm.settings().batchSizeProperty().set(Math.max(1, batchSize));
        vm.settings().epochsProperty().set(Math.max(1, epochs));
        vm.settings().seedProperty().set(seed);
        // fields a settings file of an older version lacks come as null and 0: the defaults stay
        if (secondNoiseType != null && (TrainSettings.NOISE_TYPES.contains(secondNoiseType) || TrainSettings.NO_NOISE.equals(secondNoiseType))) {
            vm.settings().secondNoiseTypeProperty().set(secondNoiseType);
            vm.settings().secondNoiseLevelProperty().set(Math.max(0, Math.min(1, secondNoiseLevel)));
        }
        if (loss != null) vm.settings().lossProperty().set(loss);
        vm.settings().weightDecayProperty().set(weightDecay >= 0 && weightDecay < 1 ? weightDecay : 0);
        vm.settings().dilationProperty().set(dilation >= 1 && dilation <= com.daeworkbench.core.model.Network.MAX_DILATION ? dilation : 1);
        if (dataset != null) vm.settings().datasetProperty().set(dataset);
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
