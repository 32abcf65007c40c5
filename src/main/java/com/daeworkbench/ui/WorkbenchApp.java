package com.daeworkbench.ui;

import com.daeworkbench.core.runs.RunRecord;
import com.daeworkbench.core.runs.RunStore;
import com.daeworkbench.core.runs.WorkbenchHome;
import com.daeworkbench.ui.runs.RunsView;
import com.daeworkbench.ui.runs.RunsViewModel;
import com.daeworkbench.ui.train.TrainView;
import com.daeworkbench.ui.train.TrainViewModel;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.util.Duration;
import com.daeworkbench.ui.analysis.AnalysisViewModel;
import com.daeworkbench.ui.analysis.AnomaliesView;
import com.daeworkbench.ui.analysis.DreamView;
import com.daeworkbench.ui.analysis.LatentView;
import com.daeworkbench.ui.documents.DocumentsView;
import com.daeworkbench.ui.documents.DocumentsViewModel;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window. Shows at once with the bundled digits; the engine's natives load in the
 * background and Train enables when they are ready. {@code --autostart} trains the current
 * settings as soon as it can (demos and the live-view test).
 */
public final class WorkbenchApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);
    /** Handed over by {@link #launch(WindowOptions)}: JavaFX creates the instance itself. */
    private static volatile WindowOptions pendingOptions = WindowOptions.NONE;
    private DocumentsViewModel documents;
    private AnalysisViewModel analysis;
    public static final String TITLE = "DAE Workbench";
    /** pulses the window must have drawn before --autostart trains: past the first full paints */
    private static final int AUTOSTART_AFTER_FRAMES = 10;
    private final FxTaskRunner runner = new FxTaskRunner();
    private TrainViewModel train;
    private Path settingsFile;
    private Stage stage;
    private TabPane tabs;

    /** Opens the window with options the launcher has already parsed and checked; returns when it closes. */
    public static void launch(WindowOptions options) {
        pendingOptions = options;
        Application.launch(WorkbenchApp.class);
    }

    @Override
    public void start(Stage stage) {
        WindowOptions options = pendingOptions;
        pendingOptions = WindowOptions.NONE;
        this.stage = stage;
        long t0 = System.nanoTime();
        RunStore store = WorkbenchHome.runs();
        settingsFile = WorkbenchHome.dir().resolve("settings.json");
        train = new TrainViewModel(runner, store, this::notifyUser);
        Settings saved = Settings.load(settingsFile);
        if (saved != null) saved.applyTo(train);
        RunsViewModel runs = new RunsViewModel(runner, store, this::notifyUser);
        runner.submit("recover-runs", store::recoverInterrupted, n -> { if (n > 0) runs.refresh(); }, e -> { });
        documents = new DocumentsViewModel(runner, this::notifyUser, train::lastModelFile);
        analysis = new AnalysisViewModel(runner, this::notifyUser, train::lastModelFile, () -> train.settings().loadedDatasetProperty().get(), run -> {
            try {
                store.save(run);
            } catch (java.io.IOException e) {
                runner.onUiThread(() -> notifyUser("Could not keep the sweep point as a run: " + e.getMessage()));
            }
        });
        RunsView runsView = new RunsView(runs, run -> {
            train.resume(run);
            select(WorkbenchTab.TRAIN);
        });
        // the analysis tabs pick up the model of the last run when they have none yet
        Runnable analysisShown = () -> { if (!analysis.hasModel() && train.lastModelFile() != null) analysis.useLastTrainedModel(); };
        List<Page> pages = List.of(
                new Page(WorkbenchTab.TRAIN, new TrainView(train)),
                new Page(WorkbenchTab.RUNS, runsView, runs::refresh),
                new Page(WorkbenchTab.DOCUMENTS, new DocumentsView(documents)),
                new Page(WorkbenchTab.ANOMALIES, new AnomaliesView(analysis, this::notifyUser), analysisShown),
                new Page(WorkbenchTab.LATENT, new LatentView(analysis, this::notifyUser), analysisShown),
                new Page(WorkbenchTab.DREAM, new DreamView(analysis), analysisShown));
        for (Page p : pages) {
            // select(tab) counts on it
            if (p.tab().ordinal() != pages.indexOf(p)) throw new IllegalStateException("pages out of WorkbenchTab order at " + p.tab());
        }
        tabs = new TabPane(pages.stream().map(Page::toTab).toArray(Tab[]::new));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> { if (tab != null) Page.of(tab).onShown().run(); });
        tabs.setId("tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        train.run().savedRunProperty().addListener((o, a, run) -> { if (run != null && run.status() != RunRecord.Status.RUNNING) runs.refresh(); });
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(tabs, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), train::train);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), train::pauseOrResume);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), train::stop);
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> { if (train.run().runningProperty().get() && !confirmQuitWhileTraining()) e.consume(); });
        stage.setMinWidth(Math.min(1000, screen.getWidth()));
        stage.setMinHeight(Math.min(680, screen.getHeight()));
        stage.show();
        // from the start of the user's JVM: the one that started this JVM for the window, if any (WindowJvm)
        long launched = Long.getLong("dae.launchedAt", java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        LOG.info("window up in {} ms after FX start, {} ms after the JVM started", Math.round((System.nanoTime() - t0) / 1e6),
                System.currentTimeMillis() - launched);
        train.engineReadyProperty().addListener((o, a, ready) -> LOG.info("engine ready (Train enabled) {} ms after the JVM started",
                System.currentTimeMillis() - launched));
        train.start();
        runs.refresh();
        FxStallMonitor stalls = FxStallMonitor.startIfRequested();
        if (stalls != null) train.run().runningProperty().addListener((o, a, now) -> {
            if (now) stalls.trainingStarted();
            else {
                stalls.trainingEnded();
                // the stall bench measures one run and leaves
                if (Boolean.getBoolean("dae.exitAfterRun")) javafx.application.Platform.exit();
            }
        });
        if (options.autostart()) autostart();
        if (options.model() != null) analysis.useModelFile(options.model());
        if (options.tab() != null) select(options.tab());
        if (!options.pagesToOpen().isEmpty()) {
            // dae-workbench --open scan.jpg page2.png: straight to the Documents tab with those pages
            if (options.tab() == null) select(WorkbenchTab.DOCUMENTS);
            documents.add(options.pagesToOpen().stream().map(Path::toFile).toList());
        }
    }

    /** Shows that tab (the pages are built in {@link WorkbenchTab} order). */
    private void select(WorkbenchTab tab) {
        tabs.getSelectionModel().select(tab.ordinal());
    }

    /**
     * Trains the current settings as soon as the engine and the data are ready and the window
     * has drawn its first frames (the first full paint of the window takes a few hundred ms in
     * software rendering; a run starting under it would begin with a frozen-looking window).
     */
    private void autostart() {
        new javafx.animation.AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames < AUTOSTART_AFTER_FRAMES || !train.engineReadyProperty().get() || train.settings().loadedDatasetProperty().get() == null) return;
                stop();
                train.train();
            }
        }.start();
    }

    static final String KEEP_TRAINING = "Keep training";

    /** Closing the window mid-run asks first: the run is kept either way, but the epoch under way is lost. */
    private boolean confirmQuitWhileTraining() {
        javafx.scene.control.ButtonType quit = new javafx.scene.control.ButtonType("Stop and quit", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.ButtonType keep = new javafx.scene.control.ButtonType(KEEP_TRAINING, javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "Quitting stops the run. It is kept, with its model from the last completed epoch, and Runs > Resume"
                        + " continues it next time; the epoch under way is lost.", quit, keep);
        ask.initOwner(stage);
        ask.setTitle(TITLE);
        ask.setHeaderText("Training is still running");
        return ask.showAndWait().orElse(keep) == quit;
    }

    void notifyUser(String message) {
        LOG.warn(message);
        try {
            // show(), not showWarning(): that one replaces the graphic (our wrapped text) with its icon
            Notifications.create().owner(stage).title(TITLE).graphic(notice(message)).hideAfter(Duration.seconds(8)).show();
        } catch (RuntimeException e) {
            // a notification that cannot be shown (no screen) must not break the action that raised it
        }
    }

    /** Notices wrap at this width: ControlsFX's own text is one line, and a long one ran past the window's edge. */
    static final double NOTICE_WIDTH = 380;

    /** ControlsFX's warning icon beside the message, wrapped. */
    static javafx.scene.Node notice(String message) {
        javafx.scene.image.ImageView icon = new javafx.scene.image.ImageView(
                Notifications.class.getResource("/org/controlsfx/dialog/dialog-warning.png").toExternalForm());
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(10, icon, noticeText(message));
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.setPadding(new javafx.geometry.Insets(4, 8, 4, 4));
        return box;
    }

    static javafx.scene.control.Label noticeText(String message) {
        javafx.scene.control.Label text = new javafx.scene.control.Label(message);
        text.setWrapText(true);
        text.setMaxWidth(NOTICE_WIDTH);
        text.setPrefWidth(NOTICE_WIDTH);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.getStyleClass().add("notice-text");
        return text;
    }

    @Override
    public void stop() {
        if (train != null) {
            train.stop();
            try {
                Settings.of(train).save(settingsFile);
            } catch (java.io.IOException e) {
                LOG.warn("could not save the settings to {}: {}", settingsFile, e.getMessage());
            }
        }
        runner.shutdown();
    }

    public TrainViewModel trainViewModel() { return train; }

    public DocumentsViewModel documentsViewModel() { return documents; }

    public AnalysisViewModel analysisViewModel() { return analysis; }


}
