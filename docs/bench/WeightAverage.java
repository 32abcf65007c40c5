import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The weighted mean of two models of one architecture, fine-tuned from the same start (a "model
 * soup"): every floating-point array (weights, batch-norm statistics, optimizer moments) becomes
 * (1 - ALPHA) x A + ALPHA x B; spec, info and integer arrays are A's. Session 25 used it to ask
 * whether half of run 43's darker-watermark training keeps its gains without its losses
 * (docs/bench/2026-12-05-watermarks.txt). Usage, after mvn -B -q -DskipTests package:
 *   java -cp "target/dae-workbench.jar:target/lib/*" docs/bench/WeightAverage.java A.dae B.dae ALPHA OUT.dae
 */
public class WeightAverage {
    public static void main(String[] args) throws Exception {
        Map<String, byte[]> a = entries(Path.of(args[0]));
        Map<String, byte[]> b = entries(Path.of(args[1]));
        double alpha = Double.parseDouble(args[2]);
        Map<String, INDArray> wa = arrays(a.get("weights.nd4j"));
        Map<String, INDArray> wb = arrays(b.get("weights.nd4j"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            // the layout of core/model/WeightFormat: a count, then (name, ND4J array) pairs
            out.writeInt(wa.size());
            for (Map.Entry<String, INDArray> e : wa.entrySet()) {
                INDArray x = e.getValue();
                INDArray y = wb.get(e.getKey());
                out.writeUTF(e.getKey());
                Nd4j.write(x.dataType().isFPType() ? x.mul(1 - alpha).addi(y.mul(alpha)) : x, out);
            }
        }
        a.put("weights.nd4j", bytes.toByteArray());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(Path.of(args[3])))) {
            for (Map.Entry<String, byte[]> e : a.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        System.exit(0);
    }

    private static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) entries.put(e.getName(), zip.readAllBytes());
        }
        return entries;
    }

    private static Map<String, INDArray> arrays(byte[] bytes) throws IOException {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) arrays.put(in.readUTF(), Nd4j.read(in));
        }
        return arrays;
    }
}
