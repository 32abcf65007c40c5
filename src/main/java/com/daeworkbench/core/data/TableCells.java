package com.daeworkbench.core.data;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a cell of a table file means: missing, a number (decimal point, or decimal comma in ; and tab files), or text. */
public final class TableCells {
    /** The markers of a missing cell, compared ignoring case; an empty cell is missing too. */
    public static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", "?");
    /** Plain decimal notation only: Java's parser would also take "Infinity", "0x1p3" or "1d", which no table means */
    private static final Pattern POINT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern COMMA = Pattern.compile("[+-]?\\d+,\\d+([eE][+-]?\\d+)?");

    private TableCells() { }

    public static boolean isMissing(String cell) {
        return MISSING.contains(cell.trim().toLowerCase(Locale.ROOT));
    }

    /** True for a number written with a decimal comma ("1,5"): allowed only when the delimiter is not a comma. */
    public static boolean hasDecimalComma(String cell) {
        return COMMA.matcher(cell.trim()).matches();
    }

    /** The number in a cell, or NaN when the cell is not a number in this file's notation. */
    public static double number(String cell, char delimiter) {
        String s = cell.trim();
        if (POINT.matcher(s).matches()) return Double.parseDouble(s);
        if (delimiter != ',' && COMMA.matcher(s).matches()) return Double.parseDouble(s.replace(',', '.'));
        return Double.NaN;
    }

    /** Digits after the decimal separator, or -1 when the number uses an exponent. */
    public static int decimals(String cell) {
        String s = cell.trim();
        if (s.indexOf('e') >= 0 || s.indexOf('E') >= 0) return -1;
        int dot = Math.max(s.indexOf('.'), s.indexOf(','));
        return dot < 0 ? 0 : s.length() - dot - 1;
    }

    /** A number with the given decimals (-1: six significant digits), with a decimal comma when the file uses one. */
    public static String format(double v, int decimals, boolean comma) {
        String s = decimals < 0
                ? new java.math.BigDecimal(v).round(new java.math.MathContext(6, java.math.RoundingMode.HALF_EVEN))
                        .stripTrailingZeros().toPlainString()
                : String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.matches("-0(\\.0*)?")) s = s.substring(1);
        return comma ? s.replace('.', ',') : s;
    }
}
