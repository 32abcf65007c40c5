package com.daeworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.runs.RunRecord;
import com.daeworkbench.core.runs.WorkbenchHome;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sweep command's contract, as a script relies on it (issue 17). */
class SweepCommandTest {

    @Test
    void aGridSweepRunsEveryConfigurationInOrderAndPrintsThemAsJson() throws Exception {
        AnalysisCommandsTest.Run r = AnalysisCommandsTest.run("sweep", "--dataset", "digits", "--arch", "conv",
                "--corruption", "gaussian:0.5", "--epochs", "1", "--grid", "lr=1e-3,3e-3", "--grid", "width=16,32",
                "--seed", "1", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = r.json();
        JsonNode runs = json.get("runs");
        assertThat(runs).hasSize(4);
        double[][] expected = {{0.001, 16}, {0.001, 32}, {0.003, 16}, {0.003, 32}};
        double bestPsnr = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 4; i++) {
            JsonNode run = runs.get(i);
            assertThat(run.get("params").get("lr").isNumber()).isTrue();
            assertThat(run.get("params").get("lr").asDouble()).isEqualTo(expected[i][0]);
            assertThat(run.get("params").get("width").asInt()).isEqualTo((int) expected[i][1]);
            assertThat(run.get("psnr_validation").asDouble()).isBetween(9.0, 30.0);
            assertThat(run.get("seconds").asDouble()).isPositive();
            assertThat(run.get("run_id").asText()).isNotBlank();
            bestPsnr = Math.max(bestPsnr, run.get("psnr_validation").asDouble());
        }
        assertThat(json.get("best").get("psnr_validation").asDouble()).isEqualTo(bestPsnr);
        // every run is an ordinary run the Runs tab lists, tagged with the sweep
        List<RunRecord> kept = WorkbenchHome.runs().list(new ArrayList<>()).stream()
                .filter(run -> json.get("sweep").asText().equals(run.sweep())).toList();
        assertThat(kept).hasSize(4).allMatch(run -> run.status() == RunRecord.Status.COMPLETED);
        assertThat(r.err()).contains("what each knob did");
    }

    @Test
    void aRandomSweepDrawsItsConfigurationsFromTheRanges() throws Exception {
        AnalysisCommandsTest.Run r = AnalysisCommandsTest.run("sweep", "--dataset", "digits", "--arch", "dense",
                "--width", "32", "--bottleneck", "8", "--epochs", "1", "--random", "2", "--range", "lr=1e-4:1e-2:log", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode runs = r.json().get("runs");
        assertThat(runs).hasSize(2);
        for (JsonNode run : runs) assertThat(run.get("params").get("lr").asDouble()).isBetween(1e-4, 1e-2);
    }

    @Test
    void badSweepsSayWhatIsWrong() {
        assertThat(AnalysisCommandsTest.run("sweep", "--grid", "colour=red,blue").err()).contains("unknown knob 'colour'").contains("lr, width");
        assertThat(AnalysisCommandsTest.run("sweep", "--range", "lr=1e-4:1e-2").err()).contains("--range needs --random");
        assertThat(AnalysisCommandsTest.run("sweep").err()).contains("nothing to sweep");
    }
}
