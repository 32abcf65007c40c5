package com.daeworkbench.core.io;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Multi-page output: every page into one PDF or TIFF, each page asked for only when it is to be
 * written. The file is written through {@link AtomicFiles}, so it appears only complete: a
 * failure on page 300 of 500, or a cancel, leaves no partial document behind.
 * Gray pages are stored lossless, 8 bits (Flate in a PDF, LZW in a TIFF); black-and-white ones with
 * CCITT G4, the compression scanners use for text pages.
 */
public final class DocumentWriter {
    private DocumentWriter() { }

    public static void write(Path target, PageFormat format, int pageCount, PageSupplier pages, boolean blackAndWhite) throws IOException {
        switch (format) {
            case PDF -> writePdf(target, pageCount, pages, blackAndWhite);
            case TIFF -> writeTiff(target, pageCount, pages, blackAndWhite);
            case PNG -> throw new IllegalArgumentException("PNG holds one page: write each with ImageWriter.writePng");
        }
    }

    public static void writePdf(Path target, int pageCount, PageSupplier pages, boolean blackAndWhite) throws IOException {
        AtomicFiles.write(target, out -> {
            // image streams go to a temp file, not the heap: a 500-page document costs one page of memory
            try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
                for (int i = 0; i < pageCount; i++) {
                    Page page = pages.page(i);
                    PDPage pdfPage = new PDPage(new PDRectangle(page.size().widthPoints(), page.size().heightPoints()));
                    doc.addPage(pdfPage);
                    PDImageXObject image = blackAndWhite
                            ? CCITTFactory.createFromImage(doc, toBilevel(page.image()))
                            : flateGray(doc, page.image());
                    try (PDPageContentStream content = new PDPageContentStream(doc, pdfPage)) {
                        content.drawImage(image, 0, 0, page.size().widthPoints(), page.size().heightPoints());
                    }
                }
                doc.save(keepOpen(out));
            }
        });
    }

    public static void writeTiff(Path target, int pageCount, PageSupplier pages, boolean blackAndWhite) throws IOException {
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try {
            AtomicFiles.write(target, out -> {
                try (ImageOutputStream stream = ImageIO.createImageOutputStream(keepOpen(out))) {
                    writer.setOutput(stream);
                    ImageWriteParam param = writer.getDefaultWriteParam();
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionType(blackAndWhite ? "CCITT T.6" : "LZW");
                    writer.prepareWriteSequence(null);
                    for (int i = 0; i < pageCount; i++) {
                        GrayImage image = pages.page(i).image();
                        BufferedImage img = blackAndWhite ? toBilevel(image) : ImageWriter.toBufferedImage(image);
                        writer.writeToSequence(new IIOImage(img, null, null), param);
                    }
                    writer.endWriteSequence();
                }
            });
        } finally {
            writer.dispose();
        }
    }

    /**
     * 8-bit DeviceGray, Flate-compressed. Not PDFBox's LosslessFactory: it takes Java's
     * TYPE_BYTE_GRAY as linear light and stores it gamma-corrected, so 40 of 255 came back as 110.
     */
    static PDImageXObject flateGray(PDDocument doc, GrayImage image) throws IOException {
        byte[] levels = new byte[image.pixels().length];
        for (int i = 0; i < levels.length; i++) levels[i] = (byte) ImageWriter.level(image.pixels()[i]);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION))) {
            z.write(levels);
        }
        return new PDImageXObject(doc, new ByteArrayInputStream(compressed.toByteArray()), COSName.FLATE_DECODE,
                image.width(), image.height(), 8, PDDeviceGray.INSTANCE);
    }

    /** 1 bit a pixel, as CCITT needs: values above one half are paper (white). */
    static BufferedImage toBilevel(GrayImage image) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = out.getRaster();
        int[] row = new int[image.width()];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) row[x] = image.pixels()[y * image.width() + x] > 0.5f ? 1 : 0;
            raster.setSamples(0, y, image.width(), 1, 0, row);
        }
        return out;
    }

    /** PDFBox and ImageIO close the stream they are given; AtomicFiles still has to force it to disk. */
    private static OutputStream keepOpen(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
