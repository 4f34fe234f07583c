package org.mmccycle.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mmccycle.archive.VerificationReport.ChangedFile;
import org.mmccycle.document.AtomicFiles;
import org.springframework.stereotype.Service;

/**
 * Checks the archive folder against the archive index: every file the index names must be there
 * with the SHA-256 it was filed with, no other file may be there, and {@code MANIFEST.sha256} must
 * agree with the index. The index, in the database, is the reference: a person who can change the
 * files cannot change it. Temporary files of unfinished writes are listed but are no records.
 */
@Service
public class ArchiveVerifier {

  private final RecordArchive archive;
  private final ArchiveIndex index;
  private final ArchiveManifest manifest;
  private final Clock clock;

  public ArchiveVerifier(RecordArchive archive, ArchiveIndex index, ArchiveManifest manifest, Clock clock) {
    this.archive = archive;
    this.index = index;
    this.manifest = manifest;
    this.clock = clock;
  }

  /** Hashes every file in the archive folder and compares. */
  public VerificationReport verify() {
    Map<String, String> expected = manifest.expected();
    Map<String, String> notSeen = new HashMap<>(expected);
    List<ChangedFile> changed = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    List<String> temporary = new ArrayList<>();
    int checked = 0;
    for (Path file : files()) {
      String path = archive.root().relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
      if (path.equals(ArchiveManifest.FILE_NAME)) {
        continue;
      }
      if (AtomicFiles.isTemporary(file)) {
        temporary.add(path);
        continue;
      }
      String sha256 = notSeen.remove(path);
      if (sha256 == null || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        unknown.add(path);
        continue;
      }
      checked++;
      String actual = Sha256.of(file);
      if (!actual.equals(sha256)) {
        changed.add(new ChangedFile(path, sha256, actual));
      }
    }
    return new VerificationReport(clock.instant(), index.all().size(), checked, sorted(notSeen.keySet()),
        changed, sorted(unknown), manifestProblems(expected), sorted(temporary));
  }

  private List<String> manifestProblems(Map<String, String> expected) {
    var written = manifest.read();
    if (written.isEmpty()) {
      return expected.isEmpty() ? List.of() : List.of(ArchiveManifest.FILE_NAME + " is missing");
    }
    List<String> problems = new ArrayList<>();
    expected.forEach((path, sha256) -> {
      String listed = written.get().get(path);
      if (listed == null) {
        problems.add("not in the manifest: " + path);
      } else if (!listed.equals(sha256)) {
        problems.add("checksum in the manifest differs from the index: " + path);
      }
    });
    written.get().keySet().stream().filter(path -> !expected.containsKey(path))
        .forEach(path -> problems.add("in the manifest but not in the index: " + path));
    return problems;
  }

  private List<Path> files() {
    if (!Files.isDirectory(archive.root())) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(archive.root())) {
      return walk.filter(path -> !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + archive.root(), e);
    }
  }

  private static List<String> sorted(Collection<String> paths) {
    return paths.stream().sorted().toList();
  }
}
