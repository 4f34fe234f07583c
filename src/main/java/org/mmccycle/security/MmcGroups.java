package org.mmccycle.security;

import java.util.Collection;
import java.util.List;

/** The Camunda groups that MMC Cycle's users belong to (candidate groups in the models). */
public final class MmcGroups {

  public static final String TECHNICIANS = "technicians";
  public static final String SERVICE_MANAGERS = "service-managers";
  public static final String PROCESS_OWNERS = "process-owners";
  public static final String ANALYSTS = "analysts";
  /** Camunda's own administrators' group (all permissions, Admin web app). */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  public static final List<String> ALL = List.of(TECHNICIANS, SERVICE_MANAGERS, PROCESS_OWNERS, ANALYSTS);

  private MmcGroups() {}

  /**
   * Whether these groups overrule a technician's part of the cycle: take over or hand on a task someone
   * holds, waive an on-site visit, keep a visit date that breaks the spacing rules. Service managers and
   * administrators do.
   */
  public static boolean overrule(Collection<String> groupIds) {
    return groupIds != null && (groupIds.contains(SERVICE_MANAGERS) || groupIds.contains(CAMUNDA_ADMIN));
  }

  public static String displayName(String groupId) {
    return switch (groupId) {
      case TECHNICIANS -> "Technicians";
      case SERVICE_MANAGERS -> "Service managers";
      case PROCESS_OWNERS -> "Process owners";
      case ANALYSTS -> "Analysts";
      default -> groupId;
    };
  }
}
