package com.daeworkbench.core.data;

/** How each numeric column of a table is scaled before the network sees it; fitted on the file, saved with the model. */
public enum Scaling {
    /** (x - mean) / standard deviation: errors come out in standard deviations of each column */
    STANDARD,
    /** (x - min) / (max - min): every column in [0,1] on the file it was fitted on */
    MINMAX
}
