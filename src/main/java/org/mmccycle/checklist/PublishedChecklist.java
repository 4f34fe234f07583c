package org.mmccycle.checklist;

import java.time.Instant;

/** The checklist a client's next visit works from: its latest published revision, who published it and when. */
public record PublishedChecklist(String clientSlug, String clientName, int revision, Instant publishedAt, String publishedBy,
    String changeNote) {}
