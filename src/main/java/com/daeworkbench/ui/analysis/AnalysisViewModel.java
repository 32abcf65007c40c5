package com.daeworkbench.ui.analysis;

import com.daeworkbench.core.analysis.AnomalyReport;
import com.daeworkbench.core.analysis.AnomalyScorer;
import com.daeworkbench.core.analysis.BottleneckSweep;
import com.daeworkbench.core.analysis.DreamChain;
import com.daeworkbench.core.analysis.LatentProjection;
import com.daeworkbench.core.analysis.PretrainEvaluation;
import com.daeworkbench.core.analysis.Roc;
import com.daeworkbench.core.analysis.Score;
import com.daeworkbench.core.analysis.SyntheticDefects;
import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.DatasetSource;
import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.io.SavedModel;
import com.daeworkbench.core.noise.Corruption;
import com.daeworkbench.core.noise.CorruptionSpec;
import com.daeworkbench.core.table.OddRows;
import com.daeworkbench.core.table.TableModel;
import com.daeworkbench.ui.BackgroundTask;
import com.daeworkbench.ui.TaskRunner;
import com.daeworkbench.ui.TaskSlot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What else the trained network can do, on the model of the last training run (or a model
 * file): score anomalies, show its code space, pre-train a classifier, dream. Every
 * computation is a core service run on the background runner; one at a time, cancellable.
 */
public final class AnalysisViewModel {
    /** The second set an anomaly detector is shown: another data set or the normal test split with a defect. */
    public static final String FASHION = "Fashion-MNIST", BLOTCH = "digits + blotch", ROTATED = "rotated copies",
            GLYPH = "foreign glyphs";
    static final int MAX_IMAGES = 2000;

    private final TaskRunner runner;
    private final Consumer<String> notifier;
    private final Supplier<Path> lastTrainedModel;
    private final Supplier<Dataset> currentData;
    private final Consumer<com.daeworkbench.core.runs.RunRecord> keepRun;
    private final ReadOnlyStringWrapper modelName = new ReadOnlyStringWrapper("no model yet: train one, or open a model file");
    /** Which tab a computation belongs to: each tab shows its own status, not the last one of any tab. */
    public enum Tab { ANOMALIES, LATENT, DREAM }

    private final java.util.Map<Tab, ReadOnlyStringWrapper> status = new java.util.EnumMap<>(Tab.class);
    {
        for (Tab t : Tab.values()) status.put(t, new ReadOnlyStringWrapper(""));
    }
    private final ObjectProperty<String> secondSet = new SimpleObjectProperty<>(BLOTCH);
    private final ObjectProperty<Score> score = new SimpleObjectProperty<>(Score.SSIM);
    private final ReadOnlyObjectWrapper<AnomalyReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ImageSet[]> anomalySets = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<OddRowList> oddRows = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyBooleanWrapper tableModel = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final DoubleProperty threshold = new SimpleDoubleProperty();
    private final ReadOnlyObjectWrapper<Roc.Confusion> confusion = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LatentProjection> projection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ImageSet> projected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PretrainEvaluation.Result> pretrain = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DreamChain.Chain> chain = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty dreamSteps = new SimpleIntegerProperty(40);
    private final javafx.collections.ObservableList<BottleneckSweep.Point> sweepPoints = javafx.collections.FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<BottleneckSweep.Result> sweep = new ReadOnlyObjectWrapper<>();
    private SavedModel model;
    private Path modelFile;
    private final TaskSlot tasks;

    public AnalysisViewModel(TaskRunner runner, Consumer<String> notifier, Supplier<Path> lastTrainedModel, Supplier<Dataset> currentData) {
        this(runner, notifier, lastTrainedModel, currentData, run -> { });
    }

    /** @param keepRun stores each bottleneck-sweep point as a run (the Runs tab lists them); called on the worker */
    public AnalysisViewModel(TaskRunner runner, Consumer<String> notifier, Supplier<Path> lastTrainedModel, Supplier<Dataset> currentData,
                             Consumer<com.daeworkbench.core.runs.RunRecord> keepRun) {
        this.keepRun = keepRun;
        this.runner = runner;
        this.notifier = notifier;
        this.tasks = new TaskSlot(runner, notifier);
        this.lastTrainedModel = lastTrainedModel;
        this.currentData = currentData;
        threshold.addListener((o, a, t) -> {
            AnomalyReport r = report.get();
            confusion.set(r == null ? null : r.at(t.doubleValue()));
        });
    }

    /** Picks up the model of the last training run (re-read if that run has trained further). */
    /** the file last asked for, loaded or still loading */
    private Path requestedModel;

    public void useLastTrainedModel() {
        Path file = lastTrainedModel.get();
        if (file == null || !Files.exists(file)) {
            notifier.accept("No trained model yet: train one in the Train tab (one epoch is enough to look), or open a model file.");
            return;
        }
        useModelFile(file);
    }

    public void useModelFile(Path file) {
        requestedModel = file;
        submit(null, "Loading " + file.getFileName(), () -> ModelStore.load(file), saved -> {
            if (model != null) model.model().close();
            model = saved;
            modelFile = file;
            tableModel.set(TableModel.isTable(saved));
            score.set(Score.recommendedFor(saved.model().spec().kind(), !CorruptionSpec.PAIRS.equals(saved.info().corruption())));
            modelName.set(file.getFileName() + " · " + saved.model().spec().kind().name().toLowerCase(Locale.ROOT)
                    + " · trained on " + saved.info().dataset() + " with " + saved.info().corruption());
            setStatus(null, "Model ready.");
        });
    }

    private boolean ready() {
        if (model == null) {
            Path file = lastTrainedModel.get();
            if (file != null && Files.exists(file)) {
                notifier.accept("Loading the model of the last training run first; press again when it is ready.");
                useModelFile(file);
            } else {
                notifier.accept("No model yet: train one in the Train tab, or open a model file.");
            }
            return false;
        }
        if (tasks.isBusy()) {
            notifier.accept("Wait for the current computation, or cancel it.");
            return false;
        }
        return true;
    }

    /** The normal images: the test split of the data set the model was trained on (the Train tab's, or resolved by name). */
    private Dataset data() throws Exception {
        Dataset d = currentData.get();
        String trainedOn = model.info().dataset();
        if (d != null && d.name().equals(trainedOn)) return d;
        return DatasetSource.resolve(trainedOn);
    }

    private Corruption modelCorruption() {
        return CorruptionSpec.parseRecorded(model.info().corruption());
    }

    public void runAnomalies() {
        if (!ready()) return;
        SavedModel m = model;
        Dataset current = currentData.get();
        if (current != null && current.table() != null && current.name().equals(m.info().dataset())) {
            runOddRows(m, current);
            return;
        }
        Score s = score.get();
        String second = secondSet.get();
        submit(Tab.ANOMALIES, "Scoring " + second + " against the test split", () -> {
            ImageSet normal = limit(data().test());
            ImageSet test = switch (second) {
                case FASHION -> limit(DatasetSource.resolve("fashion").test());
                case BLOTCH -> SyntheticDefects.apply(normal, SyntheticDefects.Defect.BLOTCH, 7);
                case ROTATED -> SyntheticDefects.apply(normal, SyntheticDefects.Defect.ROTATED, 7);
                case GLYPH -> SyntheticDefects.apply(normal, SyntheticDefects.Defect.FOREIGN_GLYPH, 7);
                default -> limit(DatasetSource.resolve(second).test());
            };
            Corruption c = modelCorruption();
            if (s.needsCorruption() && c == null) throw new IllegalArgumentException("the score " + s.key() + " needs the model's training noise");
            AnomalyReport r = new AnomalyScorer(c).evaluate(m.model(), normal, test, s);
            return new Scored(r, normal, test);
        }, scored -> {
            AnomalyReport r = scored.report();
            oddRows.set(null);
            anomalySets.set(new ImageSet[] {scored.normal(), scored.test()});
            report.set(r);
            threshold.set(r.thresholdAt95Recall());
            confusion.set(r.at(r.thresholdAt95Recall()));
            setStatus(Tab.ANOMALIES, String.format(Locale.ROOT, "AUC %.3f with the %s score", r.auc(), r.score().key()));
        });
    }

    /**
     * A table's odd rows: every row scored by how badly the model rebuilds it, each column hidden in turn (the CLI's
     * odd-rows), the rows of the rarer label taken as the odd ones, so the histogram, threshold and ROC read as for images.
     */
    private void runOddRows(SavedModel m, Dataset d) {
        submit(Tab.ANOMALIES, "Scoring every row of " + d.name() + ", each column hidden in turn", () -> {
            TableModel table = TableModel.of(m);
            if (table == null) throw new IllegalArgumentException("the model was not trained on a table");
            ImageSet rows = d.train().followedBy(d.test());
            if (!rows.hasLabels()) throw new IllegalArgumentException(d.name() + " has no label column to say which rows are odd");
            OddRows.Result result = OddRows.score(table, rows.pixels(), rows.count());
            double[] scores = result.rowScores();
            int odd = rarerLabel(rows);
            List<Integer> normalIdx = new ArrayList<>(), oddIdx = new ArrayList<>();
            for (int i = 0; i < rows.count(); i++) (rows.label(i) == odd ? oddIdx : normalIdx).add(i);
            double[] normalScores = normalIdx.stream().mapToDouble(i -> scores[i]).toArray();
            double[] oddScores = oddIdx.stream().mapToDouble(i -> scores[i]).toArray();
            ImageSet normal = rows.select(normalIdx.stream().mapToInt(Integer::intValue).toArray());
            ImageSet test = rows.select(oddIdx.stream().mapToInt(Integer::intValue).toArray());
            OddRowList list = OddRowList.of(result, rows, d, odd, oddIdx.size(), normalIdx.size());
            return new ScoredRows(new Scored(AnomalyReport.of(Score.MSE, normalScores, oddScores), normal, test), list);
        }, scoredRows -> {
            Scored scored = scoredRows.scored();
            AnomalyReport r = scored.report();
            oddRows.set(scoredRows.rows());
            anomalySets.set(new ImageSet[] {scored.normal(), scored.test()});
            report.set(r);
            threshold.set(r.thresholdAt95Recall());
            confusion.set(r.at(r.thresholdAt95Recall()));
            setStatus(Tab.ANOMALIES, String.format(Locale.ROOT, "AUC %.3f: %d %s rows (the rarer label, taken as odd) against %d %s rows,"
                    + " scored by the reconstruction error of each column hidden in turn", r.auc(), r.testScores().length,
                    scoredRows.rows().oddLabel(), r.normalScores().length, scoredRows.rows().normalLabel()));
        });
    }

    private record ScoredRows(Scored scored, OddRowList rows) { }

    private static int rarerLabel(ImageSet rows) {
        java.util.Map<Integer, Integer> counts = new java.util.TreeMap<>();
        for (int i = 0; i < rows.count(); i++) counts.merge(rows.label(i), 1, Integer::sum);
        return counts.entrySet().stream().min(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** An anomaly report and the two sets it scored (the view shows their images). */
    private record Scored(AnomalyReport report, ImageSet normal, ImageSet test) { }

    /** The test images' codes projected to 2-D, with the images. */
    private record Encoded(LatentProjection projection, ImageSet images, java.util.function.IntFunction<String> labelNames) { }

    /** How the last projection's data set names its labels (a table's label column: its own words). */
    private java.util.function.IntFunction<String> labelNames = l -> "label " + l;

    public void runLatent() {
        if (!ready()) return;
        SavedModel m = model;
        submit(Tab.LATENT, "Encoding the test split", () -> {
            Dataset d = data();
            if (d.table() != null) {
                // a table's few hundred rows: all of them, through the table model (missing cells as it trained on them)
                ImageSet rows = d.train().followedBy(d.test());
                TableModel table = TableModel.of(m);
                return new Encoded(LatentProjection.of(table != null ? table : m.model(), rows, 1), rows, d::labelName);
            }
            ImageSet images = limit(d.test());
            return new Encoded(LatentProjection.of(m.model(), images, 1), images, d::labelName);
        }, encoded -> {
            labelNames = encoded.labelNames();
            projected.set(encoded.images());
            projection.set(encoded.projection());
            LatentProjection p = projection.get();
            setStatus(Tab.LATENT, String.format(Locale.ROOT, "%d %s, %d-value code, shown by %s", p.x().length,
                    encoded.images().height() == 1 ? "table rows" : "images", p.codeSize(),
                    p.method().equals("pca") ? "its first two principal components" : "the code itself"));
        });
    }

    public void runPretrain() {
        if (!ready()) return;
        SavedModel m = model;
        submit(Tab.LATENT, "Fitting classifiers on 100 and 1,000 labels", () -> {
            Dataset d = data();
            if (!d.test().hasLabels()) throw new IllegalArgumentException(d.name() + " has no labels to classify");
            return PretrainEvaluation.run(m.model(), d, new int[] {100, 1000}, 1);
        }, r -> {
            pretrain.set(r);
            setStatus(Tab.LATENT, "Test accuracy of a linear classifier on the frozen encoder's code, on raw pixels, and on a random encoder.");
        });
    }

    /**
     * Trains small dense autoencoders over bottleneck sizes on the current digits-like data
     * and scores each against JPEG at the same bytes per image; points appear as they finish.
     */
    public void runSweep(int[] bottlenecks, int epochs, int trainLimit) {
        if (tasks.isBusy()) {
            notifier.accept("Wait for the current computation, or cancel it.");
            return;
        }
        Dataset d = currentData.get();
        if (d == null || d.hasPairs()) {
            notifier.accept("The sweep needs a clean-image data set (digits, Fashion-MNIST) loaded in the Train tab.");
            return;
        }
        sweepPoints.clear();
        submit(Tab.LATENT, "Bottleneck sweep over " + bottlenecks.length + " sizes", () -> BottleneckSweep.run(d, null,
                new BottleneckSweep.Options(bottlenecks, epochs, trainLimit, 500, 1),
                point -> {
                    keepRun.accept(asRun(d, point, epochs));
                    runner.onUiThread(() -> sweepPoints.add(point));
                },
                (fraction, message) -> runner.onUiThread(() -> setStatus(Tab.LATENT, message))), r -> {
            sweep.set(r);
            setStatus(Tab.LATENT, "Sweep done: " + r.points().size() + " autoencoders beside JPEG at matched sizes.");
        });
    }

    private static com.daeworkbench.core.runs.RunRecord asRun(Dataset d, BottleneckSweep.Point p, int epochs) {
        var spec = BottleneckSweep.specFor(d.height(), d.width(), p.bottleneck(), 1);
        var point = new com.daeworkbench.core.runs.RunRecord.EpochPoint(epochs, 0, Double.NaN, Double.NaN, p.psnr(), Double.NaN);
        return new com.daeworkbench.core.runs.RunRecord(com.daeworkbench.core.runs.RunStore.newId(),
                String.format(Locale.ROOT, "bottleneck sweep: %d-value code (%d bytes/image), JPEG q%.0f %.2f dB",
                        p.bottleneck(), p.bytesPerImage(), 100 * p.jpegQuality(), p.jpegPsnr()),
                java.time.Instant.now().toString(), d.name(), "none", spec, epochs,
                com.daeworkbench.core.runs.RunRecord.Status.COMPLETED, "", java.util.List.of(), java.util.List.of(point));
    }

    /** Walks x <- reconstruct(corrupt(x)) from noise (or from test images), showing each step as it comes. */
    public void runDream(boolean fromNoise) {
        if (!ready()) return;
        SavedModel m = model;
        int steps = dreamSteps.get();
        submit(Tab.DREAM, "Dreaming " + steps + " steps", () -> {
            ImageSet start = data().test().slice(0, 8);
            int h = start.height(), w = start.width();
            float[] first = fromNoise ? DreamChain.noise(8, h, w, System.nanoTime()) : start.pixels();
            Corruption c = modelCorruption();
            return DreamChain.run(m.model(), c == null ? CorruptionSpec.parse("gaussian:0.3") : c, first, 8, h, w, steps, 11,
                    (step, images) -> { });
        }, ch -> {
            chain.set(ch);
            setStatus(Tab.DREAM, "The chain's " + ch.steps() + " steps: drag the step slider to walk it.");
        });
    }

    public void cancel() {
        tasks.cancel();
    }

    /** The status of one tab, or of all of them ({@code tab} null: the model, which they share). */
    private void setStatus(Tab tab, String text) {
        if (tab == null) status.values().forEach(s -> s.set(text));
        else status.get(tab).set(text);
    }

    /** @param tab the tab whose status tells of the work; null: all (loading the model they share) */
    private <T> void submit(Tab tab, String what, Callable<T> work, Consumer<T> done) {
        tasks.run(BackgroundTask.of(what, work).onSuccess(done), text -> setStatus(tab, text));
    }

    private static ImageSet limit(ImageSet s) {
        return s.count() > MAX_IMAGES ? s.slice(0, MAX_IMAGES) : s;
    }

    public ReadOnlyStringProperty modelNameProperty() { return modelName.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty(Tab tab) { return status.get(tab).getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return tasks.busyProperty(); }
    public ObjectProperty<String> secondSetProperty() { return secondSet; }
    public ObjectProperty<Score> scoreProperty() { return score; }
    public ReadOnlyObjectProperty<AnomalyReport> reportProperty() { return report.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ImageSet[]> anomalySetsProperty() { return anomalySets.getReadOnlyProperty(); }
    /** The name of a label of the last projection ("malignant" for a table, "label 3" for digits). */
    public String labelName(int label) { return labelNames.apply(label); }
    /** The last table scoring's most and least odd rows; null after scoring images. */
    public ReadOnlyObjectProperty<OddRowList> oddRowsProperty() { return oddRows.getReadOnlyProperty(); }
    /** True while the model in use was trained on a table: the Anomalies tab scores its rows, not images. */
    public javafx.beans.property.ReadOnlyBooleanProperty tableModelProperty() { return tableModel.getReadOnlyProperty(); }
    public DoubleProperty thresholdProperty() { return threshold; }
    public ReadOnlyObjectProperty<Roc.Confusion> confusionProperty() { return confusion.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<LatentProjection> projectionProperty() { return projection.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ImageSet> projectedImagesProperty() { return projected.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<PretrainEvaluation.Result> pretrainProperty() { return pretrain.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<DreamChain.Chain> chainProperty() { return chain.getReadOnlyProperty(); }
    public IntegerProperty dreamStepsProperty() { return dreamSteps; }
    public javafx.collections.ObservableList<BottleneckSweep.Point> sweepPoints() { return sweepPoints; }
    public ReadOnlyObjectProperty<BottleneckSweep.Result> sweepProperty() { return sweep.getReadOnlyProperty(); }
    Path modelFile() { return modelFile; }

    /** A model is loaded, or one has been asked for (a --model file still loading must not be replaced by the last run's). */
    public boolean hasModel() { return model != null || requestedModel != null; }
}
