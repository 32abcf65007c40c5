package com.daeworkbench.core.io;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads images and scanned documents as gray: PNG, JPEG (CMYK too), TIFF (any compression, every
 * page), BMP, GIF, PNM (PBM/PGM/PPM/PAM), WebP, PSD (the flattened image) and PDF (each page
 * rendered). Each page's pixel count is checked from its header before anything is decoded, so a
 * decompression bomb costs nothing; every failure, including the runtime exceptions plugins throw
 * on corrupt data, becomes a {@link DataException} naming the file.
 */
public final class ImageLoader {
    public static final long DEFAULT_PIXEL_LIMIT = 100_000_000L;
    /** File name extensions of the formats this loader reads (lower case, no dot): the one list every caller uses. */
    public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "tif", "tiff", "bmp", "gif",
            "pnm", "pbm", "pgm", "ppm", "pam", "webp", "psd", "pdf");
    /** Whether a file's name ends in one of {@link #EXTENSIONS}, in any case: what a folder of pages is taken to hold. */
    public static boolean isImageFile(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
    }

    private static final ImageLoader DEFAULT = new ImageLoader(DEFAULT_PIXEL_LIMIT);

    private final long pixelLimit;

    private ImageLoader(long pixelLimit) {
        this.pixelLimit = pixelLimit;
    }

    public static ImageLoader withPixelLimit(long pixels) {
        if (pixels < 1) throw new IllegalArgumentException("the pixel limit must be positive");
        return new ImageLoader(pixels);
    }

    public static GrayImage loadGray(Path file) throws IOException {
        return DEFAULT.load(file);
    }

    /** The first page (the only one of most formats). */
    public GrayImage load(Path file) throws IOException {
        try (PageSource pages = open(file)) {
            return pages.read(0).image();
        }
    }

    /** Every page held in memory at once: for small files; {@link #open} reads a long document page by page. */
    public List<GrayImage> loadAllPages(Path file) throws IOException {
        try (PageSource pages = open(file)) {
            List<GrayImage> out = new ArrayList<>();
            for (int page = 0; page < pages.pageCount(); page++) out.add(pages.read(page).image());
            return out;
        }
    }

    /** The file's pages, each decoded only when read; the caller closes it. */
    public PageSource open(Path file) throws IOException {
        if (Files.isDirectory(file)) throw new DataException(file, "is a folder, not an image");
        if (!Files.exists(file)) throw new DataException(file, "no such file");
        if (!Files.isReadable(file)) throw new DataException(file, "cannot be read (permission denied)");
        try {
            if (Files.size(file) == 0) throw new DataException(file, "empty file");
            if (PdfPages.isPdf(file)) return PdfPages.open(file, pixelLimit);
            return ImagePages.open(file, pixelLimit, isPngWithoutEnd(file));
        } catch (AccessDeniedException e) {
            throw new DataException(file, "cannot be read (permission denied)");
        }
    }

    /**
     * Java's PNG reader decodes a PNG cut off after its header into a blank image without a
     * word; every complete PNG ends with the 12-byte IEND chunk.
     */
    private static boolean isPngWithoutEnd(Path file) throws IOException {
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
            java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(8);
            ch.read(head);
            byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
            if (head.position() < 8 || !java.util.Arrays.equals(head.array(), signature)) return false;
            if (ch.size() < 20) return true;
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(8);
            ch.position(ch.size() - 8);
            ch.read(tail);
            return !new String(tail.array(), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("IEND");
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    /** 16-bit gray keeps its precision; colour becomes luma (0.299, 0.587, 0.114); alpha is composited on white. */
    static GrayImage toGray(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        float[] px = new float[w * h];
        Raster raster = img.getRaster();
        boolean singleBand = raster.getNumBands() == 1 && img.getColorModel().getNumComponents() == 1;
        if (singleBand && img.getType() != BufferedImage.TYPE_BYTE_INDEXED && img.getType() != BufferedImage.TYPE_BYTE_BINARY) {
            int bits = img.getColorModel().getComponentSize(0);
            double max = raster.getDataBuffer().getDataType() == DataBuffer.TYPE_FLOAT ? 1.0 : (1L << bits) - 1;
            float[] row = new float[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) px[y * w + x] = (float) Math.min(1, Math.max(0, row[x] / max));
            }
            return new GrayImage(w, h, px);
        }
        int[] argb = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, argb, 0, w);
            for (int x = 0; x < w; x++) {
                int c = argb[x];
                double a = ((c >>> 24) & 0xff) / 255.0;
                double luma = (0.299 * ((c >> 16) & 0xff) + 0.587 * ((c >> 8) & 0xff) + 0.114 * (c & 0xff)) / 255.0;
                px[y * w + x] = (float) (luma * a + (1 - a));
            }
        }
        return new GrayImage(w, h, px);
    }
}
