import com.daeworkbench.core.io.GrayImage;
import com.daeworkbench.core.io.ImageLoader;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Generated pages beside real ones, compared as issue 14 asks: each page's share of ink (pixels
 * darker than 0.5), its median and 95th percentile (the paper), its gray-level histogram
 * and its radially averaged power spectrum (the texture at each scale: paper grain and noise at
 * high frequencies, stains and shading at low ones), drawn into one PNG and printed as a table.
 * Usage: java -cp "target/classes:target/lib/*" docs/gallery/PageStats.java OUT.png PAGE...
 * (a page's colour in the plots follows its position; names starting with "gen" are drawn dashed).
 */
public class PageStats {
    static final int BINS = 64, SIDE = 256, RADII = 24;
    static final Color[] COLOURS = {new Color(0xd62728), new Color(0xff7f0e), new Color(0x9467bd),
            new Color(0x1f77b4), new Color(0x2ca02c), new Color(0x17becf), new Color(0x8c564b), new Color(0x7f7f7f)};

    record Stats(String name, BufferedImage thumb, double[] histogram, double[] spectrum, double ink, double p50, double p95) { }

    public static void main(String[] args) throws Exception {
        List<Stats> pages = new ArrayList<>();
        for (int i = 1; i < args.length; i++) pages.add(stats(Path.of(args[i])));
        System.out.printf("%-32s %6s %6s %6s  %s%n", "page", "ink", "median", "p95", "log10 power at 1/128, 1/32, 1/8, 1/3 cycles/pixel");
        for (Stats s : pages) {
            System.out.printf("%-32s %6.3f %6.3f %6.3f  %s%n", s.name, s.ink, s.p50, s.p95, String.format("%6.2f %6.2f %6.2f %6.2f",
                    s.spectrum[bin(1 / 128.0)], s.spectrum[bin(1 / 32.0)], s.spectrum[bin(1 / 8.0)], s.spectrum[bin(1 / 3.0)]));
        }
        ImageIO.write(draw(pages), "png", Path.of(args[0]).toFile());
    }

    static Stats stats(Path file) throws Exception {
        GrayImage g = ImageLoader.loadGray(file);
        float[] px = g.pixels();
        double[] hist = new double[BINS];
        for (float v : px) hist[Math.min(BINS - 1, (int) (v * BINS))] += 1.0 / px.length;
        float[] sorted = px.clone();
        java.util.Arrays.sort(sorted);
        int ink = 0;
        for (float v : px) if (v < 0.5f) ink++;
        return new Stats(file.getFileName().toString(), thumbnail(g), hist, spectrum(g),
                ink / (double) px.length, sorted[px.length / 2], sorted[px.length * 19 / 20]);
    }

    /**
     * log10 of the mean power per log-spaced radius, averaged over every SIDE x SIDE tile of the page
     * (each Hann-windowed, its mean removed), so that one picture or margin does not stand for the page.
     */
    static double[] spectrum(GrayImage g) {
        int n = Math.min(SIDE, Integer.highestOneBit(Math.min(g.width(), g.height())));
        double[] sum = new double[RADII];
        int[] count = new int[RADII];
        for (int ty = 0; ty + n <= g.height(); ty += n) {
            for (int tx = 0; tx + n <= g.width(); tx += n) tilePower(g, ty, tx, n, sum, count);
        }
        double[] out = new double[RADII];
        for (int b = 0; b < RADII; b++) out[b] = count[b] == 0 ? Double.NaN : Math.log10(sum[b] / count[b] + 1e-12);
        return out;
    }

    static void tilePower(GrayImage g, int y0, int x0, int n, double[] sum, int[] count) {
        double[][] re = new double[n][n], im = new double[n][n];
        double mean = 0;
        for (int y = 0; y < n; y++) for (int x = 0; x < n; x++) mean += g.pixels()[(y0 + y) * g.width() + x0 + x];
        mean /= n * n;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double w = Math.sin(Math.PI * y / n) * Math.sin(Math.PI * x / n);
                re[y][x] = (g.pixels()[(y0 + y) * g.width() + x0 + x] - mean) * w * w;
            }
        }
        for (int y = 0; y < n; y++) fft(re[y], im[y]);
        double[] cr = new double[n], ci = new double[n];
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) { cr[y] = re[y][x]; ci[y] = im[y][x]; }
            fft(cr, ci);
            for (int y = 0; y < n; y++) { re[y][x] = cr[y]; im[y][x] = ci[y]; }
        }
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double fy = (y <= n / 2 ? y : y - n) / (double) n, fx = (x <= n / 2 ? x : x - n) / (double) n;
                double f = Math.hypot(fx, fy);
                if (f < 1.0 / 256 || f > 0.5) continue;
                int b = bin(f);
                sum[b] += (re[y][x] * re[y][x] + im[y][x] * im[y][x]) / ((double) n * n);
                count[b]++;
            }
        }
    }

    /** Frequency (cycles per pixel, 1/256..1/2) to a log-spaced bin. */
    static int bin(double f) {
        double t = Math.log(f * 256) / Math.log(128);
        return Math.max(0, Math.min(RADII - 1, (int) (t * RADII)));
    }

    /** In-place radix-2 FFT of one row. */
    static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) { double t = re[i]; re[i] = re[j]; re[j] = t; t = im[i]; im[i] = im[j]; im[j] = t; }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double a = -2 * Math.PI / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < len / 2; k++) {
                    double wr = Math.cos(a * k), wi = Math.sin(a * k);
                    int p = i + k, q = i + k + len / 2;
                    double xr = re[q] * wr - im[q] * wi, xi = re[q] * wi + im[q] * wr;
                    re[q] = re[p] - xr; im[q] = im[p] - xi;
                    re[p] += xr; im[p] += xi;
                }
            }
        }
    }

    static BufferedImage thumbnail(GrayImage g) {
        int side = 150, s = Math.min(g.width(), g.height()), x0 = (g.width() - s) / 2, y0 = (g.height() - s) / 2;
        BufferedImage t = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                float v = g.pixels()[(y0 + y * s / side) * g.width() + x0 + x * s / side];
                t.getRaster().setSample(x, y, 0, Math.round(v * 255));
            }
        }
        return t;
    }

    static BufferedImage draw(List<Stats> pages) {
        int plotW = 420, plotH = 300, thumbs = 175 * ((pages.size() + 1) / 2);
        BufferedImage img = new BufferedImage(20 + 2 * 160 + 2 * (plotW + 40), Math.max(thumbs, plotH) + 50, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i < pages.size(); i++) {
            int x = 10 + (i % 2) * 160, y = 30 + (i / 2) * 175;
            g.drawImage(pages.get(i).thumb, x, y, null);
            g.setColor(colour(i));
            g.fillRect(x, y + 150, 150, 6);
            g.setColor(Color.BLACK);
            g.drawString(pages.get(i).name, x, y - 3);
        }
        int hx = 20 + 2 * 160 + 20, sx = hx + plotW + 40;
        g.drawString("gray-level histogram (sqrt of the pixel share; 0 = black, 1 = white)", hx, 20);
        g.drawString("radial power spectrum, log10, against cycles/pixel 1/256 .. 1/2 (log scale)", sx, 20);
        g.drawRect(hx, 30, plotW, plotH);
        g.drawRect(sx, 30, plotW, plotH);
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (Stats s : pages) for (double v : s.spectrum) if (!Double.isNaN(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        for (int i = 0; i < pages.size(); i++) {
            Stats s = pages.get(i);
            g.setColor(colour(i));
            g.setStroke(s.name.startsWith("gen") ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {6, 4}, 0)
                    : new BasicStroke(1.6f));
            polyline(g, s.histogram, hx, 30, plotW, plotH, 0, 1, true);
            polyline(g, s.spectrum, sx, 30, plotW, plotH, lo, hi, false);
        }
        g.dispose();
        return img;
    }

    static Color colour(int i) {
        return COLOURS[i % COLOURS.length];
    }

    static void polyline(Graphics2D g, double[] v, int x0, int y0, int w, int h, double lo, double hi, boolean sqrt) {
        int px = -1, py = -1;
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) continue;
            double t = sqrt ? Math.sqrt(v[i]) : (v[i] - lo) / (hi - lo);
            int x = x0 + (int) Math.round(i * (w - 1) / (double) (v.length - 1));
            int y = y0 + h - 1 - (int) Math.round(Math.min(1, t) * (h - 2));
            if (px >= 0) g.drawLine(px, py, x, y);
            px = x;
            py = y;
        }
    }
}
