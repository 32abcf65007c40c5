package com.daeworkbench.core.data;

import com.daeworkbench.core.io.DataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV or TSV file into a {@link RawTable} with Apache Commons CSV: UTF-8 (checked, not
 * guessed), delimiter , ; or tab detected from the first lines, quoted fields, a header row
 * detected or forced. Every refusal is a {@link DataException} naming the file and, when there
 * is one, the line and column.
 */
public final class TableReader {
    /** The whole table is held in memory as text and floats: beyond this a file is refused, not read half-way. */
    public static final long MAX_BYTES = 64L << 20;
    private static final char[] DELIMITERS = {',', ';', '\t'};
    private static final int SAMPLE_LINES = 50;

    private TableReader() { }

    /** @param header true or false to force, null to detect */
    public static RawTable read(Path file, Boolean header) throws IOException {
        return read(file, header, MAX_BYTES);
    }

    static RawTable read(Path file, Boolean header, long maxBytes) throws IOException {
        if (!Files.isRegularFile(file)) throw new DataException(file, "no such table file");
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new DataException(file, String.format(Locale.ROOT, "%.1f MB is too large: tables up to %d MB are read"
                    + " (the table is held in memory); use a sample of its rows", size / 1e6, maxBytes >> 20));
        }
        String text = utf8(file, Files.readAllBytes(file));
        if (text.isBlank()) throw new DataException(file, "the file is empty");
        char delimiter = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv") ? '\t' : detectDelimiter(text);
        List<List<String>> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        parse(file, text, delimiter, records, lines);
        if (records.isEmpty()) throw new DataException(file, "the file has no rows");
        int columns = records.get(0).size();
        if (columns < 2) {
            throw new DataException(file, "line " + lines.get(0) + ": one column found; a table needs at least two,"
                    + " separated by a comma, a semicolon or a tab");
        }
        for (int r = 1; r < records.size(); r++) {
            int n = records.get(r).size();
            if (n != columns) {
                throw new DataException(file, "line " + lines.get(r) + ", column " + Math.min(n, columns) + ": the row has " + n
                        + " fields but line " + lines.get(0) + " has " + columns + " (a ragged row: check its delimiters and quotes)");
            }
        }
        boolean hasHeader = header != null ? header : looksLikeHeader(records, delimiter);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            String name = hasHeader ? records.get(0).get(c) : "";
            names.add(name.isEmpty() ? "column " + (c + 1) : name);
        }
        int first = hasHeader ? 1 : 0;
        return new RawTable(file, names, hasHeader, delimiter, records.subList(first, records.size()),
                lines.subList(first, lines.size()));
    }

    /** Strict UTF-8 (a byte-order mark is dropped): a Latin-1 or UTF-16 file is refused at its first bad byte. */
    private static String utf8(Path file, byte[] bytes) throws DataException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            long line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
            throw new DataException(file, "line " + line + ", column " + column + " (character): not UTF-8 text"
                    + " (byte 0x" + String.format("%02X", bytes[bad] & 0xFF) + "); save the file as UTF-8");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).get();
    }

    private static void parse(Path file, String text, char delimiter, List<List<String>> records, List<Long> lines)
            throws DataException {
        int[] lineStarts = lineStarts(text);
        try (CSVParser parser = CSVParser.parse(text, format(delimiter))) {
            for (CSVRecord r : parser) {
                List<String> cells = new ArrayList<>(r.size());
                for (String cell : r) cells.add(cell.trim());
                // a line of only delimiters or a trailing empty line is not a row
                if (cells.size() == 1 && cells.get(0).isEmpty()) continue;
                records.add(cells);
                lines.add(lineOf(lineStarts, r.getCharacterPosition()));
            }
        } catch (UncheckedIOException | IllegalStateException | IOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            throw new DataException(file, "cannot be read as CSV: " + cause.getMessage()
                    + " (a quote opened and never closed?)");
        }
    }

    /** The 1-based line a record starts on, from its character position (quoted line breaks make the parser's own count run ahead). */
    private static long lineOf(int[] lineStarts, long position) {
        int i = java.util.Arrays.binarySearch(lineStarts, (int) position);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts.add(i + 1);
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The delimiter that splits the first lines into the same number (above one) of fields most often. */
    static char detectDelimiter(String text) {
        String sample = firstLines(text, SAMPLE_LINES);
        char best = ',';
        double bestScore = 0;
        for (char d : DELIMITERS) {
            List<Integer> counts = new ArrayList<>();
            try (CSVParser parser = CSVParser.parse(sample, format(d))) {
                for (CSVRecord r : parser) if (r.size() > 1 || !r.get(0).isEmpty()) counts.add(r.size());
            } catch (IOException | RuntimeException e) {
                continue;   // an unbalanced quote in the sample: this delimiter does not explain the file
            }
            int mode = mode(counts);
            if (mode < 2) continue;
            long agree = counts.stream().filter(c -> c == mode).count();
            // agreement first, then more fields: "1,5;2,5" splits evenly on both but ; gives the consistent columns
            double score = (double) agree / counts.size() * 1000 + mode;
            if (score > bestScore) {
                bestScore = score;
                best = d;
            }
        }
        return best;
    }

    private static int mode(List<Integer> values) {
        java.util.Map<Integer, Integer> count = new java.util.HashMap<>();
        int best = 0, bestCount = 0;
        for (int v : values) {
            int c = count.merge(v, 1, Integer::sum);
            if (c > bestCount || (c == bestCount && v > best)) {
                best = v;
                bestCount = c;
            }
        }
        return best;
    }

    private static String firstLines(String text, int n) {
        int pos = 0;
        for (int i = 0; i < n && pos >= 0; i++) {
            pos = text.indexOf('\n', pos);
            if (pos >= 0) pos++;
        }
        return pos < 0 ? text : text.substring(0, pos);
    }

    /**
     * A first row is a header when none of its cells is a number or a missing marker and some
     * column holds numbers below it; in a table of text only, when its cells all differ from the
     * second row's. Force it either way with the header option.
     */
    static boolean looksLikeHeader(List<List<String>> records, char delimiter) {
        List<String> first = records.get(0);
        for (String cell : first) {
            if (TableCells.isMissing(cell) || !Double.isNaN(TableCells.number(cell, delimiter))) return false;
        }
        if (records.size() < 2) return true;
        List<String> second = records.get(1);
        for (int c = 0; c < first.size(); c++) {
            if (!TableCells.isMissing(second.get(c)) && !Double.isNaN(TableCells.number(second.get(c), delimiter))) return true;
        }
        for (int c = 0; c < first.size(); c++) if (first.get(c).equals(second.get(c))) return false;
        return true;
    }
}
