// Per-step cost of an inspection (DenoisingModel.fitAndInspect) against a plain fit, in one process:
// blocks of 9 plain steps, 1 plain, 1 inspected, 1 plain, printed per block. Run by inspection-cost.sh.
import com.daeworkbench.core.model.*;
import java.util.SplittableRandom;
public class BlockCost {
    public static void main(String[] a) {
        ArchitectureSpec spec = ArchitectureSpec.defaults(ArchitectureSpec.Kind.valueOf(a[0]), 28, 28);
        DenoisingModel m = Models.create(spec);
        int b = 128, px = 784;
        float[] c = new float[b*px], n = new float[b*px];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < c.length; i++) { c[i] = (float) r.nextDouble(); n[i] = c[i]; }
        Probe p = new Probe(java.util.Arrays.copyOf(n, 16*px), 16, 0);
        int blocks = Integer.parseInt(a[1]);
        for (int k = 0; k < blocks; k++) {
            long t = System.nanoTime();
            for (int i = 0; i < 9; i++) m.fit(n, c, b);
            long t1 = System.nanoTime();
            m.fit(n, c, b);
            long t2 = System.nanoTime();
            m.fitAndInspect(n, c, b, p);
            long t3 = System.nanoTime();
            m.fit(n, c, b);
            long t4 = System.nanoTime();
            System.out.printf("9 fits avg %.1f | fit %.1f | inspect %.1f | fit after %.1f%n", (t1-t)/9e6, (t2-t1)/1e6, (t3-t2)/1e6, (t4-t3)/1e6);
        }
    }
}
