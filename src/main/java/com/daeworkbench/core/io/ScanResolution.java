package com.daeworkbench.core.io;

import java.io.IOException;
import java.util.List;
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
    private long largestPixels;
    private double dpi = Double.NaN;

    private ScanResolution() {
        addOperator(new Concatenate(this));
        addOperator(new SetMatrix(this));
        addOperator(new Save(this));
        addOperator(new Restore(this));
    }

    /** The scan's dots per inch, or NaN when the page draws no image (born-digital text). */
    static double of(PDPage page) throws IOException {
        ScanResolution finder = new ScanResolution();
        finder.processPage(page);
        return finder.dpi;
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
        dpi = Math.max(image.getWidth() / widthInches, image.getHeight() / heightInches);
    }
}
