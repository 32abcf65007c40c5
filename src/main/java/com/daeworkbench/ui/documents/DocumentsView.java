package com.daeworkbench.ui.documents;

import com.daeworkbench.core.io.GrayImage;
import com.daeworkbench.ui.common.Images;
import com.daeworkbench.ui.common.Tooltips;
import com.daeworkbench.ui.documents.DocumentsViewModel.Page;
import com.daeworkbench.ui.documents.DocumentsViewModel.Status;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.image.Image;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/** The Documents tab: drop pages, watch them cleaned one by one, compare before/after, save. */
public final class DocumentsView extends BorderPane {
    private final DocumentsViewModel vm;
    private final CompareView compare = new CompareView();
    private final ListView<Page> list = new ListView<>();
    private Path lastFolder;

    public DocumentsView(DocumentsViewModel vm) {
        this.vm = vm;
        setId("documents-view");
        getStyleClass().add("documents");
        list.setId("pages");
        list.setItems(vm.pages());
        list.setCellFactory(l -> new PageCell());
        list.setPrefWidth(260);
        list.setPlaceholder(new Label("No pages yet"));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> { if (p != null) vm.selectedProperty().set(p); });
        vm.selectedProperty().addListener((o, a, p) -> {
            if (p != null && list.getSelectionModel().getSelectedItem() != p) list.getSelectionModel().select(p);
            showPage(p);
        });
        compare.setId("compare");
        setTop(toolbar());
        setLeft(list);
        setCenter(compare);
        Label status = new Label();
        status.setId("documents-status");
        status.textProperty().bind(vm.statusProperty());
        status.setPadding(new Insets(4, 10, 4, 10));
        setBottom(status);
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) drop(e.getDragboard().getFiles());
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** What a drop does: queue the files and folders (also what the tests call). */
    public void drop(List<File> files) {
        if (!files.isEmpty()) lastFolder = files.get(0).toPath().toAbsolutePath().getParent();
        vm.add(files);
    }

    private void showPage(Page p) {
        if (p == null) {
            compare.show(null, null);
            return;
        }
        GrayImage b = p.before(), a = p.after();
        compare.show(b == null ? null : image(b), a == null ? null : image(a));
    }

    private static Image image(GrayImage g) {
        return Images.gray(g.pixels(), 0, g.width(), g.height());
    }

    private HBox toolbar() {
        Button open = button("Open...", "Add scanned pages (PNG, JPEG, TIFF, BMP, GIF); colour is turned to gray.");
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open scanned pages");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images and PDFs",
                    DocumentsViewModel.IMAGE_EXTENSIONS.stream().map(x -> "*." + x).toList()));
            if (lastFolder != null && lastFolder.toFile().isDirectory()) chooser.setInitialDirectory(lastFolder.toFile());
            List<File> files = chooser.showOpenMultipleDialog(getScene().getWindow());
            if (files != null) drop(files);
        });
        Button openFolder = button("Open folder...", "Add every image in a folder.");
        openFolder.setOnAction(e -> {
            File dir = new DirectoryChooser().showDialog(getScene().getWindow());
            if (dir != null) drop(List.of(dir));
        });
        Button save = button("Save...", "Save the selected cleaned page as PNG, named after its input, into a folder you choose.");
        save.setId("save-page");
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            Page p = vm.selectedProperty().get();
            return p == null || p.after() == null;
        }, vm.selectedProperty(), vm.busyProperty()));
        save.setOnAction(e -> chooseFolder().ifPresent(dir -> vm.save(vm.selectedProperty().get(), dir)));
        Button saveAll = button("Save all...", "Save every cleaned page into one folder (never over the originals):"
                + " a PDF whose pages are all cleaned as one PDF of the same page sizes, the rest one PNG a page.");
        saveAll.setId("save-all");
        saveAll.disableProperty().bind(Bindings.isEmpty(vm.pages()));
        saveAll.setOnAction(e -> chooseFolder().ifPresent(vm::saveAll));
        Button cancel = button("Cancel", "Stop cleaning; pages already cleaned stay.");
        cancel.disableProperty().bind(vm.busyProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button clear = button("Clear", "Remove every page from the list (files on disk are not touched).");
        clear.setOnAction(e -> vm.clear());

        MenuButton model = new MenuButton();
        model.setId("document-model");
        model.textProperty().bind(Bindings.concat("Model: ", vm.modelNameProperty()));
        model.setTooltip(Tooltips.wrapped("The network that cleans the pages. The bundled one was trained on generated dirty pages;"
                + " fine-tune it on your own page pairs in the Train tab and pick 'last trained' here."
                + " A page up to A4 at 150 dpi is cleaned four times, mirrored each way, and the four averaged:"
                + " each pass errs a little differently, so the mean errs less (larger pages get two passes or one,"
                + " so none takes longer than one pass over A4 at 300 dpi)."));
        MenuItem bundled = new MenuItem("Bundled document model");
        bundled.setOnAction(e -> vm.useBundledModel());
        MenuItem last = new MenuItem("Model of the last training run");
        last.setOnAction(e -> vm.useLastTrainedModel());
        MenuItem file = new MenuItem("Model file...");
        file.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("DAE models", "*.dae"));
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) vm.useModelFile(f.toPath());
        });
        model.getItems().addAll(bundled, last, file);

        Button fit = button("Fit", "Whole page in view (or double-click the page).");
        fit.setOnAction(e -> compare.fit());
        Button actual = button("1:1", "One image pixel per screen pixel. Scroll to zoom at the pointer, drag to pan, drag the line to compare.");
        actual.setOnAction(e -> compare.actualSize());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(6, open, openFolder, new Separator(javafx.geometry.Orientation.VERTICAL), save, saveAll, cancel, clear,
                grow, model, fit, actual);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 8, 10));
        bar.getStyleClass().add("toolbar");
        return bar;
    }

    private java.util.Optional<Path> chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Save cleaned pages into");
        File dir = chooser.showDialog(getScene().getWindow());
        return java.util.Optional.ofNullable(dir).map(File::toPath);
    }

    private static Button button(String text, String tip) {
        Button b = new Button(text);
        b.setTooltip(Tooltips.wrapped(tip));
        return b;
    }

    CompareView compareView() { return compare; }

    /** A page in the list: name, what is happening to it, and its progress. */
    private static final class PageCell extends ListCell<Page> {
        private final Label name = new Label();
        private final Label message = new Label();
        private final ProgressBar progress = new ProgressBar();
        private final VBox box = new VBox(2, name, message, progress);

        PageCell() {
            progress.setMaxWidth(Double.MAX_VALUE);
            progress.setPrefHeight(6);
            message.getStyleClass().add("hint");
            message.setWrapText(true);
            setPrefWidth(0);   // the cell takes the list's width: a long reason wraps instead of scrolling the list sideways
        }

        @Override
        protected void updateItem(Page p, boolean empty) {
            super.updateItem(p, empty);
            name.textProperty().unbind();
            message.textProperty().unbind();
            progress.progressProperty().unbind();
            if (empty || p == null) {
                setGraphic(null);
                return;
            }
            name.setText(p.name());
            message.textProperty().bind(p.messageProperty());
            progress.progressProperty().bind(p.progressProperty());
            progress.visibleProperty().bind(p.statusProperty().isEqualTo(Status.CLEANING));
            progress.managedProperty().bind(progress.visibleProperty());
            setGraphic(box);
        }
    }
}
