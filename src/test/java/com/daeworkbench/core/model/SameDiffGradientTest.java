package com.daeworkbench.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The engine's pooling and upsampling gradients against central finite differences. */
class SameDiffGradientTest {

    @Test
    void upsamplingGradientMatchesFiniteDifferences() {
        assertThat(maxGradientError(SameDiffModel::upsample2x)).isLessThan(1e-2);
    }

    @Test
    void poolingGradientMatchesFiniteDifferences() {
        assertThat(maxGradientError(SameDiffModel::maxPool2x)).isLessThan(1e-2);
    }

    /** loss = sum(op(x) * fixed random weights); compares d loss / dx with (loss(x+e) - loss(x-e)) / 2e. */
    private static double maxGradientError(UnaryOperator<SDVariable> op) {
        Engine.initialize();
        Nd4j.getRandom().setSeed(5);
        SameDiff sd = SameDiff.create();
        INDArray x0 = Nd4j.rand(DataType.FLOAT, 2, 4, 4, 3);
        SDVariable x = sd.var("x", x0.dup());
        SDVariable y = op.apply(x);
        SDVariable loss = y.mul(sd.constant(Nd4j.rand(DataType.FLOAT, y.eval().shape()))).sum();
        sd.setLossVariables(loss);
        INDArray analytic = sd.calculateGradients(Collections.emptyMap(), "x").get("x").dup();
        double eps = 1e-2;
        double worst = 0;
        for (int i = 0; i < x0.length(); i++) {
            INDArray plus = x0.dup();
            plus.putScalar(i, plus.getDouble(i) + eps);
            sd.getVariable("x").setArray(plus);
            double lp = loss.eval().getDouble(0);
            INDArray minus = x0.dup();
            minus.putScalar(i, minus.getDouble(i) - eps);
            sd.getVariable("x").setArray(minus);
            double lm = loss.eval().getDouble(0);
            worst = Math.max(worst, Math.abs((lp - lm) / (2 * eps) - analytic.getDouble(i)));
        }
        return worst;
    }

}
