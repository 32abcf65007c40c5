package com.daeworkbench.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shapes the layer diagram draws follow the layers the engine builds. */
class NetworkPlanTest {

    private static List<String> shapes(Kind kind, int h, int w) {
        return NetworkPlan.of(ArchitectureSpec.defaults(kind, h, w)).shapes(h, w).stream().map(Object::toString).toList();
    }

    @Test
    void denseShapesNarrowToTheBottleneckAndWidenBack() {
        assertThat(shapes(Kind.DENSE, 28, 28)).containsExactly("784", "256", "64", "256", "784");
    }

    @Test
    void convShapesHalveWithEachPoolAndDoubleWithEachUpsample() {
        assertThat(shapes(Kind.CONV, 28, 28)).containsExactly(
                "1 @ 28x28", "32 @ 28x28", "32 @ 14x14", "32 @ 7x7", "32 @ 14x14", "1 @ 28x28");
    }

    @Test
    void residualShapesKeepTheImageSizeAtEveryLayer() {
        List<String> s = shapes(Kind.RESIDUAL, 64, 48);
        assertThat(s).hasSize(9).startsWith("1 @ 64x48").endsWith("1 @ 64x48");
        assertThat(s.subList(1, 8)).containsOnly("32 @ 64x48");
    }

    @Test
    void theDiagramMarksTheCodeTheAnalysisReads() {
        for (Kind kind : List.of(Kind.DENSE, Kind.CONV)) {
            NetworkPlan plan = NetworkPlan.of(ArchitectureSpec.defaults(kind, 28, 28));
            assertThat(plan.shapes(28, 28).get(plan.codeShapeIndex()).values()).as(kind.name()).isEqualTo(plan.codeSize(28, 28));
        }
        NetworkPlan residual = NetworkPlan.of(ArchitectureSpec.defaults(Kind.RESIDUAL, 28, 28));
        assertThat(residual.shapes(28, 28).get(residual.codeShapeIndex()).channels()).isEqualTo(residual.codeSize(28, 28));
    }
}
