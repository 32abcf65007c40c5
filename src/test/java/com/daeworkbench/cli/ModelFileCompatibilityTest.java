package com.daeworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Model files written by release 0.1.0 (src/test/resources/model-files) load and denoise as
 * they did then: the same test PSNR to 1e-6 dB, so weights, names and engine all still agree,
 * although the dense engine changed from SameDiff to the direct one.
 */
class ModelFileCompatibilityTest {

    @ParameterizedTest
    @CsvSource({"dense-v0.1.dae, 12.356621038136412", "conv-v0.1.dae, 13.91634446188688"})
    void aModelFileOfTheFirstReleaseScoresAsItDidThen(String file, double psnrThen) throws Exception {
        Path model = Path.of("src/test/resources/model-files", file);
        AnalysisCommandsTest.Run r = AnalysisCommandsTest.run("eval", "--model", model.toString(), "--dataset", "digits",
                "--limit", "200", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get("psnr_denoised").asDouble()).isCloseTo(psnrThen, within(1e-6));
    }
}
