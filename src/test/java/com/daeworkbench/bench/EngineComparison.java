package com.daeworkbench.bench;

import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The measurement behind docs/decisions/0001: DL4J's layer API (MultiLayerNetwork) against
 * the project's direct engine (docs/decisions/0003) on the same conv and dense DAEs, batch 128, Adam 1e-3,
 * interleaved so machine noise hits both. Run with src/bench/engine-comparison.sh.
 */
public final class EngineComparison {
    private static final int BATCH = 128;

    public static void main(String[] args) {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        SplittableRandom r = new SplittableRandom(1);
        float[] clean = new float[BATCH * 784];
        float[] noisy = new float[BATCH * 784];
        for (int i = 0; i < clean.length; i++) {
            clean[i] = (float) r.nextDouble();
            noisy[i] = (float) Math.min(1, Math.max(0, clean[i] + 0.5 * r.nextGaussian()));
        }
        for (String arch : new String[] {"conv", "dense"}) {
            boolean conv = arch.equals("conv");
            MultiLayerNetwork layers = conv ? convNetwork() : denseNetwork();
            long[] shape = conv ? new long[] {BATCH, 1, 28, 28} : new long[] {BATCH, 784};
            DataSet batch = new DataSet(Nd4j.create(noisy, shape, 'c'), Nd4j.create(clean, shape, 'c'));
            DenoisingModel direct = Models.create(ArchitectureSpec.defaults(conv ? ArchitectureSpec.Kind.CONV : ArchitectureSpec.Kind.DENSE, 28, 28));
            int batches = Math.max(1, samples / BATCH);
            for (int i = 0; i < 3; i++) { layers.fit(batch); direct.fit(noisy, clean, BATCH); }
            for (int round = 1; round <= rounds; round++) {
                long t = System.nanoTime();
                for (int i = 0; i < batches; i++) layers.fit(batch);
                double layerRate = batches * BATCH / ((System.nanoTime() - t) / 1e9);
                t = System.nanoTime();
                for (int i = 0; i < batches; i++) direct.fit(noisy, clean, BATCH);
                double directRate = batches * BATCH / ((System.nanoTime() - t) / 1e9);
                System.out.printf("%s round %d: MultiLayerNetwork %.0f samples/s, direct engine %.0f samples/s (%.1fx)%n",
                        arch, round, layerRate, directRate, directRate / layerRate);
            }
        }
    }

    private static MultiLayerNetwork convNetwork() {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-3))
                .convolutionMode(ConvolutionMode.Same).list();
        b.layer(conv(1, 32, Activation.RELU)).layer(pool())
                .layer(conv(32, 32, Activation.RELU)).layer(pool())
                .layer(conv(32, 32, Activation.RELU)).layer(new Upsampling2D.Builder(2).build())
                .layer(conv(32, 32, Activation.RELU)).layer(new Upsampling2D.Builder(2).build())
                .layer(conv(32, 1, Activation.IDENTITY))
                .layer(new CnnLossLayer.Builder(LossFunction.XENT).activation(Activation.SIGMOID).build());
        MultiLayerConfiguration conf = b.setInputType(InputType.convolutional(28, 28, 1, CNN2DFormat.NCHW)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static ConvolutionLayer conv(int in, int out, Activation a) {
        return new ConvolutionLayer.Builder(3, 3).nIn(in).nOut(out).activation(a).build();
    }

    private static SubsamplingLayer pool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
    }

    private static MultiLayerNetwork denseNetwork() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-3)).list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(256).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(256).nOut(64).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(64).nOut(256).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.XENT).nIn(256).nOut(784).activation(Activation.SIGMOID).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private EngineComparison() { }

}
