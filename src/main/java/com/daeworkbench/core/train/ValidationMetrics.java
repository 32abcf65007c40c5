package com.daeworkbench.core.train;

import com.daeworkbench.core.data.SampleShape;
import java.util.LinkedHashMap;
import java.util.Map;

/** The validation metrics a model file and the CLI's JSON report, by the data's shape; keys are snake_case. */
public final class ValidationMetrics {
    public static final String PSNR = "psnr_validation";
    public static final String SSIM = "ssim_validation";
    public static final String RMSE = "rmse_validation";
    public static final String LOSS = "validation_loss";

    private ValidationMetrics() { }

    public static Map<String, Double> of(SampleShape shape, double psnr, double ssim, double rmse, double loss) {
        Map<String, Double> m = new LinkedHashMap<>();
        shape.match(image -> {
            m.put(PSNR, psnr);
            m.put(SSIM, ssim);
            return null;
        }, features -> m.put(RMSE, rmse));
        m.put(LOSS, loss);
        return m;
    }
}
