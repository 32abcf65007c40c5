import com.daeworkbench.core.infer.PageEvaluation;
import com.daeworkbench.core.io.GrayImage;
import com.daeworkbench.core.io.ImageLoader;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** eval-pages' background-removal baseline on one image, for the gallery: java -cp ... BackgroundRemoval.java IN OUT.png */
public class BackgroundRemoval {
    public static void main(String[] args) throws Exception {
        GrayImage g = ImageLoader.loadGray(Path.of(args[0]));
        float[] out = PageEvaluation.backgroundRemoval(g.pixels(), g.height(), g.width());
        BufferedImage img = new BufferedImage(g.width(), g.height(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                int v = Math.round(Math.max(0, Math.min(1, out[y * g.width() + x])) * 255);
                img.getRaster().setSample(x, y, 0, v);
            }
        }
        ImageIO.write(img, "png", Path.of(args[1]).toFile());
    }
}
