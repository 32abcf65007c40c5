import com.daeworkbench.core.data.DocumentGenerator;
import com.daeworkbench.core.infer.TiledDenoiser;
import com.daeworkbench.core.io.ModelStore;
import java.nio.file.Path;

/**
 * Clean generated pages in their own toner (black to dark gray), no dirt: RMSE of the model's
 * output against the page itself and against its black-ink target (decision 0010).
 * Usage, after mvn -B -q -DskipTests package:
 *   java -cp "target/dae-workbench.jar:target/lib/*" docs/bench/GrayClean.java MODEL.dae
 */
public class GrayClean {
    public static void main(String[] args) throws Exception {
        var model = ModelStore.load(Path.of(args[0])).model();
        for (float dpi : new float[] {110f, 300f}) {
            var g = new DocumentGenerator(DocumentGenerator.Settings.defaults().withDpi(dpi).withDegradation(DocumentGenerator.Degradation.none()));
            double self = 0, black = 0, inBlack = 0; int n = 8;
            for (long s = 500; s < 500 + n; s++) {
                var p = g.generate(s);
                float[] out = new TiledDenoiser(model).denoise(p.dirty(), p.height(), p.width());
                self += rmse(out, p.dirty()); black += rmse(out, p.clean()); inBlack += rmse(p.dirty(), p.clean());
            }
            System.out.printf("%s %.0f dpi: vs itself %.4f, vs black-ink page %.4f (input vs black-ink %.4f)%n", args[0], dpi, self / n, black / n, inBlack / n);
        }
        System.exit(0);
    }
    static double rmse(float[] x, float[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) sum += (x[i] - y[i]) * (x[i] - y[i]);
        return Math.sqrt(sum / x.length);
    }
}
