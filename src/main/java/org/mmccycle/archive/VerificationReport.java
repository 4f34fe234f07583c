package org.mmccycle.archive;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * What {@link ArchiveVerifier} found: every list empty means the archive folder holds exactly the
 * files the index names, each with the checksum it was filed with.
 *
 * @param checkedAt when the check ran
 * @param records index rows (filed versions)
 * @param filesChecked files on disk that were hashed
 * @param missing files the index names that are not on disk
 * @param changed files whose content no longer has the checksum they were filed with
 * @param unknown files on disk that the index does not name (stray or planted files)
 * @param manifestProblems where {@code MANIFEST.sha256} disagrees with the index
 * @param temporaryFiles unfinished writes ({@code .*.tmp}): never records, ignored by the check
 */
public record VerificationReport(
    Instant checkedAt,
    int records,
    int filesChecked,
    List<String> missing,
    List<ChangedFile> changed,
    List<String> unknown,
    List<String> manifestProblems,
    List<String> temporaryFiles) {

  /** A filed file whose content changed. */
  public record ChangedFile(String path, String expectedSha256, String actualSha256) {}

  /** Whether the archive is intact: nothing missing, changed or unknown, and the manifest agrees. */
  @JsonProperty("intact")
  public boolean intact() {
    return missing.isEmpty() && changed.isEmpty() && unknown.isEmpty() && manifestProblems.isEmpty();
  }
}
