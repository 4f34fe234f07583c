package org.mmccycle.archive;

import java.time.Instant;

/**
 * One row of the archive index: a filed record version, where its files are and what they hash to.
 *
 * @param id the row's id
 * @param clientSlug the client's slug
 * @param clientName the client's name when the record was filed
 * @param cycleMonth {@code yyyy-MM}
 * @param version 1 for the first filing of a client's month, 2 for its first correction, ...
 * @param previousVersionId the version this one corrects, or {@code null}
 * @param pdfPath the PDF, relative to the archive folder, with {@code /}
 * @param jsonPath the record's data, relative to the archive folder
 * @param sha256Pdf the PDF's SHA-256 (hex)
 * @param sha256Json the JSON's SHA-256 (hex)
 * @param filedAt when the record was filed
 * @param filedBy who confirmed the filing
 */
public record ArchivedRecord(
    long id,
    String clientSlug,
    String clientName,
    String cycleMonth,
    int version,
    Long previousVersionId,
    String pdfPath,
    String jsonPath,
    String sha256Pdf,
    String sha256Json,
    Instant filedAt,
    String filedBy) {}
