package com.daeworkbench.core.model;

/** Milliseconds per call of one layer's forward and backward pass, averaged over a profile. */
public record LayerTiming(String layer, double forwardMs, double backwardMs) { }
