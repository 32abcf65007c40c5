package com.daeworkbench.core.analysis;

import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.metrics.Metrics;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * JPEG as the yardstick of the bottleneck sweep, through Java's own ImageIO writer (baseline,
 * 8-bit grayscale, the standard Huffman tables). A small JPEG is mostly header: a 28x28 file
 * is ~330 bytes of markers and tables before any image data. Those tables are the same for
 * every image (JPEG's "abbreviated" streams send them once), so the fair per-image cost is
 * the entropy-coded payload after the start-of-scan header; both sizes are reported.
 */
public final class JpegBaseline {

    /** Qualities the curve is measured at (ImageIO's 0..1 scale). */
    public static final double[] DEFAULT_QUALITIES = {0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0};

    /** One image through the codec: its sizes and the decoded pixels in [0,1]. */
    public record Encoded(int fileBytes, int payloadBytes, float[] decoded) { }

    /** Means over a set at one quality; PSNR as the reference computes it (dB, mean over images). */
    public record Point(double quality, double meanFileBytes, double meanPayloadBytes, double psnr) { }

    private JpegBaseline() { }

    /** Encodes image {@code h x w} at {@code offset} of {@code pixels} and decodes it again. */
    public static Encoded roundTrip(float[] pixels, int offset, int h, int w, double quality) {
        if (!(quality >= 0 && quality <= 1)) throw new IllegalArgumentException("JPEG quality must be in [0, 1], got " + quality);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = pixels[offset + y * w + x];
                raster.setSample(x, y, 0, Math.round(Math.max(0, Math.min(1, v)) * 255));
            }
        }
        try {
            byte[] bytes = write(image, (float) quality);
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes));
            float[] out = new float[h * w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) out[y * w + x] = decoded.getRaster().getSample(x, y, 0) / 255f;
            }
            return new Encoded(bytes.length, payloadBytes(bytes), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rate/quality curve of a set, one point per quality. */
    public static List<Point> curve(ImageSet images, double[] qualities) throws InterruptedException {
        if (images.count() == 0) throw new IllegalArgumentException("no images to encode");
        List<Point> points = new ArrayList<>();
        int px = images.pixelsPerImage();
        for (double q : qualities) {
            double file = 0, payload = 0, psnr = 0;
            for (int i = 0; i < images.count(); i++) {
                if ((i & 63) == 0) Progress.checkInterrupted();
                Encoded e = roundTrip(images.pixels(), i * px, images.height(), images.width(), q);
                file += e.fileBytes();
                payload += e.payloadBytes();
                psnr += Metrics.psnr(images.image(i), e.decoded(), 0, px);
            }
            int n = images.count();
            points.add(new Point(q, file / n, payload / n, psnr / n));
        }
        return points;
    }

    /** The point whose mean payload is nearest to {@code bytes} (on a tie, the better PSNR). */
    public static Point nearest(List<Point> curve, double bytes) {
        Point best = null;
        for (Point p : curve) {
            if (best == null) { best = p; continue; }
            double d = Math.abs(p.meanPayloadBytes() - bytes), bd = Math.abs(best.meanPayloadBytes() - bytes);
            if (d < bd || (d == bd && p.psnr() > best.psnr())) best = p;
        }
        if (best == null) throw new IllegalArgumentException("empty JPEG curve");
        return best;
    }

    /**
     * Bytes after the start-of-scan header up to (not counting) the end-of-image marker: the
     * image data itself, without the tables and markers every file repeats.
     */
    static int payloadBytes(byte[] jpeg) {
        int i = 2; // after SOI
        while (i + 4 <= jpeg.length) {
            if ((jpeg[i] & 0xFF) != 0xFF) throw new IllegalArgumentException("not a JPEG marker at byte " + i);
            int marker = jpeg[i + 1] & 0xFF;
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker == 0xDA) {
                int start = i + 2 + length;
                int end = jpeg.length;
                if (end >= 2 && (jpeg[end - 2] & 0xFF) == 0xFF && (jpeg[end - 1] & 0xFF) == 0xD9) end -= 2;
                return end - start;
            }
            i += 2 + length;
        }
        throw new IllegalArgumentException("no start-of-scan marker");
    }

    private static byte[] write(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }
}
