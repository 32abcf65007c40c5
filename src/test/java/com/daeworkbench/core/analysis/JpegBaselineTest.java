package com.daeworkbench.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.metrics.Metrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class JpegBaselineTest {

    @Test
    void aHighQualityRoundTripIsNearlyLosslessAndTheHeaderIsNotPayload() {
        ImageSet blobs = TinyModels.blobs(1, 3);
        JpegBaseline.Encoded e = JpegBaseline.roundTrip(blobs.pixels(), 0, 12, 12, 1.0);
        assertThat(e.decoded()).hasSize(144);
        assertThat(Metrics.psnr(blobs.pixels(), e.decoded(), 0, 144)).isGreaterThan(35);
        // the standard tables alone take hundreds of bytes; the image data far fewer
        assertThat(e.fileBytes()).isGreaterThan(300);
        assertThat(e.payloadBytes()).isBetween(1, e.fileBytes() - 300);
    }

    @Test
    void higherQualityCostsMoreBytesAndGivesMorePsnr() throws Exception {
        ImageSet blobs = TinyModels.blobs(20, 4);
        List<JpegBaseline.Point> curve = JpegBaseline.curve(blobs, new double[] {0.05, 0.5, 1.0});
        assertThat(curve).hasSize(3);
        assertThat(curve.get(0).meanPayloadBytes()).isLessThan(curve.get(1).meanPayloadBytes());
        assertThat(curve.get(1).meanPayloadBytes()).isLessThan(curve.get(2).meanPayloadBytes());
        assertThat(curve.get(0).psnr()).isLessThan(curve.get(2).psnr());
        assertThat(curve.get(0).meanFileBytes()).isGreaterThan(curve.get(0).meanPayloadBytes());
        // matching: far below the smallest payload gives the smallest; far above the largest
        assertThat(JpegBaseline.nearest(curve, 1).quality()).isEqualTo(0.05);
        assertThat(JpegBaseline.nearest(curve, 1e6).quality()).isEqualTo(1.0);
        assertThat(JpegBaseline.nearest(curve, curve.get(1).meanPayloadBytes()).quality()).isEqualTo(0.5);
    }

    @Test
    void thePayloadIsCountedFromTheScanHeaderToTheEndMarker() {
        // SOI, a 4-byte APP0 segment, SOS with a 3-byte header, 5 data bytes, EOI
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 4, 1, 2, (byte) 0xFF, (byte) 0xDA, 0, 3, 9,
                1, 2, 3, 4, 5, (byte) 0xFF, (byte) 0xD9};
        assertThat(JpegBaseline.payloadBytes(jpeg)).isEqualTo(5);
    }
}
