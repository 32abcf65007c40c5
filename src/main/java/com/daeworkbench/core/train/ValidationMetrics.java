package com.daeworkbench.core.train;

import com.daeworkbench.core.data.SampleShape;
import java.util.LinkedHashMap;
import java.util.Map;

/** The validation metrics a model file and the CLI's JSON report, by the data's shape; keys are snake_case. */
public final class ValidationMetrics {
    private ValidationMetrics() { }

    public static Map<String, Double> of(SampleShape shape, double psnr, double ssim, double rmse, double loss) {
        Map<String, Double> m = new LinkedHashMap<>();
        shape.match(image -> {
            m.put("psnr_validation", psnr);
            m.put("ssim_validation", ssim);
            return null;
        }, features -> m.put("rmse_validation", rmse));
        m.put("validation_loss", loss);
        return m;
    }
}
