package com.daeworkbench.ui;

import com.daeworkbench.core.runs.RunRecord;
import com.daeworkbench.core.runs.RunStore;
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

/**
 * The window. Shows at once with the bundled digits; the engine's natives load in the
 * background and Train enables when they are ready. {@code --autostart} trains the current
 * settings as soon as it can (demos and the live-view test).
 */
public final class WorkbenchApp extends Application {
    private DocumentsViewModel documents;
    private AnalysisViewModel analysis;
    public static final String TITLE = "DAE Workbench";
    /** pulses the window must have drawn before --autostart trains: past the first full paints */
    private static final int AUTOSTART_AFTER_FRAMES = 10;
    private final FxTaskRunner runner = new FxTaskRunner();
    private TrainViewModel train;
    private Path settingsFile;
    private Stage stage;

    /** Where runs and settings live: ~/.dae-workbench, or -Ddae.home=... (tests). */
    public static Path home() {
        String custom = System.getProperty("dae.home");
        return custom != null ? Path.of(custom) : Path.of(System.getProperty("user.home"), ".dae-workbench");
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        long t0 = System.nanoTime();
        RunStore store = new RunStore(home().resolve("runs"));
        settingsFile = home().resolve("settings.json");
        train = new TrainViewModel(runner, store, this::notifyUser);
        Settings saved = Settings.load(settingsFile);
        if (saved != null) saved.applyTo(train);
        RunsViewModel runs = new RunsViewModel(runner, store, this::notifyUser);
        runner.submit("recover-runs", store::recoverInterrupted, n -> { if (n > 0) runs.refresh(); }, e -> { });
        Tab trainTab = new Tab("Train", new TrainView(train));
        Tab runsTab = new Tab("Runs");
        runsTab.setId("runs-tab");
        documents = new DocumentsViewModel(runner, this::notifyUser, train::lastModelFile);
        Tab documentsTab = new Tab("Documents", new DocumentsView(documents));
        documentsTab.setId("documents-tab");
        analysis = new AnalysisViewModel(runner, this::notifyUser, train::lastModelFile, () -> train.loadedDatasetProperty().get(), run -> {
            try {
                store.save(run);
            } catch (java.io.IOException e) {
                runner.onUiThread(() -> notifyUser("Could not keep the sweep point as a run: " + e.getMessage()));
            }
        });
        Tab anomaliesTab = new Tab("Anomalies", new AnomaliesView(analysis, this::notifyUser));
        anomaliesTab.setId("anomalies-tab");
        Tab latentTab = new Tab("Latent", new LatentView(analysis, this::notifyUser));
        latentTab.setId("latent-tab");
        Tab dreamTab = new Tab("Dream", new DreamView(analysis));
        dreamTab.setId("dream-tab");
        TabPane tabs = new TabPane(trainTab, runsTab, documentsTab, anomaliesTab, latentTab, dreamTab);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> {
            // the analysis tabs pick up the model of the last run when they have none yet
            if ((tab == anomaliesTab || tab == latentTab || tab == dreamTab) && !analysis.hasModel() && train.lastModelFile() != null) {
                analysis.useLastTrainedModel();
            }
        });
        tabs.setId("tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        runsTab.setContent(new RunsView(runs, run -> {
            train.resume(run);
            tabs.getSelectionModel().select(trainTab);
        }));
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> { if (i.intValue() == 1) runs.refresh(); });
        train.savedRunProperty().addListener((o, a, run) -> { if (run != null && run.status() != RunRecord.Status.RUNNING) runs.refresh(); });
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(tabs, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), train::train);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), train::pauseOrResume);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), train::stop);
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> { if (train.runningProperty().get() && !confirmQuitWhileTraining()) e.consume(); });
        stage.setMinWidth(Math.min(1000, screen.getWidth()));
        stage.setMinHeight(Math.min(680, screen.getHeight()));
        stage.show();
        System.err.printf("DAE Workbench: window up in %.0f ms after FX start, %d ms after the JVM started%n", (System.nanoTime() - t0) / 1e6,
                System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        train.engineReadyProperty().addListener((o, a, ready) -> System.err.printf("DAE Workbench: engine ready (Train enabled) %d ms after the JVM started%n",
                System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()));
        train.start();
        runs.refresh();
        FxStallMonitor stalls = FxStallMonitor.startIfRequested();
        if (stalls != null) train.runningProperty().addListener((o, a, now) -> {
            if (now) stalls.trainingStarted();
            else {
                stalls.trainingEnded();
                // the stall bench measures one run and leaves
                if (Boolean.getBoolean("dae.exitAfterRun")) javafx.application.Platform.exit();
            }
        });
        if (getParameters().getRaw().contains("--autostart")) autostart();
        List<String> raw = getParameters().getRaw();
        for (String a : raw) {
            if (a.startsWith("--model=")) analysis.useModelFile(java.nio.file.Path.of(a.substring("--model=".length())));
            if (a.startsWith("--tab=")) {
                String wanted = a.substring("--tab=".length());
                tabs.getTabs().stream().filter(t -> t.getText().equalsIgnoreCase(wanted)).findFirst()
                        .ifPresent(t -> tabs.getSelectionModel().select(t));
            }
        }
        int open = raw.indexOf(com.daeworkbench.cli.Main.OPEN_FLAG);
        if (open >= 0) {
            // dae-workbench --open scan.jpg page2.png: straight to the Documents tab with those pages
            List<java.io.File> pages = raw.subList(open + 1, raw.size()).stream().map(java.io.File::new).toList();
            tabs.getSelectionModel().select(documentsTab);
            documents.add(pages);
        }
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
                if (++frames < AUTOSTART_AFTER_FRAMES || !train.engineReadyProperty().get() || train.loadedDatasetProperty().get() == null) return;
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
        System.err.println("DAE Workbench: " + message);
        try {
            Notifications.create().owner(stage).title(TITLE).text(message).hideAfter(Duration.seconds(8)).showWarning();
        } catch (RuntimeException e) {
            // a notification that cannot be shown (no screen) must not break the action that raised it
        }
    }

    @Override
    public void stop() {
        if (train != null) {
            train.stop();
            try {
                Settings.of(train).save(settingsFile);
            } catch (java.io.IOException e) {
                System.err.println("DAE Workbench: could not save the settings: " + e.getMessage());
            }
        }
        runner.shutdown();
    }

    public TrainViewModel trainViewModel() { return train; }

    public DocumentsViewModel documentsViewModel() { return documents; }

    public AnalysisViewModel analysisViewModel() { return analysis; }


}
