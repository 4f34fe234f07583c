package org.mmccycle.security;

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
