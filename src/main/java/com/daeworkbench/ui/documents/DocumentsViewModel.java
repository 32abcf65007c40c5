package com.daeworkbench.ui.documents;

import com.daeworkbench.core.infer.DocumentModel;
import com.daeworkbench.core.infer.TiledDenoiser;
import com.daeworkbench.core.io.GrayImage;
import com.daeworkbench.core.io.ImageLoader;
import com.daeworkbench.core.io.ImageWriter;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.io.PageFiles;
import com.daeworkbench.core.io.DocumentWriter;
import com.daeworkbench.core.io.PageFormat;
import com.daeworkbench.core.io.PageSize;
import com.daeworkbench.core.io.PageSource;
import com.daeworkbench.core.io.Problems;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.ui.TaskRunner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Scanned pages in, cleaned pages out: pages dropped or opened queue up and are cleaned one
 * after another on the background runner with the bundled document model (or a model the
 * user picks), each with its own progress; results are kept in memory until saved.
 */
public final class DocumentsViewModel {
    public static final List<String> IMAGE_EXTENSIONS = ImageLoader.EXTENSIONS;

    public enum Status { QUEUED, CLEANING, CLEANED, SAVED, FAILED }

    /**
     * One page: its file (and which page of it, for a PDF or multi-page TIFF), where it stands,
     * and its before/after images once cleaned.
     */
    public static final class Page {
        private final Path source;
        /** where it lay under a dropped folder (saved into the same subfolder), or null */
        private final Path subfolder;
        private final int index;
        /** 1 until the file is opened; a multi-page file then lists each of its pages. */
        private final int pageCount;
        private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.QUEUED);
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
        private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("waiting");
        private GrayImage before;
        private GrayImage after;
        /** the size the page is printed at, so a cleaned PDF keeps its pages' sizes */
        private PageSize size;

        Page(Path source) { this(source, null, 0, 1); }

        Page(Path source, Path subfolder, int index, int pageCount) {
            this.source = source;
            this.subfolder = subfolder;
            this.index = index;
            this.pageCount = pageCount;
        }

        public Path source() { return source; }
        /** "scan.png", "box2/scan.png" when it lay in a dropped folder's subfolder, "scan.pdf p2/40". */
        public String name() {
            String file = subfolder == null ? source.getFileName().toString() : subfolder.resolve(source.getFileName()).toString();
            return file + (pageCount > 1 ? " p" + (index + 1) + "/" + pageCount : "");
        }
        public GrayImage before() { return before; }
        public GrayImage after() { return after; }
        public ReadOnlyObjectProperty<Status> statusProperty() { return status.getReadOnlyProperty(); }
        public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
        public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
        public Status status() { return status.get(); }

        /** The output file for a folder: the input's name with .png (-p1.png ... for pages), as the CLI's denoise writes it. */
        public Path outputIn(Path folder) {
            return under(folder).resolve(stem() + (pageCount > 1 ? "-p" + (index + 1) : "") + ".png");
        }

        /** A PDF comes back as one PDF of the same pages and page sizes, as denoise writes it. */
        Path pdfIn(Path folder) {
            return under(folder).resolve(stem() + ".pdf");
        }

        /** The folder, or its subfolder that mirrors where the page lay in a dropped folder, as denoise does. */
        private Path under(Path folder) {
            return subfolder == null ? folder : folder.resolve(subfolder);
        }

        boolean fromPdf() {
            return source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf");
        }

        private String stem() {
            String n = source.getFileName().toString();
            int dot = n.lastIndexOf('.');
            return dot <= 0 ? n : n.substring(0, dot);
        }
    }

    private final TaskRunner runner;
    /** saves, one at a time in the order asked: two saves to one folder must not interleave */
    private final TaskRunner pageWriter;
    private final Consumer<String> notifier;
    private final Supplier<Path> lastTrainedModel;
    private final ObservableList<Page> pages = FXCollections.observableArrayList();
    private final ObjectProperty<Page> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper modelName = new ReadOnlyStringWrapper("bundled document model (loads on first page)");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Drop scanned pages or folders here, or press Open.");
    /** model file to use; null means the bundled document model */
    private Path modelFile;
    private DenoisingModel model;
    private TaskRunner.Handle current;

    public DocumentsViewModel(TaskRunner runner, Consumer<String> notifier, Supplier<Path> lastTrainedModel) {
        this.runner = runner;
        this.pageWriter = runner.serial();
        this.notifier = notifier;
        this.lastTrainedModel = lastTrainedModel;
    }

    /** Queues image files, and the images inside folders and their subfolders, as denoise finds them; starts cleaning. */
    public int add(List<File> files) {
        List<Page> added = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (File f : files) {
            Path p = f.toPath();
            if (Files.isDirectory(p)) {
                try {
                    List<Path> inside = PageFiles.in(p, null, unreadable -> skipped.add(unreadable));
                    if (inside.isEmpty()) skipped.add(PageFiles.noneIn(p));
                    for (Path q : inside) added.add(new Page(q, p.relativize(q).getParent(), 0, 1));
                } catch (IOException e) {
                    skipped.add(p.getFileName() + " (cannot list the folder: " + e.getMessage() + ")");
                }
            } else if (isImage(p)) {
                added.add(new Page(p));
            } else {
                skipped.add(p.getFileName() + " (not an image: " + String.join(", ", IMAGE_EXTENSIONS) + ")");
            }
        }
        if (!skipped.isEmpty()) notifier.accept("Skipped " + String.join("; ", skipped));
        pages.addAll(added);
        if (selected.get() == null && !added.isEmpty()) selected.set(added.get(0));
        if (added.isEmpty() && skipped.isEmpty()) notifier.accept("No images found in what was dropped.");
        cleanNext();
        return added.size();
    }

    static boolean isImage(Path p) {
        return ImageLoader.isImageFile(p);
    }

    private void cleanNext() {
        if (busy.get()) return;
        Page next = pages.stream().filter(p -> p.status() == Status.QUEUED).findFirst().orElse(null);
        if (next == null) {
            long done = pages.stream().filter(p -> p.status() == Status.CLEANED || p.status() == Status.SAVED).count();
            if (!pages.isEmpty()) status.set(done + " of " + pages.size() + " pages cleaned.");
            return;
        }
        busy.set(true);
        next.status.set(Status.CLEANING);
        next.message.set("loading");
        status.set("Cleaning " + next.name() + "...");
        current = runner.submit("clean-" + next.name(), () -> clean(next), result -> {
            Page done = result.pageCount() == next.pageCount ? next : listPagesOf(next, result.pageCount());
            done.before = result.before();
            done.after = result.after();
            done.size = result.size();
            done.progress.set(1);
            done.message.set(result.before().width() + " x " + result.before().height());
            done.status.set(Status.CLEANED);
            busy.set(false);
            if (selected.get() == next || selected.get() == done) {
                selected.set(null);
                selected.set(done);
            }
            cleanNext();
        }, error -> {
            next.status.set(Status.FAILED);
            // the loader's message starts with the file's name; the page's row and the notice name it once
            next.message.set(withoutName(reason(error), next.name()));
            busy.set(false);
            if (!(error instanceof TiledDenoiser.CancelledException) && !(error instanceof InterruptedException)) {
                notifier.accept("Could not clean " + next.name() + ": " + withoutName(reason(error), next.name()));
            }
            cleanNext();
        });
    }

    /**
     * A file first listed as one entry turned out to hold several pages: its entry becomes page 1
     * and the others are queued right after it.
     */
    private Page listPagesOf(Page first, int pageCount) {
        int at = pages.indexOf(first);
        List<Page> all = new ArrayList<>();
        for (int i = 0; i < pageCount; i++) all.add(new Page(first.source, first.subfolder, i, pageCount));
        all.get(0).status.set(Status.CLEANING);
        pages.remove(at);
        pages.addAll(at, all);
        return all.get(0);
    }

    private record Cleaned(GrayImage before, GrayImage after, int pageCount, PageSize size) { }

    private Cleaned clean(Page page) throws Exception {
        GrayImage before;
        int pageCount;
        PageSize size;
        try (PageSource file = ImageLoader.withPixelLimit(ImageLoader.DEFAULT_PIXEL_LIMIT).open(page.source())) {
            pageCount = file.pageCount();
            com.daeworkbench.core.io.Page read = file.read(page.index);
            before = read.image();
            size = read.size();
        }
        DenoisingModel m = model();
        runner.onUiThread(() -> page.message.set("cleaning"));
        float[] out = new TiledDenoiser(m).denoise(before.pixels(), before.height(), before.width(), (done, total) -> {
            if (Thread.currentThread().isInterrupted()) throw new TiledDenoiser.CancelledException();
            runner.onUiThread(() -> page.progress.set((double) done / total));
        });
        return new Cleaned(before, new GrayImage(before.width(), before.height(), out), pageCount, size);
    }

    /** The model in use, loaded on the worker thread the first time a page needs it. */
    private synchronized DenoisingModel model() throws IOException {
        if (model == null) {
            model = modelFile == null ? DocumentModel.loadBundled().model() : ModelStore.load(modelFile).model();
            if (modelFile == null) {
                var spec = model.spec();
                runner.onUiThread(() -> modelName.set("bundled document model (" + spec.kind().name().toLowerCase(Locale.ROOT)
                        + " " + spec.layers() + "x" + spec.width() + ")"));
            }
        }
        return model;
    }

    /** Stops the page being cleaned and drops the queue (cleaned pages stay). */
    public void cancel() {
        if (current != null) current.cancel();
        for (Page p : pages) {
            if (p.status() == Status.QUEUED) {
                p.status.set(Status.FAILED);
                p.message.set("cancelled");
            }
        }
    }

    public void useModelFile(Path file) {
        if (busy.get()) {
            notifier.accept("Wait for the current page, or cancel, before changing the model.");
            return;
        }
        runner.submit("load-document-model", () -> ModelStore.load(file).model(), m -> {
            if (!m.spec().fullyConvolutional()) {
                m.close();
                notifier.accept(file.getFileName() + " is a dense model for " + m.spec().inputWidth() + "x" + m.spec().inputHeight()
                        + " images; pages need a convolutional or residual model.");
                return;
            }
            replaceModel(m, file);
            modelName.set(file.getFileName().toString());
            requeueAll();
        }, e -> notifier.accept("Could not load " + file.getFileName() + ": " + reason(e)));
    }

    /** Uses the model of the Train tab's last run (saved after every epoch): fine-tuned on your own pages. */
    public void useLastTrainedModel() {
        Path file = lastTrainedModel.get();
        if (file == null || !Files.exists(file)) {
            notifier.accept("No trained model yet: train on a documents data set (or your own page pairs) in the Train tab first.");
            return;
        }
        useModelFile(file);
    }

    public void useBundledModel() {
        if (busy.get()) return;
        replaceModel(null, null);
        modelName.set("bundled document model");
        requeueAll();
    }

    private void replaceModel(DenoisingModel m, Path file) {
        if (model != null) model.close();
        model = m;
        modelFile = file;
    }

    /** Cleans every page again with the model just chosen. */
    private void requeueAll() {
        for (Page p : pages) {
            if (p.status() != Status.QUEUED) {
                p.status.set(Status.QUEUED);
                p.progress.set(0);
                p.message.set("waiting");
            }
        }
        cleanNext();
    }

    /** Saves one cleaned page into a folder; never over its own input. Returns the file written. */
    public void save(Page page, Path folder) {
        saveAll(List.of(page), folder);
    }

    public void saveAll(Path folder) {
        saveAll(pages.stream().filter(p -> p.after != null).toList(), folder);
    }

    private void saveAll(List<Page> toSave, Path folder) {
        if (toSave.isEmpty()) {
            notifier.accept("Nothing cleaned yet to save.");
            return;
        }
        // a PDF whose every page is cleaned goes out as one PDF; anything else one PNG a page
        Map<Path, List<Page>> wholePdfs = new LinkedHashMap<>();
        for (Page p : toSave) if (p.fromPdf()) wholePdfs.computeIfAbsent(p.source(), k -> new ArrayList<>()).add(p);
        wholePdfs.values().removeIf(group -> group.size() != group.get(0).pageCount
                || group.stream().anyMatch(p -> p.after == null || p.size == null));
        Map<Page, Path> targets = new LinkedHashMap<>();
        for (Page p : toSave) targets.put(p, wholePdfs.containsKey(p.source()) ? p.pdfIn(folder) : p.outputIn(folder));
        Map<Path, Page> byTarget = new HashMap<>();
        for (Map.Entry<Page, Path> t : targets.entrySet()) {
            Path target = t.getValue().toAbsolutePath().normalize();
            Page other = byTarget.putIfAbsent(target, t.getKey());
            if (other != null && !other.source().equals(t.getKey().source())) {
                // two dropped files of one name (a/scan.png, b/scan.png): the second would replace the first
                notifier.accept(other.source() + " and " + t.getKey().source() + " would both be saved as "
                        + t.getValue().getFileName() + "; save them one at a time, into different folders.");
                return;
            }
            if (target.equals(t.getKey().source().toAbsolutePath().normalize())) {
                notifier.accept("Saving " + t.getKey().name() + " into " + folder + " would overwrite the original; choose another folder.");
                return;
            }
        }
        status.set("Saving " + toSave.size() + " page(s) to " + folder + "...");
        pageWriter.submit("save-pages", (Callable<List<Page>>) () -> {
            Files.createDirectories(folder);
            List<Page> saved = new ArrayList<>();
            for (List<Page> pdf : wholePdfs.values()) {
                DocumentWriter.write(pdf.get(0).pdfIn(folder), PageFormat.PDF, pdf.size(),
                        i -> new com.daeworkbench.core.io.Page(pdf.get(i).after, pdf.get(i).size, true), false);
                saved.addAll(pdf);
            }
            for (Page p : toSave) {
                if (wholePdfs.containsKey(p.source())) continue;
                ImageWriter.writePng(p.outputIn(folder), p.after);
                saved.add(p);
            }
            return saved;
        }, saved -> {
            for (Page p : saved) {
                p.status.set(Status.SAVED);
                p.message.set("saved as " + targets.get(p).getFileName());
            }
            status.set("Saved " + saved.size() + " page(s) to " + folder + ".");
        }, e -> notifier.accept("Could not save into " + folder + ": " + reason(e)));
    }

    public void clear() {
        cancel();
        pages.clear();
        selected.set(null);
        status.set("Drop scanned pages or folders here, or press Open.");
    }

    /** "notes.png: not an image" about notes.png: "not an image". */
    static String withoutName(String reason, String fileName) {
        String prefix = fileName + ": ";
        return reason.startsWith(prefix) ? reason.substring(prefix.length()) : reason;
    }

    static String reason(Throwable e) {
        Throwable t = Problems.telling(e);
        if (t instanceof OutOfMemoryError) return "out of memory (the page is too large for the memory given to the app)";
        if (t instanceof TiledDenoiser.CancelledException || t instanceof InterruptedException) return "cancelled";
        return Problems.describe(t);
    }

    public ObservableList<Page> pages() { return pages; }
    public ObjectProperty<Page> selectedProperty() { return selected; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty modelNameProperty() { return modelName.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
}
