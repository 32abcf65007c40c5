package com.daeworkbench.core.io;

import java.awt.image.Raster;
import java.io.IOException;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Four-channel (CMYK or YCCK) JPEGs, as Photoshop and many scanners write them. Java's JPEG
 * reader decodes them without complaint into wrong colours, so they are read here as raw
 * channels and turned to gray: Adobe's convention stores the ink inverted (255 = no ink),
 * and transform 2 (YCCK) first needs its YCbCr turned into those inverted C, M, Y.
 */
final class CmykJpeg {
    private static final String NATIVE = "javax_imageio_jpeg_image_1.0";

    private CmykJpeg() { }

    static boolean isCmyk(ImageReader reader, int page) throws IOException {
        if (!"jpeg".equalsIgnoreCase(reader.getFormatName())) return false;
        Node sof = find(tree(reader, page), "sof");
        return sof != null && sof.getChildNodes().getLength() == 4;
    }

    static GrayImage read(ImageReader reader, int page) throws IOException {
        int transform = adobeTransform(tree(reader, page));
        Raster raster = reader.readRaster(page, null);
        int w = raster.getWidth(), h = raster.getHeight();
        float[] gray = new float[w * h];
        int[] px = new int[4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.getPixel(x, y, px);
                double c, m, yy;
                if (transform == 2) {
                    double luma = px[0], cb = px[1] - 128.0, cr = px[2] - 128.0;
                    c = clamp(luma + 1.402 * cr);
                    m = clamp(luma - 0.344136 * cb - 0.714136 * cr);
                    yy = clamp(luma + 1.772 * cb);
                } else {
                    c = px[0];
                    m = px[1];
                    yy = px[2];
                }
                // inverted storage: the stored value is how much light is left (255 = no ink)
                double k = px[3] / 255.0;
                double r = c / 255.0 * k, g = m / 255.0 * k, b = yy / 255.0 * k;
                if (transform < 0) {   // no Adobe marker: plain CMYK, 255 = full ink
                    r = (1 - c / 255.0) * (1 - px[3] / 255.0);
                    g = (1 - m / 255.0) * (1 - px[3] / 255.0);
                    b = (1 - yy / 255.0) * (1 - px[3] / 255.0);
                }
                gray[y * w + x] = (float) (0.299 * r + 0.587 * g + 0.114 * b);
            }
        }
        return new GrayImage(w, h, gray);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(255, v));
    }

    private static Node tree(ImageReader reader, int page) throws IOException {
        IIOMetadata meta = reader.getImageMetadata(page);
        return meta == null ? null : meta.getAsTree(NATIVE);
    }

    /** The Adobe APP14 marker's transform (0 CMYK, 2 YCCK), or -1 without the marker. */
    private static int adobeTransform(Node root) {
        Node adobe = find(root, "app14Adobe");
        if (adobe == null) return -1;
        NamedNodeMap attrs = adobe.getAttributes();
        Node t = attrs == null ? null : attrs.getNamedItem("transform");
        return t == null ? 0 : Integer.parseInt(t.getNodeValue());
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
}
