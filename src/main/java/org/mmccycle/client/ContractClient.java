package org.mmccycle.client;

import java.util.List;

/** A contract client: visited every month, its checklist executed, revised, published and filed. */
public record ContractClient(
    String slug,
    String name,
    String contact,
    String siteAddress,
    String technician,
    boolean active,
    List<Device> devices) {

  public ContractClient {
    devices = devices == null ? List.of() : List.copyOf(devices);
  }
}
