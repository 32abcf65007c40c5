package com.daeworkbench.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.filter.MissingImageReaderException;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * The pages of a PDF, each rendered to gray when asked for, at the resolution of the largest
 * image on the page (a scan's own resolution) or at 300 dpi for a page without one. PDFBox
 * keeps the file on disk and its streams in a temp-file cache, so memory stays bounded by one
 * page however many pages the PDF has.
 */
final class PdfPages implements PageSource {
    /** Below this a scan is unreadable; above it the page is bigger than any scanner writes. */
    static final double MIN_DPI = 72, MAX_DPI = 1200;
    private static final int TAIL = 1024;

    private final Path file;
    private final long pixelLimit;
    private final PDDocument document;
    private final PDFRenderer renderer;

    private PdfPages(Path file, long pixelLimit, PDDocument document) {
        this.file = file;
        this.pixelLimit = pixelLimit;
        this.document = document;
        this.renderer = new StrictRenderer(document);
        // each page is rendered once: PDFBox's cache of images and fonts across pages would only
        // grow with the page count
        document.setResourceCache(null);
    }

    /** A PDF starts with %PDF- within its first kilobyte (the spec allows leading junk). */
    static boolean isPdf(Path file) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            ByteBuffer head = ByteBuffer.allocate(TAIL);
            while (head.hasRemaining() && ch.read(head) > 0) { }
            return new String(head.array(), 0, head.position(), StandardCharsets.ISO_8859_1).contains("%PDF-");
        }
    }

    static PdfPages open(Path file, long pixelLimit) throws IOException {
        // PDFBox's lenient parser rebuilds a cut-off PDF from whatever objects survive and
        // would clean half a document without a word
        if (!endsWithEofMarker(file)) throw new DataException(file, "truncated PDF (it does not end with %%EOF)");
        PDDocument document;
        try {
            document = Loader.loadPDF(file.toFile(), "", IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            throw new DataException(file, "encrypted PDF: it needs a password to open; remove the password first (e.g. qpdf --decrypt)");
        } catch (IOException | RuntimeException e) {
            throw new DataException(file, "corrupt PDF (" + describe(e) + ")", e);
        }
        if (document.getNumberOfPages() == 0) {
            document.close();
            throw new DataException(file, "corrupt PDF (it has no pages)");
        }
        return new PdfPages(file, pixelLimit, document);
    }

    private static boolean endsWithEofMarker(Path file) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            ByteBuffer tail = ByteBuffer.allocate((int) Math.min(TAIL, ch.size()));
            ch.position(ch.size() - tail.capacity());
            while (tail.hasRemaining() && ch.read(tail) > 0) { }
            return new String(tail.array(), StandardCharsets.ISO_8859_1).contains("%%EOF");
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public int pageCount() {
        return document.getNumberOfPages();
    }

    @Override
    public Page read(int index) throws IOException {
        try {
            PDPage page = document.getPage(index);
            double scanDpi = ScanResolution.of(page);
            boolean fromScan = !Double.isNaN(scanDpi);
            double dpi = fromScan ? Math.max(MIN_DPI, Math.min(MAX_DPI, scanDpi)) : PageSize.DEFAULT_DPI;
            PageSize size = shownSize(page);
            // PDFBox floors points x scale in float: 30.72 pt at 150 dpi is 63.99999 pixels, one short of
            // the 64 the scan had; the nudge is far below a pixel on any page size
            float scale = (float) (dpi / 72 * (1 + 1e-5));
            long w = (long) Math.floor(size.widthPoints() * scale), h = (long) Math.floor(size.heightPoints() * scale);
            if (w * h > pixelLimit) {
                throw new DataException(file, String.format("page %d at %.0f dpi would be %dx%d = %,d pixels, over the limit of %,d",
                        index + 1, dpi, w, h, w * h, pixelLimit));
            }
            GrayImage gray = ImageLoader.toGray(renderer.renderImage(index, scale, ImageType.GRAY));
            return new Page(gray, size, fromScan);
        } catch (DataException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (e.getCause() instanceof MissingImageReaderException missing) {
                // JPEG 2000 and JBIG2 need ImageIO plugins the app does not ship (docs/decisions/0005)
                throw new DataException(file, "page " + (index + 1) + " holds an image this app cannot decode (" + describe(missing) + ")", e);
            }
            throw new DataException(file, "corrupt PDF, page " + (index + 1) + " (" + describe(e) + ")", e);
        } catch (OutOfMemoryError e) {
            throw new DataException(file, "page " + (index + 1) + " is too large to render in the memory available");
        }
    }

    /** The crop box as the page is shown: a page turned by 90 or 270 degrees renders turned. */
    private static PageSize shownSize(PDPage page) {
        PDRectangle crop = page.getCropBox();
        boolean turned = page.getRotation() % 180 != 0;
        float w = Math.abs(crop.getWidth()), h = Math.abs(crop.getHeight());
        return turned ? new PageSize(h, w) : new PageSize(w, h);
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }

    @Override
    public void close() throws IOException {
        document.close();
    }

    /**
     * PDFBox logs an image it cannot draw and leaves a blank where it was: for a scan that is the
     * whole page, which would come out "cleaned" and empty. Here it fails the page instead.
     */
    private static final class StrictRenderer extends PDFRenderer {
        StrictRenderer(PDDocument document) {
            super(document);
        }

        @Override
        protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
            return new PageDrawer(parameters) {
                @Override
                protected void operatorException(Operator operator, List<COSBase> operands, IOException e) throws IOException {
                    if ("Do".equals(operator.getName())) throw new IOException("an image cannot be drawn: " + describe(e), e);
                    super.operatorException(operator, operands, e);
                }
            };
        }
    }
}
