package com.daeworkbench.core.io;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * The pages inside a folder, for denoise and the Documents tab alike: images and PDFs in it and
 * its subfolders (scans are often filed by box or by date), sorted, hidden files and folders
 * skipped. Symbolic links are followed: a folder named through a link is searched like any other.
 */
public final class PageFiles {
    private PageFiles() { }

    /**
     * @param skip a folder not to search (the output folder when it lies inside), or null
     * @param unreadable told "path: cannot read (reason)" for each entry that cannot be read
     */
    public static List<Path> in(Path folder, Path skip, Consumer<String> unreadable) throws IOException {
        Path skipped = skip == null ? null : skip.toAbsolutePath().normalize();
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean leaveOut = !dir.equals(folder) && (isHidden(dir) || dir.toAbsolutePath().normalize().equals(skipped));
                return leaveOut ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !isHidden(file) && ImageLoader.isImageFile(file)) found.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                unreadable.accept(file + ": cannot read (" + e.getMessage() + ")");
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return found;
    }

    /** What to tell when a folder holds no pages. */
    public static String noneIn(Path folder) {
        return folder + ": no images in this folder or its subfolders (looked for "
                + String.join(", ", ImageLoader.EXTENSIONS) + "; hidden files skipped)";
    }

    private static boolean isHidden(Path p) {
        return p.getFileName() != null && p.getFileName().toString().startsWith(".");
    }
}
