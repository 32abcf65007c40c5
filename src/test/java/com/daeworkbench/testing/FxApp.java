package com.daeworkbench.testing;

import com.daeworkbench.ui.WorkbenchApp;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real window for TestFX tests, headless (Monocle), with its home folder in a temp dir. */
public final class FxApp {
    private FxApp() { }

    public static WorkbenchApp launch(Path home) throws Exception {
        System.setProperty("dae.home", home.toString());
        FxToolkit.registerPrimaryStage();
        WorkbenchApp app = (WorkbenchApp) FxToolkit.setupApplication(WorkbenchApp.class);
        WaitForAsyncUtils.waitForFxEvents();
        return app;
    }

    public static void close(WorkbenchApp app) throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    /** Polls, letting the FX thread work in between, until the condition holds or the time is up. */
    public static void await(String what, long seconds, BooleanSupplier ok) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            WaitForAsyncUtils.waitForFxEvents();
            if (ok.getAsBoolean()) return;
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
