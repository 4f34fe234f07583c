package org.mmccycle.archive;

import java.nio.file.Path;

/**
 * A visit record in the archive.
 *
 * @param id the record's row in the archive index
 * @param pdf the rendered record (PDF/A)
 * @param json the record's data, for search and re-rendering
 * @param version 1, or higher when a different record for the same client and month was filed
 *     before ({@code <name>.v2.pdf}): a correction
 * @param previousVersionId the index row of the version this one corrects, or {@code null}
 */
public record FiledRecord(long id, Path pdf, Path json, int version, Long previousVersionId) {}
