package com.daeworkbench.core.infer;

import com.daeworkbench.core.data.PaperBackground;
import com.daeworkbench.core.data.ShadowedText;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.NetworkPlan;

/**
 * Denoises an image of any size in bounded memory: overlapping tiles, each weighted by a
 * window that falls to near zero at its borders, summed and normalised, so no seams show and
 * border effects of each tile are averaged away. Fully convolutional models get large tiles;
 * dense models get patches of their own input size. A model whose spec asks for a
 * {@link ArchitectureSpec.PageInput#PAPER_DIVIDED} input gets the whole page divided by its
 * paper first, is run over it in {@link MirrorPasses} that are averaged, surfaces too dark to be
 * paper come back as they went in, and changes too small to be dirt are not made
 * ({@link SmallChanges}).
 */
public final class TiledDenoiser {
    /** The largest tile side of a fully convolutional model: an A4 page at 300 dpi in 24 tiles. */
    static final int CONV_TILE = 640;
    /** Tiles per call of the network: two 640x640 tiles x 16 channels x 4 bytes = 52 MB an activation. */
    private static final int TILES_PER_BATCH = 2;

    private final DenoisingModel model;
    /** the tile size of a fixed-input model, the largest tile of a fully convolutional one */
    private final int maxTileH;
    private final int maxTileW;
    private final int overlap;
    /** Pixels cut from each inner side of a tile of a fully convolutional model; -1: blend tiles instead. */
    private final int margin;
    /** Tile sides of a fully convolutional model are multiples of this (its pooling); 0: fixed tiles. */
    private final int multiple;
    /** Mirrored passes over a document page: {@link MirrorPasses#AUTO}, 1, 2 or 4. */
    private final int passes;

    public TiledDenoiser(DenoisingModel model) {
        this(model, MirrorPasses.AUTO);
    }

    /** {@code passes}: mirrored passes averaged over a document page, {@link MirrorPasses#AUTO} for as many as its size allows. */
    public TiledDenoiser(DenoisingModel model, int passes) {
        if (!MirrorPasses.isValid(passes)) throw new IllegalArgumentException("passes must be 1, 2 or 4, not " + passes);
        this.model = model;
        this.passes = passes;
        ArchitectureSpec spec = model.spec();
        if (spec.fullyConvolutional()) {
            NetworkPlan plan = NetworkPlan.of(spec);
            int m = plan.sizeMultiple();
            this.maxTileH = CONV_TILE / m * m;
            this.maxTileW = maxTileH;
            // Each tile keeps only the pixels that saw all of their receptive field inside it: a
            // margin of the network's reach is cut from every side that is not the page's edge,
            // so neighbouring tiles share twice the reach and the page comes out as if it had
            // been run whole (a ramp blend over a wider overlap cost a third more pixels on A4).
            this.margin = (plan.reach() + m - 1) / m * m;
            this.overlap = 2 * margin;
            this.multiple = m;
        } else {
            this.maxTileH = spec.inputHeight();
            this.maxTileW = spec.inputWidth();
            this.margin = -1;
            this.multiple = 0;
            this.overlap = Math.max(maxTileH, maxTileW) / 2;
        }
    }

    /** Progress callback: tiles done out of total. */
    public interface Progress {
        void tilesDone(int done, int total);
    }

    public float[] denoise(float[] image, int height, int width) {
        return denoise(image, height, width, (d, t) -> { });
    }

    public float[] denoise(float[] image, int height, int width, Progress progress) {
        if (model.spec().pageInput() == ArchitectureSpec.PageInput.PAPER_DIVIDED) {
            float[] paper = PaperBackground.estimate(image, height, width);
            float[] cleaned = mirrored(PaperBackground.divide(image, paper), height, width, progress);
            float[] shadowedText = ShadowedText.weights(image, cleaned, paper, height, width);
            return SmallChanges.dropFrom(image, PaperBackground.keepOutsidePaper(image, cleaned, paper, shadowedText));
        }
        return denoiseTiles(image, height, width, progress);
    }

    /** The mean of the page's mirrored passes, each mirrored back; progress counts the tiles of all of them. */
    private float[] mirrored(float[] page, int height, int width, Progress progress) {
        int n = passes == MirrorPasses.AUTO ? MirrorPasses.forPage(height, width) : passes;
        float[] sum = null;
        for (int pass = 0; pass < n; pass++) {
            int before = pass;
            float[] out = MirrorPasses.mirror(denoiseTiles(MirrorPasses.mirror(page, height, width, pass), height, width,
                    (done, total) -> progress.tilesDone(before * total + done, n * total)), height, width, pass);
            if (sum == null) {
                sum = out;
                continue;
            }
            for (int i = 0; i < sum.length; i++) sum[i] += out[i];
        }
        if (n > 1) for (int i = 0; i < sum.length; i++) sum[i] /= n;
        return sum;
    }

    /**
     * A fully convolutional model's tile side for a page side: as few tiles as the largest side
     * allows, each as small as still covers the page (rounded up to the model's multiple). An A4
     * page's 3,508 rows take six tiles either way, but of 598 rows instead of 640: 1.04x its
     * pixels through the network instead of 1.13x.
     */
    static int tileSide(int pageSide, int largest, int overlap, int multiple) {
        if (multiple == 0) return largest;
        if (pageSide <= largest) return Math.max(multiple, roundUp(pageSide, multiple));
        if (largest <= overlap) return largest;
        int tiles = (pageSide - overlap + largest - overlap - 1) / (largest - overlap);
        int side = (pageSide + (tiles - 1) * overlap + tiles - 1) / tiles;
        return Math.min(largest, roundUp(side, multiple));
    }

    private static int roundUp(int n, int multiple) {
        return (n + multiple - 1) / multiple * multiple;
    }

    private float[] denoiseTiles(float[] image, int height, int width, Progress progress) {
        int tileH = tileSide(height, maxTileH, overlap, multiple);
        int tileW = tileSide(width, maxTileW, overlap, multiple);
        // pad small images up to one tile, by edge reflection, so every tile has the full size
        int h = Math.max(height, tileH);
        int w = Math.max(width, tileW);
        float[] src = (h == height && w == width) ? image : reflectPad(image, height, width, h, w);
        int[] ys = starts(h, tileH, overlap);
        int[] xs = starts(w, tileW, overlap);
        float[] window = margin >= 0 ? null : window(tileH, tileW, overlap);
        float[] sum = new float[h * w];
        float[] weight = new float[h * w];
        int total = ys.length * xs.length;
        int pixels = tileH * tileW;
        float[] batch = new float[TILES_PER_BATCH * pixels];
        int[][] where = new int[TILES_PER_BATCH][];
        int inBatch = 0;
        int done = 0;
        for (int y : ys) {
            for (int x : xs) {
                copyTile(src, w, y, x, batch, inBatch * pixels, tileH, tileW);
                where[inBatch++] = new int[] {y, x};
                if (inBatch == TILES_PER_BATCH) {
                    accumulate(batch, inBatch, where, window, sum, weight, w, tileH, tileW);
                    done += inBatch;
                    inBatch = 0;
                    progress.tilesDone(done, total);
                    if (Thread.currentThread().isInterrupted()) throw new CancelledException();
                }
            }
        }
        if (inBatch > 0) {
            accumulate(batch, inBatch, where, window, sum, weight, w, tileH, tileW);
            progress.tilesDone(total, total);
        }
        float[] out = new float[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * w + x;
                out[y * width + x] = sum[i] / weight[i];
            }
        }
        return out;
    }

    private void accumulate(float[] batch, int n, int[][] where, float[] window, float[] sum, float[] weight, int w,
                            int tileH, int tileW) {
        float[] in = n * tileH * tileW == batch.length ? batch : java.util.Arrays.copyOf(batch, n * tileH * tileW);
        float[] out = model.denoise(in, n, tileH, tileW);
        int h = sum.length / w;
        for (int t = 0; t < n; t++) {
            int y0 = where[t][0], x0 = where[t][1];
            int base = t * tileH * tileW;
            if (margin >= 0) {
                keepInterior(out, base, y0, x0, h, w, sum, weight, tileH, tileW);
                continue;
            }
            for (int y = 0; y < tileH; y++) {
                int row = (y0 + y) * w + x0;
                for (int x = 0; x < tileW; x++) {
                    float wt = window[y * tileW + x];
                    sum[row + x] += wt * out[base + y * tileW + x];
                    weight[row + x] += wt;
                }
            }
        }
    }

    /** Copies the tile's pixels at least {@code margin} from every inner side (tiles overlap there: the later tile's equal values win). */
    private void keepInterior(float[] out, int base, int y0, int x0, int h, int w, float[] sum, float[] weight,
                              int tileH, int tileW) {
        int top = y0 == 0 ? 0 : margin;
        int bottom = y0 + tileH == h ? tileH : tileH - margin;
        int left = x0 == 0 ? 0 : margin;
        int right = x0 + tileW == w ? tileW : tileW - margin;
        for (int y = top; y < bottom; y++) {
            int row = (y0 + y) * w + x0;
            System.arraycopy(out, base + y * tileW + left, sum, row + left, right - left);
            java.util.Arrays.fill(weight, row + left, row + right, 1f);
        }
    }

    private static void copyTile(float[] src, int w, int y0, int x0, float[] dst, int offset, int tileH, int tileW) {
        for (int y = 0; y < tileH; y++) {
            System.arraycopy(src, (y0 + y) * w + x0, dst, offset + y * tileW, tileW);
        }
    }

    /** Tile origins covering [0, size) with at least {@code overlap} shared pixels; the last tile ends at the edge. */
    static int[] starts(int size, int tile, int overlap) {
        if (size <= tile) return new int[] {0};
        int step = Math.max(1, tile - overlap);
        int count = (size - tile + step - 1) / step + 1;
        int[] s = new int[count];
        for (int i = 0; i < count; i++) s[i] = Math.min(i * step, size - tile);
        return s;
    }

    /** Separable ramp window: 1 in the middle, falling linearly to a small positive value at the borders. */
    static float[] window(int h, int w, int overlap) {
        float[] wy = ramp(h, overlap);
        float[] wx = ramp(w, overlap);
        float[] out = new float[h * w];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out[y * w + x] = wy[y] * wx[x];
        return out;
    }

    private static float[] ramp(int n, int overlap) {
        float[] r = new float[n];
        int edge = Math.max(1, Math.min(overlap, n / 2));
        for (int i = 0; i < n; i++) {
            int d = Math.min(i, n - 1 - i);
            r[i] = d >= edge ? 1f : (d + 0.5f) / edge;
        }
        return r;
    }

    static float[] reflectPad(float[] img, int h, int w, int ph, int pw) {
        float[] out = new float[ph * pw];
        for (int y = 0; y < ph; y++) {
            int sy = reflect(y, h);
            for (int x = 0; x < pw; x++) out[y * pw + x] = img[sy * w + reflect(x, w)];
        }
        return out;
    }

    private static int reflect(int i, int n) {
        if (n == 1) return 0;
        int period = 2 * (n - 1);
        int m = i % period;
        return m < n ? m : period - m;
    }

    /** The thread was interrupted between tiles. */
    public static final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("denoising was cancelled");
        }
    }
}
