package com.daeworkbench.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * The resolution a page was scanned at: that of the largest image drawn on it, from the image's
 * pixel size and the size it is drawn at. Walks the content stream without decoding any image.
 */
final class ScanResolution extends PDFStreamEngine {
    /** Filters that give raw samples, whose count can be checked; image codecs (DCT, JPX, CCITT, JBIG2) fail loudly on their own. */
    private static final Set<COSName> SAMPLE_FILTERS = Set.of(COSName.FLATE_DECODE, COSName.LZW_DECODE,
            COSName.RUN_LENGTH_DECODE, COSName.ASCII85_DECODE, COSName.ASCII_HEX_DECODE);

    private long largestPixels;
    private PDImageXObject largest;
    private double dpi = Double.NaN;

    private ScanResolution() {
        addOperator(new Concatenate(this));
        addOperator(new SetMatrix(this));
        addOperator(new Save(this));
        addOperator(new Restore(this));
    }

    /**
     * The scan's dots per inch, or NaN when the page draws no image (born-digital text).
     * Fails if the scan's data is cut short: PDFBox's Flate decoder stops at damage without a
     * word and the renderer draws what it got, a blank or half page that would be "cleaned".
     */
    static double of(PDPage page) throws IOException {
        ScanResolution finder = new ScanResolution();
        finder.processPage(page);
        if (finder.largest != null) requireComplete(finder.largest);
        return finder.dpi;
    }

    private static void requireComplete(PDImageXObject image) throws IOException {
        List<COSName> filters = image.getStream().getFilters();
        if (!SAMPLE_FILTERS.containsAll(filters) || image.getColorSpace() == null) return;
        long rowBytes = ((long) image.getWidth() * image.getBitsPerComponent() * image.getColorSpace().getNumberOfComponents() + 7) / 8;
        long expected = rowBytes * image.getHeight();
        long got = 0;
        // read, not skip: PDFBox's decoded streams skip past their end without complaint
        try (InputStream samples = image.getStream().createInputStream()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; got < expected && (n = samples.read(buffer)) > 0; ) got += n;
        }
        if (got < expected) {
            throw new IOException(String.format("its %dx%d image is damaged: %,d of %,d bytes decode", image.getWidth(), image.getHeight(), got, expected));
        }
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        if (!"Do".equals(operator.getName()) || operands.isEmpty() || !(operands.get(0) instanceof COSName name)) {
            super.processOperator(operator, operands);
            return;
        }
        PDXObject xobject = getResources() == null ? null : getResources().getXObject(name);
        if (xobject instanceof PDImageXObject image) {
            seen(image, getGraphicsState().getCurrentTransformationMatrix());
        } else if (xobject instanceof PDFormXObject form) {
            showForm(form);
        }
    }

    private void seen(PDImageXObject image, Matrix ctm) {
        long pixels = (long) image.getWidth() * image.getHeight();
        // the matrix maps the image's unit square onto the page: its scale is the drawn size in points
        double widthInches = ctm.getScalingFactorX() / 72.0, heightInches = ctm.getScalingFactorY() / 72.0;
        if (pixels <= largestPixels || widthInches <= 0 || heightInches <= 0) return;
        largestPixels = pixels;
        largest = image;
        dpi = Math.max(image.getWidth() / widthInches, image.getHeight() / heightInches);
    }
}
