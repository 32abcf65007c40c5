package com.daeworkbench.core.io;

/** What a cleaned document is written as. */
public enum PageFormat {
    /** One PDF, a page per input page, each at the input page's size. */
    PDF("pdf"),
    /** One PNG per page. */
    PNG("png"),
    /** One TIFF holding every page. */
    TIFF("tif");

    private final String extension;

    PageFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** Whether every page goes into one file (so that file appears only once every page is done). */
    public boolean holdsAllPages() {
        return this != PNG;
    }
}
