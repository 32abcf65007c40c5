package com.daeworkbench.core.table;

import com.daeworkbench.core.data.RawTable;
import com.daeworkbench.core.data.TableCells;
import com.daeworkbench.core.data.TableSchema;
import com.daeworkbench.core.io.AtomicFiles;
import com.daeworkbench.core.io.DataException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Fills the missing cells of a table file with a model and writes it back: the same header,
 * columns, order and rows, every present cell exactly as it was, only the missing ones filled,
 * in the file's units and number notation. Written atomically.
 */
public final class TableImputer {
    private TableImputer() { }

    /** What was filled: the rows, and the cells filled. */
    public record Result(int rows, int filled) { }

    public static Result impute(TableModel model, RawTable raw, Path out) throws IOException {
        TableSchema schema = model.schema();
        int f = schema.features();
        float[] values = schema.encode(raw).values();
        float[] filled = Imputation.model(model, values, raw.rowCount(), TableEvaluation.ROUNDS);
        int label = schema.labelColumn();
        List<List<String>> rows = new ArrayList<>();
        int count = 0;
        float[] row = new float[f];
        for (int r = 0; r < raw.rowCount(); r++) {
            System.arraycopy(filled, r * f, row, 0, f);
            List<String> cells = new ArrayList<>(raw.rows().get(r));
            for (int c = 0; c < cells.size(); c++) {
                if (c == label || !TableCells.isMissing(cells.get(c))) continue;
                cells.set(c, schema.cellText(c, row, schema.featureOffset(c)));
                count++;
            }
            rows.add(cells);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(raw.delimiter()).setRecordSeparator('\n').get();
        AtomicFiles.write(out, stream -> {
            Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            // not closed here: AtomicFiles flushes, forces and closes the stream itself
            CSVPrinter printer = new CSVPrinter(w, format);
            if (raw.header()) printer.printRecord(raw.names());
            for (List<String> cells : rows) printer.printRecord(cells);
            printer.flush();
        });
        return new Result(raw.rowCount(), count);
    }

    /** A refusal when the output would overwrite the input: filling in place loses the record of which cells were missing. */
    public static void checkTarget(Path in, Path out) throws DataException {
        if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new DataException(out, "is the input file; write the filled table to another file");
        }
    }
}
