package org.mmccycle.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes files so that readers (a synced SharePoint folder, a person opening the archive) never
 * see half a file: the content goes to a temporary file in the same folder, which is then moved
 * into place atomically. Also turns outside names (client slugs, file names) into single, safe
 * path segments, so that nothing is ever written outside the intended folder.
 */
public final class AtomicFiles {

  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");
  private static final Pattern LEADING_DOTS_AND_DASHES = Pattern.compile("^[.-]+");
  private static final int MAX_SEGMENT = 120;
  private static final String TEMP_PREFIX = ".";
  private static final String TEMP_SUFFIX = ".tmp";

  private AtomicFiles() {}

  /** Writes {@code content} to {@code target} with these permissions, replacing the file if it exists. */
  public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) {
    move(temporaryWith(target, content, permissions), target, true);
  }

  /**
   * Writes {@code content} to {@code target} unless a file of that name exists (also when another
   * writer created it a moment ago): a file, once there, is never replaced.
   *
   * @return whether the file was written
   */
  public static boolean writeIfAbsent(Path target, byte[] content, Set<PosixFilePermission> permissions) {
    return move(temporaryWith(target, content, permissions), target, false);
  }

  /**
   * Whether {@code file} is one of our temporary files ({@code .<name>.<random>.tmp}): a write
   * that has not been moved into place yet, or one left behind by a crash. It is never a real file.
   */
  public static boolean isTemporary(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);
  }

  /**
   * {@code name} as one safe path segment: every run of characters other than letters, digits,
   * {@code .}, {@code _} and {@code -} becomes {@code -}, and leading dots and dashes are
   * dropped, so {@code ../../etc} becomes {@code etc} and no segment is {@code .} or {@code ..}.
   *
   * @throws IllegalArgumentException if nothing usable is left
   */
  public static String safeSegment(String name) {
    String safe = name == null ? "" : UNSAFE.matcher(name.strip()).replaceAll("-");
    safe = LEADING_DOTS_AND_DASHES.matcher(safe).replaceFirst("");
    if (safe.length() > MAX_SEGMENT) {
      safe = safe.substring(0, MAX_SEGMENT);
    }
    if (safe.isEmpty()) {
      throw new IllegalArgumentException("Not a usable file or folder name: " + name);
    }
    return safe;
  }

  /** {@code folder/segment/...}, each segment made {@link #safeSegment safe}. */
  public static Path resolveSafely(Path folder, String... segments) {
    Path root = folder.toAbsolutePath().normalize();
    Path path = root;
    for (String segment : segments) {
      path = path.resolve(safeSegment(segment));
    }
    if (!path.normalize().startsWith(root) || path.equals(root)) {
      throw new IllegalArgumentException("Path escapes " + root + ": " + path);
    }
    return path;
  }

  /** The content in a temporary file beside the target, with the permissions the target gets (a temporary file is owner-only). */
  private static Path temporaryWith(Path target, byte[] content, Set<PosixFilePermission> permissions) {
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), TEMP_PREFIX + target.getFileName() + ".", TEMP_SUFFIX);
      try {
        Files.write(temp, content);
        if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
          Files.setPosixFilePermissions(temp, permissions);
        }
        return temp;
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(temp);
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + target, e);
    }
  }

  private static boolean move(Path temp, Path target, boolean replace) {
    try {
      if (!replace) {
        return moveIfAbsent(temp, target);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + target, e);
    } finally {
      deleteQuietly(temp);
    }
  }

  /**
   * A hard link fails atomically when the target exists; where the file system has no hard links,
   * a check and an atomic move (a rename alone would silently replace an existing file).
   */
  private static boolean moveIfAbsent(Path temp, Path target) throws IOException {
    try {
      Files.createLink(target, temp);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (UnsupportedOperationException | IOException noHardLinks) {
      if (Files.exists(target)) {
        return false;
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      return true;
    }
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // a left-over hidden .tmp file is harmless; the real file is in place or the error reported
    }
  }
}
