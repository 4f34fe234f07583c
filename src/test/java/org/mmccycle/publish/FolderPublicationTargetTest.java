package org.mmccycle.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmccycle.document.DocumentProperties;
import org.mmccycle.document.DocumentProperties.ArchiveLayout;

class FolderPublicationTargetTest {

  private static final byte[] PDF = "%PDF-1.4 checklist".getBytes(StandardCharsets.US_ASCII);

  @TempDir Path root;

  private Path published() {
    return root.resolve("published");
  }

  private PublicationTarget target() {
    return new FolderPublicationTarget(
        new DocumentProperties(published(), root.resolve("archive"), ArchiveLayout.BY_MONTH));
  }

  @Test
  void shouldWriteTheFileIntoTheClientsFolder() throws IOException {
    String where = target().publish("acme", "checklist-2026-12-r4.pdf", PDF);

    Path file = published().resolve("acme/checklist-2026-12-r4.pdf");
    assertThat(where).isEqualTo(file.toAbsolutePath().toString());
    assertThat(file).hasBinaryContent(PDF);
  }

  /** Issue 17, item 9: the publish folder is meant to be shared (a synced SharePoint library); the mode is a setting. */
  @Test
  void shouldWriteFilesWithTheConfiguredPermissions() throws IOException {
    Path shared = Path.of(target().publish("acme", "shared.pdf", PDF));
    Path open = Path.of(new FolderPublicationTarget(new DocumentProperties(published(), root.resolve("archive"), ArchiveLayout.BY_MONTH,
        "rw-rw-r--")).publish("acme", "open.pdf", PDF));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rw-r-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(open))).isEqualTo("rw-rw-r--");
  }

  @Test
  void shouldRefusePermissionsThatLockTheOwnerOut() {
    assertThatThrownBy(() -> new DocumentProperties(published(), root, ArchiveLayout.BY_MONTH, "r--r--r--"))
        .hasMessageContaining("must let the owner read and write");
    assertThatThrownBy(() -> new DocumentProperties(published(), root, ArchiveLayout.BY_MONTH, "group-readable"))
        .hasMessageContaining("must be written like rw-r-----");
  }

  @Test
  void shouldReplaceAnEarlierPublicationOfTheSameName() {
    target().publish("acme", "checklist.pdf", "old".getBytes(StandardCharsets.US_ASCII));

    target().publish("acme", "checklist.pdf", PDF);

    assertThat(published().resolve("acme/checklist.pdf")).hasBinaryContent(PDF);
  }

  @Test
  void shouldKeepAClimbingSlugAndFileNameInsideThePublishFolder() throws IOException {
    String where = target().publish("../../etc", "../passwd", PDF);

    assertThat(Path.of(where)).startsWith(published().toAbsolutePath()).hasBinaryContent(PDF);
    assertThat(Path.of(where)).isEqualTo(published().resolve("etc/passwd").toAbsolutePath());
    assertThat(allFiles(root)).containsExactly(Path.of(where).toAbsolutePath());
  }

  @Test
  void shouldLeaveNoTemporaryFileBehind() throws IOException {
    target().publish("acme", "a.pdf", PDF);
    target().publish("acme", "a.pdf", PDF);
    target().publish("beta", "b.pdf", PDF);

    assertThat(allFiles(published())).extracting(p -> published().relativize(p).toString())
        .containsExactlyInAnyOrder("acme/a.pdf", "beta/b.pdf");
  }

  @Test
  void shouldRefuseASlugWithNothingUsableInIt() {
    assertThatThrownBy(() -> target().publish("../..", "a.pdf", PDF))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Path> allFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).map(Path::toAbsolutePath).toList();
    }
  }
}
