package com.daeworkbench.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.RawTable;
import com.daeworkbench.core.data.TableData;
import com.daeworkbench.core.data.TableReader;
import com.daeworkbench.core.data.TableSchema;
import com.daeworkbench.core.io.DataException;
import com.daeworkbench.core.io.ModelInfo;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.model.Models;
import com.daeworkbench.core.noise.CorruptionSpec;
import com.daeworkbench.core.train.Trainer;
import com.daeworkbench.core.train.TrainingEvent;
import com.daeworkbench.core.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dense DAE on a small table through the ordinary trainer, its model file, impute's round trip and eval's baselines. */
class TableImputationTest {
    @TempDir static Path dir;
    static Path file;
    static TableModel model;

    /** 300 rows: b = 2a + small noise, c = -a, a colour that follows a's sign, every 7th row's b missing. */
    @BeforeAll
    static void trainOnASmallTable() throws IOException {
        StringBuilder csv = new StringBuilder("a;b;c;colour;id\n");
        SplittableRandom rng = new SplittableRandom(1);
        for (int r = 0; r < 300; r++) {
            double a = rng.nextGaussian();
            String b = r % 7 == 0 ? "NA" : String.format(java.util.Locale.ROOT, "%.3f", 2 * a + 0.05 * rng.nextGaussian()).replace('.', ',');
            csv.append(String.format(java.util.Locale.ROOT, "%.3f", a).replace('.', ',')).append(';').append(b).append(';')
                    .append(String.format(java.util.Locale.ROOT, "%.2f", -a).replace('.', ',')).append(';')
                    .append(a > 0 ? "\"red, dark\"" : "blue").append(';').append(r % 2 == 0 ? "x" : "y").append('\n');
        }
        file = dir.resolve("t.csv");
        Files.writeString(file, csv);
        Dataset data = TableData.load(file, new TableData.Options(null, "id", com.daeworkbench.core.data.Scaling.STANDARD, 0, 1), 1);
        var spec = TableRecipe.defaults(data.table().features());
        model = new TableModel(Models.create(spec), data.table());
        List<TrainingEvent.EpochDone> epochs = new ArrayList<>();
        TrainingResult result = new Trainer(model, data, CorruptionSpec.parse("masking:0.25", data.shape()),
                new Trainer.Options(60, 0, 0, 0, 1)).run(e -> { if (e instanceof TrainingEvent.EpochDone d) epochs.add(d); });
        assertThat(result.outcome()).as(result.message()).isEqualTo(TrainingEvent.Outcome.COMPLETED);
        assertThat(epochs.get(0).validationPsnr()).as("tables are not scored by PSNR").isNaN();
        assertThat(epochs.get(epochs.size() - 1).validationRmse()).isLessThan(epochs.get(0).validationRmse());
    }

    @Test
    void imputeWritesTheSameTableWithOnlyTheMissingCellsFilled() throws IOException {
        Path out = dir.resolve("filled.csv");
        TableImputer.Result result = TableImputer.impute(model, TableReader.read(file, null), out);
        List<String> in = Files.readAllLines(file), filled = Files.readAllLines(out);
        assertThat(filled).hasSameSizeAs(in);
        assertThat(filled.get(0)).isEqualTo(in.get(0));
        assertThat(result.filled()).isEqualTo(43);
        RawTable before = TableReader.read(file, null), after = TableReader.read(out, null);
        assertThat(after.names()).isEqualTo(before.names());
        double squares = 0;
        for (int r = 0; r < before.rowCount(); r++) {
            for (int c = 0; c < before.columnCount(); c++) {
                String was = before.cell(r, c), is = after.cell(r, c);
                if (!"NA".equals(was)) {
                    assertThat(is).as(before.where(r, c)).isEqualTo(was);
                    continue;
                }
                assertThat(is).as("a filled cell in the file's decimal comma, 3 decimals").matches("-?\\d+,\\d{3}");
                double a = Double.parseDouble(before.cell(r, 0).replace(',', '.'));
                squares += Math.pow(Double.parseDouble(is.replace(',', '.')) - 2 * a, 2);
            }
        }
        // b is 2a, spread 2: filling with b's mean would miss by 2 on average; the model reads b from a and c
        assertThat(Math.sqrt(squares / result.filled())).isLessThan(1.0);
        assertThatThrownBy(() -> TableImputer.checkTarget(file, file)).isInstanceOf(DataException.class)
                .hasMessage("t.csv: is the input file; write the filled table to another file");
    }

    @Test
    void theModelFileKeepsTheSchema() throws IOException {
        Path m = dir.resolve("m.dae");
        ModelStore.save(m, model, ModelInfo.of("masking:0.25", "t.csv", 1, Map.of()));
        try (TableModel back = TableModel.of(ModelStore.load(m))) {
            assertThat(back.schema()).isEqualTo(model.schema());
            float[] row = model.schema().encode(TableReader.read(file, null)).values();
            float[] first = java.util.Arrays.copyOf(row, model.schema().features());
            assertThat(back.denoise(first, 1, 1, first.length)).containsExactly(model.denoise(first, 1, 1, first.length));
        }
    }

    @Test
    void hiddenCellsAreImputedBetterByTheModelThanByColumnMeans() throws IOException {
        TableEvaluation.Result r = TableEvaluation.run(model, TableReader.read(file, null), 0.2, 3);
        assertThat(r.hiddenCells()).isBetween(200, 320);
        assertThat(r.rmseModel()).isLessThan(r.rmseMean() * 0.7);
        assertThat(r.k()).isPositive();
        assertThat(r.rmseKnn()).isLessThan(r.rmseMean());
        assertThat(r.columns()).extracting(TableEvaluation.ColumnScore::column).containsExactly("a", "b", "c", "colour");
    }

    @Test
    void knnWithKOneCopiesTheNearestRowAndMeanUsesPresentCells() {
        float[] v = {0, 0, 10, 10, 0.1f, Float.NaN, 9, 9};
        assertThat(Imputation.knn(v, 4, 2, 1, 1)[5]).isEqualTo(0f);
        assertThat(Imputation.mean(v, 4, 2)[5]).isCloseTo(19 / 3f, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(Imputation.distance(v, 0, 2, 2)).as("NaN-Euclidean scales up the shared cells")
                .isCloseTo(Math.sqrt(0.01 * 2), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aRowWhoseCellBreaksTheColumnsRelationIsTheOddestAndNamesThatColumn() throws IOException {
        TableSchema schema = model.schema();
        TableSchema.Encoded e = schema.encode(TableReader.read(file, null));
        float[] v = e.values().clone();
        int f = schema.features();
        // the row with the largest |a| whose b is present: b flipped to -2a, far from where a and c put it
        int odd = -1;
        for (int r = 0; r < e.rows(); r++) {
            if (!Float.isNaN(v[r * f + 1]) && (odd < 0 || Math.abs(v[r * f]) > Math.abs(v[odd * f]))) odd = r;
        }
        v[odd * f + 1] = -v[odd * f + 1];
        OddRows.Result r = OddRows.score(model, v, e.rows());
        int top = 0;
        for (int i = 1; i < e.rows(); i++) if (r.rowScores()[i] > r.rowScores()[top]) top = i;
        assertThat(top).isEqualTo(odd);
        assertThat(r.columns().get(r.oddColumn()[odd])).isEqualTo("b");
        assertThat(r.cellErrors()[7][1]).as("a missing cell has no error").isNaN();
    }
}
