package org.mmccycle.client;

import java.util.List;

/** A client as our API shows it: master data, whether it is under contract, and its devices. */
public record ClientView(String slug, String name, String contact, String siteAddress, String technician, boolean active,
    String visitPreference, List<Device> devices) {

  static ClientView of(ContractClient client, String visitPreference) {
    return new ClientView(client.slug(), client.name(), client.contact(), client.siteAddress(), client.technician(), client.active(),
        visitPreference, client.devices());
  }
}
