package com.daeworkbench.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/**
 * The pages of an image file, through whichever ImageIO reader claims it (the JDK's, or the
 * TwelveMonkeys plugins for PNM, WebP, PSD, CMYK JPEG and every TIFF compression). Each page's
 * size is read from its header and checked against the pixel limit before it is decoded.
 */
final class ImagePages implements PageSource {
    private final Path file;
    private final long pixelLimit;
    private final boolean cutOff;
    private final ImageInputStream in;
    private final ImageReader reader;
    private final List<String> warnings = new ArrayList<>();
    private final int pageCount;

    private ImagePages(Path file, long pixelLimit, boolean cutOff, ImageInputStream in, ImageReader reader) throws IOException {
        this.file = file;
        this.pixelLimit = pixelLimit;
        this.cutOff = cutOff;
        this.in = in;
        this.reader = reader;
        reader.setInput(in, false, true);
        reader.addIIOReadWarningListener((source, warning) -> {
            // TwelveMonkeys warns that a CMYK JPEG without an ICC profile gets approximate colours:
            // for gray that is harmless; the JPEG reader's other warnings mean data is missing
            if (!warning.contains("ICC")) warnings.add(warning);
        });
        this.pageCount = Math.max(1, reader.getNumImages(true));
    }

    static ImagePages open(Path file, long pixelLimit, boolean pngWithoutEnd) throws IOException {
        ImageInputStream in = null;
        try {
            in = ImageIO.createImageInputStream(file.toFile());
            if (in == null) throw new DataException(file, "cannot be opened");
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DataException(file, "not an image or PDF this app reads (PNG, JPEG, TIFF, BMP, GIF, PNM, WebP, PSD, PDF)");
            }
            ImageReader reader = readers.next();
            try {
                return new ImagePages(file, pixelLimit, pngWithoutEnd, in, reader);
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                reader.dispose();
                throw e;
            }
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            if (in != null) in.close();
            throw failure(file, e);
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public int pageCount() {
        return pageCount;
    }

    @Override
    public Page read(int index) throws IOException {
        try {
            long w = reader.getWidth(index), h = reader.getHeight(index);
            if (w * h > pixelLimit) {
                throw new DataException(file, String.format("declares %dx%d = %,d pixels, over the limit of %,d", w, h, w * h, pixelLimit));
            }
            if (cutOff) throw new DataException(file, "truncated or corrupt image (the PNG ends before its IEND chunk)");
            GrayImage gray = ImageLoader.toGray(reader.read(index));
            if (!warnings.isEmpty()) throw new DataException(file, "truncated or corrupt image (" + warnings.get(0) + ")");
            double dpi = dpi(index);
            return new Page(gray, PageSize.ofPixels(gray.width(), gray.height(), Double.isNaN(dpi) ? PageSize.DEFAULT_DPI : dpi), true);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw failure(file, e);
        }
    }

    /** The resolution the file declares (TIFF, JPEG JFIF, PNG pHYs, ...), or NaN if none is usable. */
    private double dpi(int index) {
        try {
            IIOMetadata meta = reader.getImageMetadata(index);
            if (meta == null || !meta.isStandardMetadataFormatSupported()) return Double.NaN;
            Node size = find(meta.getAsTree("javax_imageio_1.0"), "HorizontalPixelSize");
            if (size == null || size.getAttributes().getNamedItem("value") == null) return Double.NaN;
            double mmPerPixel = Double.parseDouble(size.getAttributes().getNamedItem("value").getNodeValue());
            double dpi = 25.4 / mmPerPixel;
            // a file that says 1 dpi (or 72 from a default) is not a scan's resolution
            return dpi >= 75 && dpi <= 4800 ? dpi : Double.NaN;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;   // metadata is a nicety: a page without it still prints at 300 dpi
        }
    }

    private static Node find(Node node, String name) {
        if (node == null) return null;
        if (name.equals(node.getNodeName())) return node;
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            Node hit = find(c, name);
            if (hit != null) return hit;
        }
        return null;
    }

    /** Every failure as one line naming the file: plugins throw all kinds of runtime exceptions on corrupt data. */
    private static DataException failure(Path file, Throwable e) {
        if (e instanceof DataException d) return d;
        if (e instanceof AccessDeniedException) return new DataException(file, "cannot be read (permission denied)");
        if (e instanceof OutOfMemoryError) return new DataException(file, "too large to decode in the memory available");
        if (e instanceof IIOException) return new DataException(file, "truncated or corrupt image (" + e.getMessage() + ")", e);
        // the decoder's own words, not its class name: users read "Empty region!", not "IllegalArgumentException"
        String why = e.getMessage() == null || e.getMessage().isBlank()
                ? "the decoder failed: " + e.getClass().getSimpleName().replace("Exception", "")
                : e.getMessage().lines().findFirst().orElse("");
        return new DataException(file, "truncated or corrupt image (" + why + ")", e);
    }

    @Override
    public void close() throws IOException {
        reader.dispose();
        in.close();
    }
}
