package com.daeworkbench.ui.analysis;

import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/** A table's scored rows in the Anomalies tab: score, label, and the column the model found most off. */
final class OddRowTable {
    private OddRowTable() { }

    static TableView<OddRowList.OddRow> create(String id) {
        TableView<OddRowList.OddRow> table = new TableView<>();
        table.setId(id);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("Press Score"));
        TableColumn<OddRowList.OddRow, Number> score = new TableColumn<>("score");
        score.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().score()));
        score.setCellFactory(c -> formatted("%.3f"));
        TableColumn<OddRowList.OddRow, String> label = new TableColumn<>("label");
        label.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        TableColumn<OddRowList.OddRow, String> column = new TableColumn<>("most off");
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().column() == null ? "(all missing)" : c.getValue().column()));
        TableColumn<OddRowList.OddRow, Number> off = new TableColumn<>("by");
        off.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().columnError()));
        off.setCellFactory(c -> formatted("%.1fx"));
        explain(score, "The row's anomaly score: the root mean square of its cells' errors, each cell hidden from the"
                + " model and predicted from the rest of the row, in units of its column's typical error.");
        explain(column, "The column whose value the rest of the row explained worst: where to look first.");
        explain(off, "How far that cell lay from the model's prediction, in multiples of the column's typical error.");
        table.getColumns().setAll(java.util.List.of(score, label, column, off));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(OddRowList.OddRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("from-test-set-row");
                if (!empty && row != null && row.odd()) getStyleClass().add("from-test-set-row");
            }
        });
        return table;
    }

    /** A column header that explains itself on hover (a column has no tooltip of its own). */
    private static void explain(TableColumn<?, ?> column, String text) {
        Label header = new Label(column.getText());
        header.setTooltip(new Tooltip(text));
        column.setText(null);
        column.setGraphic(header);
    }

    private static javafx.scene.control.TableCell<OddRowList.OddRow, Number> formatted(String format) {
        return new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null || Double.isNaN(v.doubleValue()) ? null : String.format(Locale.ROOT, format, v.doubleValue()));
            }
        };
    }
}
