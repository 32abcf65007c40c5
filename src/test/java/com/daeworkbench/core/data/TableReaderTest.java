package com.daeworkbench.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.daeworkbench.core.io.DataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and typing table files: the formats a user's CSV comes in, and every refusal naming file, line and column. */
class TableReaderTest {
    @TempDir Path dir;

    Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static TableSchema schema(RawTable t) throws DataException {
        return TableSchema.fit(t, Scaling.STANDARD, null);
    }

    @Test
    void aCommaFileWithAHeaderGivesNamedNumericColumns() throws IOException {
        RawTable t = TableReader.read(file("a.csv", "x,y\n1,2\n3,4\n5,6\n"), null);
        assertThat(t.header()).isTrue();
        assertThat(t.delimiter()).isEqualTo(',');
        assertThat(t.names()).containsExactly("x", "y");
        assertThat(t.rowCount()).isEqualTo(3);
        assertThat(t.lines()).containsExactly(2L, 3L, 4L);
        assertThat(schema(t).columns()).allMatch(c -> c instanceof TableColumn.Numeric);
    }

    @Test
    void aFileWithoutHeaderNamesItsColumnsByNumber() throws IOException {
        RawTable t = TableReader.read(file("a.csv", "1,2\n3,4\n"), null);
        assertThat(t.header()).isFalse();
        assertThat(t.names()).containsExactly("column 1", "column 2");
        assertThat(t.rowCount()).isEqualTo(2);
        RawTable forced = TableReader.read(file("b.csv", "1,2\n3,4\n5,6\n"), true);
        assertThat(forced.header()).isTrue();
        assertThat(forced.rowCount()).isEqualTo(2);
    }

    @Test
    void semicolonAndTabAreDetectedAndSemicolonFilesMayUseDecimalCommas() throws IOException {
        RawTable semi = TableReader.read(file("s.csv", "a;b\n1,5;2\n3,25;4\n"), null);
        assertThat(semi.delimiter()).isEqualTo(';');
        TableSchema s = schema(semi);
        TableColumn.Numeric a = (TableColumn.Numeric) s.columns().get(0);
        assertThat(a.decimalComma()).isTrue();
        assertThat(a.center()).isEqualTo((1.5 + 3.25) / 2, org.assertj.core.data.Offset.offset(1e-9));
        RawTable tab = TableReader.read(file("t.txt.csv", "a\tb\tc\n1\t2\t3\n4\t5\t6\n"), null);
        assertThat(tab.delimiter()).isEqualTo('\t');
        assertThat(tab.columnCount()).isEqualTo(3);
        RawTable tsv = TableReader.read(file("t.tsv", "a\tb\n1,5\t2\n3\t4\n"), null);
        assertThat(tsv.delimiter()).isEqualTo('\t');
    }

    @Test
    void quotedFieldsKeepTheirDelimitersAndLineBreaks() throws IOException {
        RawTable t = TableReader.read(file("q.csv", "name,v\n\"Smith, J\",1\n\"two\nlines\",2\nplain,3\n"), null);
        assertThat(t.cell(0, 0)).isEqualTo("Smith, J");
        assertThat(t.cell(1, 0)).isEqualTo("two\nlines");
        assertThat(t.lines()).containsExactly(2L, 3L, 5L);
    }

    @Test
    void missingMarkersAreMissingWhateverTheirCase() throws IOException {
        RawTable t = TableReader.read(file("m.csv", "a,b\n1,\n2,NA\n3,nan\n4,?\n5,7\n6,n/a\n"), null);
        TableSchema s = schema(t);
        assertThat(s.columns().get(1)).isInstanceOf(TableColumn.Numeric.class);
        float[] v = s.encode(t).values();
        for (int r = 0; r < 4; r++) assertThat(v[r * 2 + 1]).isNaN();
        assertThat(v[5 * 2 + 1]).isNaN();
        assertThat(v[4 * 2 + 1]).isEqualTo(0f);   // the only present value is the mean
    }

    @Test
    void textColumnsAreOneHotAndTheLabelIsKeptAside() throws IOException {
        RawTable t = TableReader.read(file("c.csv", "size,colour,kind\n1,red,A\n2,blue,B\n3,red,A\n4,,B\n"), null);
        TableSchema s = TableSchema.fit(t, Scaling.MINMAX, "kind");
        assertThat(s.columns().get(1)).isInstanceOf(TableColumn.Categorical.class);
        assertThat(s.columns().get(2)).isInstanceOf(TableColumn.Label.class);
        assertThat(s.features()).isEqualTo(3);
        assertThat(s.featureNames()).containsExactly("size", "colour=blue", "colour=red");
        TableSchema.Encoded e = s.encode(t);
        assertThat(e.values()).startsWith(0f, 0f, 1f, 1f / 3, 1f, 0f);
        assertThat(e.values()[3 * 3 + 1]).isNaN();
        assertThat(e.labels()).containsExactly(0, 1, 0, 1);
        assertThat(e.labelNames()).containsExactly("A", "B");
        assertThat(TableSchema.fit(t, Scaling.MINMAX, "3").labelColumn()).isEqualTo(2);
        assertThatThrownBy(() -> TableSchema.fit(t, Scaling.MINMAX, "nope"))
                .isInstanceOf(DataException.class).hasMessageStartingWith("c.csv: no column 'nope'");
    }

    @Test
    void scalingIsPerColumnAndAConstantColumnDoesNotDivideByZero() throws IOException {
        RawTable t = TableReader.read(file("s.csv", "a,b,c\n1,10,5\n2,20,5\n3,30,5\n"), null);
        TableSchema std = TableSchema.fit(t, Scaling.STANDARD, null);
        float[] z = std.encode(t).values();
        double sd = Math.sqrt(2.0 / 3);
        assertThat(z[0]).isCloseTo((float) (-1 / sd), org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(z[1]).isCloseTo(z[0], org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(z[2]).isEqualTo(0f);
        float[] m = TableSchema.fit(t, Scaling.MINMAX, null).encode(t).values();
        assertThat(m).containsExactly(0f, 0f, 0f, 0.5f, 0.5f, 0f, 1f, 1f, 0f);
    }

    @Test
    void filledCellsAreWrittenInTheColumnsOwnUnitsAndNotation() throws IOException {
        RawTable t = TableReader.read(file("d.csv", "a;b\n1,50;2\n3,25;4\n"), null);
        TableSchema s = schema(t);
        TableColumn.Numeric a = (TableColumn.Numeric) s.columns().get(0);
        float[] row = {(float) a.scaled(2.0), 0f};
        assertThat(s.cellText(0, row, 0)).isEqualTo("2,00");
        assertThat(s.cellText(1, row, 1)).isEqualTo("3");
    }

    @Test
    void aRaggedRowIsRefusedWithItsLine() throws IOException {
        Path f = file("r.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n");
        assertThatThrownBy(() -> TableReader.read(f, null)).isInstanceOf(DataException.class)
                .hasMessageStartingWith("r.csv: line 3, column 2: the row has 2 fields but line 1 has 3");
    }

    @Test
    void aFewTextCellsInANumericColumnAreRefusedAtTheFirstOne() throws IOException {
        RawTable t = TableReader.read(file("t.csv", "a,b\n1,2\n3,x4\n5,6\n7,8\n"), null);
        assertThatThrownBy(() -> schema(t)).isInstanceOf(DataException.class)
                .hasMessageStartingWith("t.csv: line 3, column 2 ('b'): 'x4' is not a number, but 3 of the column's 4 cells are");
    }

    @Test
    void mostlyTextMakesACategoricalColumnWhoseNumbersAreCategoriesToo() throws IOException {
        RawTable t = TableReader.read(file("t.csv", "a,b\n1,low\n2,high\n3,3\n4,low\n"), null);
        TableColumn.Categorical b = (TableColumn.Categorical) schema(t).columns().get(1);
        assertThat(b.levels()).containsExactly("3", "high", "low");
    }

    @Test
    void aNumberInANewFilesNumericColumnMustBeANumber() throws IOException {
        TableSchema s = schema(TableReader.read(file("a.csv", "a,b\n1,2\n3,4\n"), null));
        RawTable other = TableReader.read(file("b.csv", "a,b\n1,2\nfive,4\n"), null);
        assertThatThrownBy(() -> s.encode(other)).isInstanceOf(DataException.class)
                .hasMessageStartingWith("b.csv: line 3, column 1 ('a'): 'five' is not a number in a numeric column");
        RawTable renamed = TableReader.read(file("c.csv", "a,c\n1,2\n3,4\n"), null);
        assertThatThrownBy(() -> s.encode(renamed)).hasMessageStartingWith("c.csv: column 2 is 'c' but the model expects 'b'");
        RawTable wider = TableReader.read(file("d.csv", "a,b,c\n1,2,3\n3,4,5\n"), null);
        assertThatThrownBy(() -> s.encode(wider)).hasMessageStartingWith("d.csv: has 3 columns but the model was trained on 2");
    }

    @Test
    void anAllEmptyColumnIsRefusedByName() throws IOException {
        RawTable t = TableReader.read(file("e.csv", "a,b,c\n1,,3\n4,NA,6\n"), null);
        assertThatThrownBy(() -> schema(t)).isInstanceOf(DataException.class)
                .hasMessage("e.csv: column 2 ('b') is empty or missing in every row: remove it");
    }

    @Test
    void aFileOfOneRowOrNoRowsIsRefused() throws IOException {
        RawTable one = TableReader.read(file("one.csv", "a,b\n1,2\n"), null);
        assertThatThrownBy(() -> schema(one)).isInstanceOf(DataException.class)
                .hasMessageStartingWith("one.csv: line 2: the only data row; a table needs at least 2 rows");
        assertThatThrownBy(() -> TableReader.read(file("empty.csv", "\n\n"), null)).hasMessage("empty.csv: the file is empty");
        RawTable headerOnly = TableReader.read(file("h.csv", "a,b\n"), null);
        assertThatThrownBy(() -> schema(headerOnly)).hasMessage("h.csv: the file has a header but no data rows");
    }

    @Test
    void aSingleColumnIsRefusedAsAWrongDelimiter() throws IOException {
        assertThatThrownBy(() -> TableReader.read(file("one.csv", "a|b\n1|2\n3|4\n"), null)).isInstanceOf(DataException.class)
                .hasMessageStartingWith("one.csv: line 1: one column found");
    }

    @Test
    void aFileAboveTheSizeLimitIsRefusedBeforeReading() throws IOException {
        Path f = file("big.csv", "a,b\n" + "1,2\n".repeat(1000));
        assertThatThrownBy(() -> TableReader.read(f, null, 1000)).isInstanceOf(DataException.class)
                .hasMessageContaining("big.csv: 0.0 MB is too large").hasMessageContaining("use a sample of its rows");
        assertThat(TableReader.read(f, null).rowCount()).isEqualTo(1000);
    }

    @Test
    void aNonUtf8FileIsRefusedAtItsFirstBadByte() throws IOException {
        Path f = dir.resolve("latin.csv");
        Files.write(f, "name,v\nok,1\ncaf\u00e9,2\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> TableReader.read(f, null)).isInstanceOf(DataException.class)
                .hasMessageStartingWith("latin.csv: line 3, column 4 (character): not UTF-8 text (byte 0xE9)");
        Path bom = dir.resolve("bom.csv");
        Files.write(bom, ("\uFEFFa,b\n1,2\n3,4\n").getBytes(StandardCharsets.UTF_8));
        assertThat(TableReader.read(bom, null).names()).containsExactly("a", "b");
    }

    @Test
    void anUnclosedQuoteIsRefusedAsUnreadable() throws IOException {
        assertThatThrownBy(() -> TableReader.read(file("q.csv", "a,b\n1,\"2\n3,4\n"), null)).isInstanceOf(DataException.class)
                .hasMessageStartingWith("q.csv: cannot be read as CSV");
    }

    @Test
    void refusalsAreOneLine() throws IOException {
        for (String text : List.of("a,b\n1,2\n3\n", "a,b\n1,2\n3,x\n4,5\n", "x|y\n")) {
            Path f = file("bad.csv", text);
            assertThatThrownBy(() -> schema(TableReader.read(f, null)))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").startsWith("bad.csv: "));
        }
    }

    @Test
    void anIdentifierColumnIsNotACategory() throws IOException {
        StringBuilder b = new StringBuilder("id,v\n");
        for (int i = 0; i < TableSchema.MAX_LEVELS + 5; i++) b.append("row").append(i).append(',').append(i).append('\n');
        RawTable t = TableReader.read(file("ids.csv", b.toString()), null);
        assertThatThrownBy(() -> schema(t)).hasMessageStartingWith("ids.csv: column 1 ('id') has 55 different texts");
    }
}
